package org.djx.plugins.nn;

import org.djx.api.spi.LayerFactory;

/** The hyperbolic tangent, elementwise. */
public final class TanhLayerFactory extends Activation implements LayerFactory {
    public TanhLayerFactory() {
        super("tanh", "The hyperbolic tangent, elementwise.");
    }

    @Override
    void apply(double[] x, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = Math.tanh(x[i]);
        }
    }

    @Override
    void derive(double[] x, double[] y, double[] dy, double[] dx, int n) {
        for (int i = 0; i < n; i++) {
            dx[i] = dy[i] * (1 - y[i] * y[i]);
        }
    }

    @Override
    void apply(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = (float) Math.tanh(x[i]);
        }
    }

    @Override
    void derive(float[] x, float[] y, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) {
            dx[i] = dy[i] * (1 - y[i] * y[i]);
        }
    }
}
