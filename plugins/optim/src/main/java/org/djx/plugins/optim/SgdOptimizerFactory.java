package org.djx.plugins.optim;

import java.util.List;
import java.util.OptionalDouble;
import org.djx.api.DType;
import org.djx.api.Parameter;
import org.djx.api.Tensor;
import org.djx.api.spi.Config;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
import org.djx.api.spi.OptimizerState;
import org.djx.api.spi.ParameterSpec;

/**
 * Minibatch SGD as PyTorch's {@code torch.optim.SGD}: the weight decay is added to the gradient,
 * {@code d = g + weight_decay * w}; without momentum {@code w <- w - lr * d}, D2L's update rule. With
 * momentum {@code mu} the buffer starts as the first step's {@code d} and then follows
 * {@code b <- mu * b + (1 - dampening) * d}; the step is {@code w <- w - lr * b}, or with Nesterov
 * {@code w <- w - lr * (d + mu * b)}.
 */
public final class SgdOptimizerFactory implements OptimizerFactory {
    private static final String NAME = "sgd";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Stochastic gradient descent, optionally with (Nesterov) momentum, as PyTorch's SGD:"
                + " w <- w - lr * (gradient + weight-decay * w) without momentum.";
    }

    @Override
    public List<ParameterSpec> configuration() {
        return List.of(
                ParameterSpec.number("lr", "Learning rate (D2L's eta).").asRequired().greaterThan(0),
                ParameterSpec.number("weight-decay", "L2 penalty added to the gradient.").withDefault(0.0).atLeast(0),
                ParameterSpec.number("momentum", "Decay of the momentum buffer; 0 for plain SGD.").withDefault(0.0)
                        .atLeast(0).lessThan(1),
                ParameterSpec.number("dampening", "Share of the gradient held back from the momentum buffer.")
                        .withDefault(0.0).atLeast(0).atMost(1),
                ParameterSpec.bool("nesterov", "Nesterov momentum: step along gradient + momentum * buffer;"
                        + " needs momentum > 0 and dampening 0.").withDefault(false));
    }

    @Override
    public Optimizer create(Config config, List<Parameter> parameters) {
        double momentum = config.number("momentum");
        double dampening = config.number("dampening");
        boolean nesterov = config.bool("nesterov");
        if (nesterov && !(momentum > 0 && dampening == 0)) {
            // PyTorch refuses the same: "Nesterov momentum requires a momentum and zero dampening".
            throw config.error("nesterov", "Nesterov momentum needs a momentum > 0 and dampening 0, found momentum "
                    + momentum + " and dampening " + dampening + "; set momentum (such as 0.9) and leave dampening at 0,"
                    + " or drop nesterov");
        }
        List<Parameter> copy = List.copyOf(parameters);
        double lr = config.number("lr");
        double decay = config.number("weight-decay");
        return momentum == 0 ? new Sgd(copy, lr, decay) : new MomentumSgd(copy, lr, decay, momentum, dampening, nesterov);
    }

    /** Plain SGD: keeps no state beyond its configuration; its learning rate is what a schedule sets. */
    private static final class Sgd implements Optimizer {
        private final List<Parameter> parameters;
        private final double baseLr;
        private final double decay;
        private double lr;

        Sgd(List<Parameter> parameters, double lr, double decay) {
            this.parameters = parameters;
            this.baseLr = lr;
            this.lr = lr;
            this.decay = decay;
        }

        @Override
        public void step() {
            for (Parameter p : parameters) {
                int n = p.value().size();
                if (p.value().dtype() == DType.FLOAT32) {
                    float[] w = p.value().floats();
                    float[] g = p.gradient().floats();
                    float rate = (float) lr;
                    float l2 = (float) decay;
                    for (int i = 0; i < n; i++) {
                        w[i] -= rate * (g[i] + l2 * w[i]);
                    }
                } else {
                    double[] w = p.value().data();
                    double[] g = p.gradient().data();
                    for (int i = 0; i < n; i++) {
                        w[i] -= lr * (g[i] + decay * w[i]);
                    }
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
            // Nothing accumulates; the state still records whose it is and for which parameters.
            return OptimizerState.builder(NAME, parameters).build();
        }

        @Override
        public void restoreState(OptimizerState state) {
            state.requireFits(NAME, parameters);
        }
    }

    /** SGD with a momentum buffer per parameter, which the first step fills with its gradient. */
    private static final class MomentumSgd implements Optimizer {
        private final List<Parameter> parameters;
        /** The momentum buffers, each of its parameter's element type and size. */
        private final Tensor[] buffers;
        private final double baseLr;
        private final double decay;
        private final double momentum;
        private final double dampening;
        private final boolean nesterov;
        private double lr;
        private int step;

        MomentumSgd(List<Parameter> parameters, double lr, double decay, double momentum, double dampening, boolean nesterov) {
            this.parameters = parameters;
            this.buffers = new Tensor[parameters.size()];
            for (int k = 0; k < parameters.size(); k++) {
                Tensor value = parameters.get(k).value();
                buffers[k] = Tensor.zeros(value.dtype(), value.size());
            }
            this.baseLr = lr;
            this.lr = lr;
            this.decay = decay;
            this.momentum = momentum;
            this.dampening = dampening;
            this.nesterov = nesterov;
        }

        @Override
        public void step() {
            boolean first = step == 0;
            step++;
            for (int k = 0; k < parameters.size(); k++) {
                Parameter p = parameters.get(k);
                if (p.value().dtype() == DType.FLOAT32) {
                    update(p.value().floats(), p.gradient().floats(), buffers[k].floats(), first);
                } else {
                    update(p.value().data(), p.gradient().data(), buffers[k].data(), first);
                }
            }
        }

        private void update(double[] w, double[] g, double[] b, boolean first) {
            double keep = 1 - dampening;
            for (int i = 0; i < b.length; i++) {
                double d = g[i] + decay * w[i];
                b[i] = first ? d : momentum * b[i] + keep * d;
                w[i] -= lr * (nesterov ? d + momentum * b[i] : b[i]);
            }
        }

        /** The same update in float32, as PyTorch computes it for float32 parameters. */
        private void update(float[] w, float[] g, float[] b, boolean first) {
            float rate = (float) lr;
            float l2 = (float) decay;
            float mu = (float) momentum;
            float keep = (float) (1 - dampening);
            for (int i = 0; i < b.length; i++) {
                float d = g[i] + l2 * w[i];
                b[i] = first ? d : mu * b[i] + keep * d;
                w[i] -= rate * (nesterov ? d + mu * b[i] : b[i]);
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
            OptimizerState.Builder state = OptimizerState.builder(NAME, parameters).scalar("step", step);
            for (int k = 0; k < parameters.size(); k++) {
                state.tensor("momentum/" + k, buffers[k]);
            }
            return state.build();
        }

        @Override
        public void restoreState(OptimizerState state) {
            state.requireFits(NAME, parameters);
            int steps = Steps.count(state, NAME);
            for (int k = 0; k < parameters.size(); k++) {
                state.copyInto("momentum/" + k, buffers[k]);
            }
            step = steps;
        }
    }
}
