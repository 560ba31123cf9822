package org.djx.plugins.nn;

import java.util.List;
import org.djx.api.Parameter;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.api.spi.BatchBuffer;
import org.djx.api.spi.Config;
import org.djx.api.spi.Kernels;
import org.djx.api.spi.Layer;
import org.djx.api.spi.LayerContext;
import org.djx.api.spi.LayerFactory;
import org.djx.api.spi.ParameterSpec;

/**
 * The fully connected layer {@code y = x W + b}, with W of shape {@code [inputs, outputs]} as D2L
 * writes it.
 */
public final class LinearLayerFactory implements LayerFactory {
    @Override
    public String name() {
        return "linear";
    }

    @Override
    public String description() {
        return "Fully connected layer y = x W + b, W of shape [inputs, outputs].";
    }

    @Override
    public List<ParameterSpec> configuration() {
        return List.of(
                ParameterSpec.integer("outputs", "Number of output features.").asRequired().atLeast(1),
                ParameterSpec.bool("bias", "Whether the layer adds a bias b.").withDefault(true),
                ParameterSpec.matrix("weights",
                        "Explicit initial W, one row per input and one column per output; replaces the initializer."),
                ParameterSpec.numbers("biases", "Explicit initial b, one value per output; needs bias = true."));
    }

    @Override
    public Layer create(Config config, LayerContext context) {
        int inputs = context.inputFeatures();
        int outputs = config.integer("outputs");
        boolean hasBias = config.bool("bias");
        Parameter weight = context.parameter("weight", Parameter.Role.WEIGHT, Shape.of(inputs, outputs), inputs, outputs);
        if (config.has("weights")) {
            double[][] w = config.matrix("weights");
            if (w.length != inputs || w[0].length != outputs) {
                throw config.error("weights", "expected " + inputs + " x " + outputs
                        + " (inputs x outputs), found " + w.length + " x " + w[0].length);
            }
            weight.value().copyFrom(Tensor.matrix(w));
        } else {
            context.initialize(weight);
        }
        Parameter bias = null;
        if (hasBias) {
            bias = context.parameter("bias", Parameter.Role.BIAS, Shape.of(outputs), inputs, outputs);
            if (config.has("biases")) {
                double[] b = config.numbers("biases");
                if (b.length != outputs) {
                    throw config.error("biases", "expected " + outputs + " values (one per output), found " + b.length);
                }
                bias.value().copyFrom(Tensor.vector(b));
            } else {
                context.initialize(bias);
            }
        } else if (config.has("biases")) {
            throw config.error("biases", "biases are given but bias is false; remove one of them");
        }
        return new Linear(context, weight, bias);
    }

    private static final class Linear implements Layer {
        private final Kernels kernels;
        private final Parameter weight;
        private final Parameter bias;
        private final BatchBuffer output;
        private final BatchBuffer inputGradient;
        private Tensor input;

        Linear(LayerContext context, Parameter weight, Parameter bias) {
            this.kernels = context.kernels();
            this.weight = weight;
            this.bias = bias;
            this.output = context.buffer(weight.value().shape().dim(1));
            this.inputGradient = context.buffer(weight.value().shape().dim(0));
        }

        @Override
        public int outputFeatures() {
            return weight.value().shape().dim(1);
        }

        @Override
        public Tensor forward(Tensor x) {
            input = x;
            Tensor y = output.rows(x.rows());
            kernels.gemm(false, false, 1, x, weight.value(), 0, y);
            if (bias != null) {
                kernels.addToRows(y, bias.value());
            }
            return y;
        }

        @Override
        public Tensor backward(Tensor dy) {
            backwardParameters(dy);
            // dx = dy W^T
            Tensor dx = inputGradient.rows(dy.rows());
            kernels.gemm(false, true, 1, dy, weight.value(), 0, dx);
            return dx;
        }

        @Override
        public void backwardParameters(Tensor dy) {
            // dW = x^T dy, db = column sums of dy
            kernels.gemm(true, false, 1, input, dy, 0, weight.gradient());
            if (bias != null) {
                kernels.sumRows(dy, bias.gradient());
            }
        }

        @Override
        public List<Parameter> parameters() {
            return bias == null ? List.of(weight) : List.of(weight, bias);
        }
    }
}
