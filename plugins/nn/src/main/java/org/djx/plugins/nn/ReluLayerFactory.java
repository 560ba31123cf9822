package org.djx.plugins.nn;

import org.djx.api.spi.LayerFactory;

/** The rectifier max(x, 0), elementwise; its derivative at 0 is taken as 0. */
public final class ReluLayerFactory extends Activation implements LayerFactory {
    public ReluLayerFactory() {
        super("relu", "The rectifier max(x, 0), elementwise; its derivative at 0 is taken as 0.");
    }

    @Override
    void apply(double[] x, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = x[i] > 0 ? x[i] : 0;
        }
    }

    @Override
    void derive(double[] x, double[] y, double[] dy, double[] dx, int n) {
        for (int i = 0; i < n; i++) {
            dx[i] = x[i] > 0 ? dy[i] : 0;
        }
    }

    @Override
    void apply(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = x[i] > 0 ? x[i] : 0;
        }
    }

    @Override
    void derive(float[] x, float[] y, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) {
            dx[i] = x[i] > 0 ? dy[i] : 0;
        }
    }
}
