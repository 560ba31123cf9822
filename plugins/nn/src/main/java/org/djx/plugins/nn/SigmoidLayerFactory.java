package org.djx.plugins.nn;

import org.djx.api.spi.LayerFactory;

/** The logistic function 1 / (1 + exp(-x)), elementwise. */
public final class SigmoidLayerFactory extends Activation implements LayerFactory {
    public SigmoidLayerFactory() {
        super("sigmoid", "The logistic function 1 / (1 + exp(-x)), elementwise.");
    }

    @Override
    void apply(double[] x, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = 1 / (1 + Math.exp(-x[i]));
        }
    }

    @Override
    void derive(double[] x, double[] y, double[] dy, double[] dx, int n) {
        for (int i = 0; i < n; i++) {
            dx[i] = dy[i] * y[i] * (1 - y[i]);
        }
    }

    @Override
    void apply(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = (float) (1 / (1 + Math.exp(-x[i])));
        }
    }

    @Override
    void derive(float[] x, float[] y, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) {
            dx[i] = dy[i] * y[i] * (1 - y[i]);
        }
    }
}
