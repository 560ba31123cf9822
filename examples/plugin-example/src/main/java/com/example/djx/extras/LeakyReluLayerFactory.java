package com.example.djx.extras;

import java.util.List;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.api.spi.Config;
import org.djx.api.spi.Layer;
import org.djx.api.spi.LayerContext;
import org.djx.api.spi.LayerFactory;
import org.djx.api.spi.ParameterSpec;

/**
 * The leaky rectifier, elementwise: {@code x} for {@code x > 0}, {@code negative-slope * x} otherwise,
 * as PyTorch's {@code LeakyReLU}. Unlike relu it passes a small gradient for negative inputs, so a unit
 * that drifts negative can recover. The derivative at 0 is taken as the negative slope.
 */
public final class LeakyReluLayerFactory implements LayerFactory {
    @Override
    public String name() {
        return "leaky-relu";
    }

    @Override
    public String description() {
        return "Leaky rectifier, elementwise: x for x > 0, negative-slope * x otherwise (PyTorch's LeakyReLU).";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.number("negative-slope", "The slope for negative inputs.")
                .withDefault(0.01).atLeast(0).atMost(1));
    }

    @Override
    public Layer create(Config config, LayerContext context) {
        return new LeakyRelu(context.inputFeatures(), config.number("negative-slope"));
    }

    /**
     * The layer: parameter-free, with an output and an input-gradient buffer that grow to the largest
     * batch and are reused, as the api asks of layers.
     */
    private static final class LeakyRelu implements Layer {
        private final int features;
        private final double slope;
        private double[] output = new double[0];
        private double[] inputGradient = new double[0];
        private Tensor input;

        LeakyRelu(int features, double slope) {
            this.features = features;
            this.slope = slope;
        }

        @Override
        public int outputFeatures() {
            return features;
        }

        @Override
        public Tensor forward(Tensor x) {
            input = x;
            int n = x.size();
            if (output.length < n) {
                output = new double[n];
            }
            double[] in = x.data();
            for (int i = 0; i < n; i++) {
                output[i] = in[i] > 0 ? in[i] : slope * in[i];
            }
            return Tensor.wrap(Shape.of(x.rows(), features), output);
        }

        @Override
        public Tensor backward(Tensor outputGradient) {
            int n = outputGradient.size();
            if (inputGradient.length < n) {
                inputGradient = new double[n];
            }
            double[] in = input.data();
            double[] dy = outputGradient.data();
            for (int i = 0; i < n; i++) {
                inputGradient[i] = in[i] > 0 ? dy[i] : slope * dy[i];
            }
            return Tensor.wrap(Shape.of(outputGradient.rows(), features), inputGradient);
        }
    }
}
