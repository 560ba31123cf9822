package org.djx.plugins.nn;

import org.djx.api.spi.Config;
import org.djx.api.spi.Layer;
import org.djx.api.spi.LayerContext;
import org.djx.api.spi.LayerFactory;

/** Passes its input through unchanged (D2L's output activation). */
public final class IdentityLayerFactory implements LayerFactory {
    @Override
    public String name() {
        return "identity";
    }

    @Override
    public String description() {
        return "Passes its input through unchanged (D2L's output activation).";
    }

    @Override
    public Layer create(Config config, LayerContext context) {
        return new Elementwise(context.inputFeatures()) {
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
        };
    }
}
