package com.example.djx.extras;

import java.util.List;
import org.djx.api.Tensor;
import org.djx.api.spi.BatchBuffer;
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
    public List<ParameterSpec> configuration() {
        return List.of(ParameterSpec.number("negative-slope", "The slope for negative inputs.")
                .withDefault(0.01).atLeast(0).atMost(1));
    }

    @Override
    public Layer create(Config config, LayerContext context) {
        return new LeakyRelu(context, config.number("negative-slope"));
    }

    /**
     * The layer: parameter-free, with an output and an input-gradient buffer from the context, which
     * grow to the largest batch and are then reused, as the api asks of layers.
     */
    private static final class LeakyRelu implements Layer {
        private final int features;
        private final double slope;
        private final BatchBuffer output;
        private final BatchBuffer inputGradient;
        private Tensor input;

        LeakyRelu(LayerContext context, double slope) {
            this.features = context.inputFeatures();
            this.slope = slope;
            // In the network's element type; rows(n) hands out an n-row view without allocating.
            this.output = context.buffer(features);
            this.inputGradient = context.buffer(features);
        }

        @Override
        public int outputFeatures() {
            return features;
        }

        @Override
        public Tensor forward(Tensor x) {
            input = x;
            Tensor y = output.rows(x.rows());
            // get and set serve float32 and float64 tensors alike; a layer on a hot path would loop over
            // x.floats() or x.data() instead, as the built-in activations do.
            for (int i = 0, n = x.size(); i < n; i++) {
                double v = x.get(i);
                y.set(i, v > 0 ? v : slope * v);
            }
            return y;
        }

        @Override
        public Tensor backward(Tensor outputGradient) {
            Tensor dx = inputGradient.rows(outputGradient.rows());
            for (int i = 0, n = outputGradient.size(); i < n; i++) {
                double dy = outputGradient.get(i);
                dx.set(i, input.get(i) > 0 ? dy : slope * dy);
            }
            return dx;
        }
    }
}
