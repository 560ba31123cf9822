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
 * Adam (Kingma and Ba) with bias correction, computed as PyTorch's {@code torch.optim.Adam}: weight
 * decay is added to the gradient before the moments (L2, not AdamW's decoupled decay).
 */
public final class AdamOptimizerFactory implements OptimizerFactory {
    private static final String NAME = "adam";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Adam with bias correction; weight decay is added to the gradient (PyTorch's Adam).";
    }

    @Override
    public List<ParameterSpec> configuration() {
        return List.of(
                ParameterSpec.number("lr", "Learning rate.").withDefault(0.001).greaterThan(0),
                ParameterSpec.number("beta1", "Decay rate of the first moment.").withDefault(0.9).atLeast(0).lessThan(1),
                ParameterSpec.number("beta2", "Decay rate of the second moment.").withDefault(0.999).atLeast(0).lessThan(1),
                ParameterSpec.number("epsilon", "Added to the root of the second moment.").withDefault(1e-8).greaterThan(0),
                ParameterSpec.number("weight-decay", "L2 penalty added to the gradient.").withDefault(0.0).atLeast(0));
    }

    @Override
    public Optimizer create(Config config, List<Parameter> parameters) {
        return new Adam(List.copyOf(parameters), config.number("lr"), config.number("beta1"),
                config.number("beta2"), config.number("epsilon"), config.number("weight-decay"));
    }

    private static final class Adam implements Optimizer {
        private final List<Parameter> parameters;
        /** The moment estimates, each of its parameter's element type and size. */
        private final Tensor[] first;
        private final Tensor[] second;
        private final double baseLr;
        /** The rate of the coming steps: the configured one until a schedule sets another. */
        private double lr;
        private final double beta1;
        private final double beta2;
        private final double epsilon;
        private final double decay;
        private int step;

        Adam(List<Parameter> parameters, double lr, double beta1, double beta2, double epsilon, double decay) {
            this.parameters = parameters;
            this.first = new Tensor[parameters.size()];
            this.second = new Tensor[parameters.size()];
            for (int k = 0; k < parameters.size(); k++) {
                Tensor value = parameters.get(k).value();
                first[k] = Tensor.zeros(value.dtype(), value.size());
                second[k] = Tensor.zeros(value.dtype(), value.size());
            }
            this.baseLr = lr;
            this.lr = lr;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
            this.decay = decay;
        }

        @Override
        public void step() {
            step++;
            double correction1 = 1 - Math.pow(beta1, step);
            double rootCorrection2 = Math.sqrt(1 - Math.pow(beta2, step));
            double stepSize = lr / correction1;
            for (int k = 0; k < parameters.size(); k++) {
                Parameter p = parameters.get(k);
                if (p.value().dtype() == DType.FLOAT32) {
                    update(p.value().floats(), p.gradient().floats(), first[k].floats(), second[k].floats(),
                            (float) stepSize, (float) rootCorrection2);
                } else {
                    update(p.value().data(), p.gradient().data(), first[k].data(), second[k].data(), stepSize,
                            rootCorrection2);
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
            OptimizerState.Builder state = OptimizerState.builder(NAME, parameters).scalar("step", step);
            for (int k = 0; k < parameters.size(); k++) {
                state.tensor("first/" + k, first[k]).tensor("second/" + k, second[k]);
            }
            return state.build();
        }

        @Override
        public void restoreState(OptimizerState state) {
            state.requireFits(NAME, parameters);
            double steps = state.scalar("step");
            if (!(steps >= 0 && steps <= Integer.MAX_VALUE && steps == Math.rint(steps))) {
                throw new IllegalArgumentException("the state of optimizer 'adam' has the step count " + steps
                        + "; expected a whole number from 0 to " + Integer.MAX_VALUE);
            }
            for (int k = 0; k < parameters.size(); k++) {
                state.copyInto("first/" + k, first[k]);
                state.copyInto("second/" + k, second[k]);
            }
            step = (int) steps;
        }

        private void update(double[] w, double[] g, double[] m, double[] v, double stepSize, double rootCorrection2) {
            for (int i = 0; i < m.length; i++) {
                double gi = g[i] + decay * w[i];
                m[i] = beta1 * m[i] + (1 - beta1) * gi;
                v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
                // PyTorch: w -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
                w[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / rootCorrection2 + epsilon);
            }
        }

        /** The same update in float32, as PyTorch computes it for float32 parameters. */
        private void update(float[] w, float[] g, float[] m, float[] v, float stepSize, float rootCorrection2) {
            float b1 = (float) beta1;
            float b2 = (float) beta2;
            float l2 = (float) decay;
            float eps = (float) epsilon;
            for (int i = 0; i < m.length; i++) {
                float gi = g[i] + l2 * w[i];
                m[i] = b1 * m[i] + (1 - b1) * gi;
                v[i] = b2 * v[i] + (1 - b2) * gi * gi;
                w[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) / rootCorrection2 + eps);
            }
        }
    }
}
