package com.example.djx.extras;

import java.util.List;
import java.util.OptionalDouble;
import org.djx.api.Parameter;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.api.spi.Config;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
import org.djx.api.spi.OptimizerState;
import org.djx.api.spi.ParameterSpec;

/**
 * RMSprop as PyTorch's {@code torch.optim.RMSprop} computes it without momentum and not centered: each
 * weight keeps a running mean of its squared gradient, {@code v = alpha v + (1 - alpha) g^2}, starting
 * at zero, and steps by {@code w -= lr g / (sqrt(v) + epsilon)}. A weight decay is added to the gradient
 * first ({@code g = grad + weight-decay * w}), as PyTorch does.
 */
public final class RmspropOptimizerFactory implements OptimizerFactory {
    private static final String NAME = "rmsprop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "RMSprop: steps by lr g / (sqrt(v) + epsilon) with v the running mean of g^2 (PyTorch's RMSprop"
                + " without momentum).";
    }

    @Override
    public List<ParameterSpec> configuration() {
        return List.of(
                ParameterSpec.number("lr", "Learning rate.").withDefault(0.01).greaterThan(0),
                ParameterSpec.number("alpha", "Decay rate of the running mean of squared gradients.")
                        .withDefault(0.99).atLeast(0).lessThan(1),
                ParameterSpec.number("epsilon", "Added to the root of the running mean.").withDefault(1e-8).greaterThan(0),
                ParameterSpec.number("weight-decay", "L2 penalty added to the gradient.").withDefault(0.0).atLeast(0));
    }

    @Override
    public Optimizer create(Config config, List<Parameter> parameters) {
        return new Rmsprop(List.copyOf(parameters), config.number("lr"), config.number("alpha"),
                config.number("epsilon"), config.number("weight-decay"));
    }

    /**
     * One optimizer per training run; all its state is the running means, one array per parameter,
     * which it exports and restores for checkpoints. Its learning rate is what a schedule sets.
     */
    private static final class Rmsprop implements Optimizer {
        private final List<Parameter> parameters;
        private final double[][] meanSquares;
        private final double baseLr;
        private double lr;
        private final double alpha;
        private final double epsilon;
        private final double decay;

        Rmsprop(List<Parameter> parameters, double lr, double alpha, double epsilon, double decay) {
            this.parameters = parameters;
            this.meanSquares = new double[parameters.size()][];
            for (int k = 0; k < parameters.size(); k++) {
                meanSquares[k] = new double[parameters.get(k).value().size()];
            }
            this.baseLr = lr;
            this.lr = lr;
            this.alpha = alpha;
            this.epsilon = epsilon;
            this.decay = decay;
        }

        @Override
        public void step() {
            for (int k = 0; k < parameters.size(); k++) {
                // get and set serve float32 and float64 parameters alike; the running means stay double.
                Tensor w = parameters.get(k).value();
                Tensor grad = parameters.get(k).gradient();
                double[] v = meanSquares[k];
                for (int i = 0; i < v.length; i++) {
                    double g = grad.get(i) + decay * w.get(i);
                    v[i] = alpha * v[i] + (1 - alpha) * g * g;
                    w.set(i, w.get(i) - lr * g / (Math.sqrt(v[i]) + epsilon));
                }
            }
        }

        @Override
        public OptionalDouble baseLearningRate() {
            return OptionalDouble.of(baseLr);
        }

        @Override
        public void setLearningRate(double learningRate) {
            lr = learningRate;
        }

        @Override
        public OptimizerState exportState() {
            OptimizerState.Builder state = OptimizerState.builder(NAME, parameters);
            for (int k = 0; k < meanSquares.length; k++) {
                // The builder copies, so wrapping the live array is safe.
                state.tensor("mean-square/" + k, Tensor.wrap(Shape.of(meanSquares[k].length), meanSquares[k]));
            }
            return state.build();
        }

        @Override
        public void restoreState(OptimizerState state) {
            state.requireFits(NAME, parameters);
            for (int k = 0; k < meanSquares.length; k++) {
                state.copyInto("mean-square/" + k, Tensor.wrap(Shape.of(meanSquares[k].length), meanSquares[k]));
            }
        }
    }
}
