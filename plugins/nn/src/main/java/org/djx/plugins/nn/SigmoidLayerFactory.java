package org.djx.plugins.nn;

import org.djx.api.spi.Config;
import org.djx.api.spi.Layer;
import org.djx.api.spi.LayerContext;
import org.djx.api.spi.LayerFactory;

/** The logistic function 1 / (1 + exp(-x)), elementwise. */
public final class SigmoidLayerFactory implements LayerFactory {
    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public String description() {
        return "The logistic function 1 / (1 + exp(-x)), elementwise.";
    }

    @Override
    public Layer create(Config config, LayerContext context) {
        return new Elementwise(context.inputFeatures()) {
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
        };
    }
}
