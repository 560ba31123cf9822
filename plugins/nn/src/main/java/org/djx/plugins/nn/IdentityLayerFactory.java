package org.djx.plugins.nn;

import org.djx.api.spi.LayerFactory;

/** Passes its input through unchanged (D2L's output activation). */
public final class IdentityLayerFactory extends Activation implements LayerFactory {
    public IdentityLayerFactory() {
        super("identity", "Passes its input through unchanged (D2L's output activation).");
    }

    @Override
    void apply(double[] x, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = x[i];
        }
    }

    @Override
    void derive(double[] x, double[] y, double[] dy, double[] dx, int n) {
        for (int i = 0; i < n; i++) {
            dx[i] = dy[i];
        }
    }

    @Override
    void apply(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = x[i];
        }
    }

    @Override
    void derive(float[] x, float[] y, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) {
            dx[i] = dy[i];
        }
    }
}
