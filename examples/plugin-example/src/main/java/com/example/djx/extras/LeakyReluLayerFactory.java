package com.example.djx.extras;

import java.util.List;
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
    public List<ParameterSpec> configuration() {
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
        // Grown to the largest batch, in the element type of the batches that arrive (the network's,
        // context.dtype()); a smaller batch is a view of the first rows.
        private Tensor output;
        private Tensor inputGradient;
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
            output = fit(output, x);
            Tensor y = output.withRows(x.rows());
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
            inputGradient = fit(inputGradient, outputGradient);
            Tensor dx = inputGradient.withRows(outputGradient.rows());
            for (int i = 0, n = outputGradient.size(); i < n; i++) {
                double dy = outputGradient.get(i);
                dx.set(i, input.get(i) > 0 ? dy : slope * dy);
            }
            return dx;
        }

        /** Returns {@code buffer}, or a new one of {@code batch}'s type when it is missing or too small. */
        private Tensor fit(Tensor buffer, Tensor batch) {
            if (buffer == null || buffer.rows() < batch.rows() || buffer.dtype() != batch.dtype()) {
                return Tensor.zeros(batch.dtype(), batch.rows(), features);
            }
            return buffer;
        }
    }
}
