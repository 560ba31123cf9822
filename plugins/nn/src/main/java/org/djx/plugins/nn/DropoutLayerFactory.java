package org.djx.plugins.nn;

import java.util.List;
import java.util.random.RandomGenerator;
import org.djx.api.DType;
import org.djx.api.Tensor;
import org.djx.api.spi.BatchBuffer;
import org.djx.api.spi.Config;
import org.djx.api.spi.Layer;
import org.djx.api.spi.LayerContext;
import org.djx.api.spi.LayerFactory;
import org.djx.api.spi.ParameterSpec;

/**
 * Inverted dropout, as PyTorch's {@code nn.Dropout}: in training each element is zeroed with probability p and
 * the others scaled by 1 / (1 - p), so the expected output is the input; in evaluation the input passes through.
 * Its masks come from the layer's random stream of the run.
 */
public final class DropoutLayerFactory implements LayerFactory {
    @Override
    public String name() {
        return "dropout";
    }

    @Override
    public String description() {
        return "Inverted dropout: in training zeroes each element with probability p and scales the rest by 1 / (1 - p);"
                + " in evaluation passes the input through.";
    }

    @Override
    public List<ParameterSpec> configuration() {
        return List.of(ParameterSpec.number("p", "The probability that an element is zeroed in training.").withDefault(0.5)
                .atLeast(0).lessThan(1));
    }

    @Override
    public Layer create(Config config, LayerContext context) {
        return new Dropout(context, config.number("p"));
    }

    private static final class Dropout implements Layer {
        private final double p;
        private final double scale;
        private final RandomGenerator random;
        private final BatchBuffer output;
        private final BatchBuffer inputGradient;
        private final BatchBuffer mask;
        private final int features;
        private boolean training;
        private boolean masked;

        Dropout(LayerContext context, double p) {
            this.p = p;
            this.scale = 1 / (1 - p);
            this.features = context.inputFeatures();
            this.random = context.random("mask");
            this.output = context.buffer(features);
            this.inputGradient = context.buffer(features);
            this.mask = context.buffer(features);
        }

        @Override
        public int outputFeatures() {
            return features;
        }

        @Override
        public void setTraining(boolean training) {
            this.training = training;
        }

        @Override
        public Tensor forward(Tensor x) {
            Tensor y = output.rows(x.rows());
            masked = training && p > 0;
            if (!masked) {
                copy(x, y);
                return y;
            }
            Tensor m = mask.rows(x.rows());
            if (x.dtype() == DType.FLOAT32) {
                float[] xs = x.floats();
                float[] ys = y.floats();
                float[] ms = m.floats();
                float keep = (float) scale;
                for (int i = 0, n = x.size(); i < n; i++) {
                    ms[i] = random.nextDouble() < p ? 0f : keep;
                    ys[i] = xs[i] * ms[i];
                }
            } else {
                double[] xs = x.data();
                double[] ys = y.data();
                double[] ms = m.data();
                for (int i = 0, n = x.size(); i < n; i++) {
                    ms[i] = random.nextDouble() < p ? 0 : scale;
                    ys[i] = xs[i] * ms[i];
                }
            }
            return y;
        }

        @Override
        public Tensor backward(Tensor dy) {
            Tensor dx = inputGradient.rows(dy.rows());
            if (!masked) {
                copy(dy, dx);
                return dx;
            }
            Tensor m = mask.rows(dy.rows());
            if (dy.dtype() == DType.FLOAT32) {
                float[] d = dy.floats();
                float[] ms = m.floats();
                float[] out = dx.floats();
                for (int i = 0, n = dy.size(); i < n; i++) {
                    out[i] = d[i] * ms[i];
                }
            } else {
                double[] d = dy.data();
                double[] ms = m.data();
                double[] out = dx.data();
                for (int i = 0, n = dy.size(); i < n; i++) {
                    out[i] = d[i] * ms[i];
                }
            }
            return dx;
        }

        private static void copy(Tensor from, Tensor to) {
            if (from.dtype() == DType.FLOAT32) {
                System.arraycopy(from.floats(), 0, to.floats(), 0, from.size());
            } else {
                System.arraycopy(from.data(), 0, to.data(), 0, from.size());
            }
        }
    }
}
