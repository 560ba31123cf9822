package org.djx.plugins.nn;

import org.djx.api.spi.Config;
import org.djx.api.spi.Layer;
import org.djx.api.spi.LayerContext;
import org.djx.api.spi.LayerFactory;

/** The hyperbolic tangent, elementwise. */
public final class TanhLayerFactory implements LayerFactory {
    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String description() {
        return "The hyperbolic tangent, elementwise.";
    }

    @Override
    public Layer create(Config config, LayerContext context) {
        return new Elementwise(context.inputFeatures()) {
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
        };
    }
}
