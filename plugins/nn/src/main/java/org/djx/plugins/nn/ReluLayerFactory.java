package org.djx.plugins.nn;

import org.djx.api.spi.LayerFactory;

/**
 * The rectifier max(x, 0), elementwise; its derivative at 0 is taken as 0.
 *
 * <p>Written without a conditional so the JIT turns the loops into vector instructions: a comparison
 * branches on the sign of each element, which half the time is guessed wrong and costs several times the
 * arithmetic. The derivative's step scales x by 2^252 (2^2000 in float64), which takes the smallest
 * positive subnormal above 1, and clamps to [0, 1]: exactly 1 for x > 0 and 0 for x <= 0. NaN stays NaN.
 */
public final class ReluLayerFactory extends Activation implements LayerFactory {
    public ReluLayerFactory() {
        super("relu", "The rectifier max(x, 0), elementwise; its derivative at 0 is taken as 0.");
    }

    @Override
    void apply(double[] x, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = Math.max(x[i], 0);
        }
    }

    @Override
    void derive(double[] x, double[] y, double[] dy, double[] dx, int n) {
        for (int i = 0; i < n; i++) {
            dx[i] = dy[i] * Math.min(Math.max(x[i] * 0x1p1000 * 0x1p1000, 0), 1);
        }
    }

    @Override
    void apply(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = Math.max(x[i], 0f);
        }
    }

    @Override
    void derive(float[] x, float[] y, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) {
            dx[i] = dy[i] * Math.min(Math.max(x[i] * 0x1p126f * 0x1p126f, 0f), 1f);
        }
    }
}
