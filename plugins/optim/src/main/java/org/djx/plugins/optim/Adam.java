package org.djx.plugins.optim;

import java.util.List;
import java.util.OptionalDouble;
import org.djx.api.DType;
import org.djx.api.Parameter;
import org.djx.api.Tensor;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerState;
import org.djx.api.spi.ParameterSpec;

/**
 * Adam with bias correction, as PyTorch's {@code torch.optim.Adam} and {@code torch.optim.AdamW} compute
 * it: the step size {@code lr / (1 - beta1^t)} and the denominator
 * {@code sqrt(v) / sqrt(1 - beta2^t) + eps}. The weight decay either joins the gradient before the
 * moments (Adam's L2 penalty) or shrinks every weight by {@code 1 - lr * weight_decay} before the update
 * (AdamW's decoupled decay); AMSGrad divides by the largest second moment so far instead of the current one.
 */
final class Adam implements Optimizer {
    /** How the weight decay enters the update. */
    enum Decay {
        /** Added to the gradient: {@code g + wd * w} (Adam). */
        L2,
        /** Applied to the weights apart from the gradient: {@code w <- w * (1 - lr * wd)} (AdamW). */
        DECOUPLED
    }

    private final String name;
    private final List<Parameter> parameters;
    /** The moment estimates, each of its parameter's element type and size. */
    private final Tensor[] first;
    private final Tensor[] second;
    /** The largest second moment of each element so far, with AMSGrad; otherwise null. */
    private final Tensor[] maxSecond;
    private final double baseLr;
    /** The rate of the coming steps: the configured one until a schedule sets another. */
    private double lr;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double decay;
    private final boolean decoupled;
    private int step;

    /** Returns the keys every Adam variant has (lr, beta1, beta2, epsilon, PyTorch's defaults), then {@code own}. */
    static List<ParameterSpec> configuration(ParameterSpec... own) {
        List<ParameterSpec> keys = new java.util.ArrayList<>(List.of(
                ParameterSpec.number("lr", "Learning rate.").withDefault(0.001).greaterThan(0),
                ParameterSpec.number("beta1", "Decay rate of the first moment.").withDefault(0.9).atLeast(0).lessThan(1),
                ParameterSpec.number("beta2", "Decay rate of the second moment.").withDefault(0.999).atLeast(0).lessThan(1),
                ParameterSpec.number("epsilon", "Added to the root of the second moment.").withDefault(1e-8).greaterThan(0)));
        keys.addAll(List.of(own));
        return List.copyOf(keys);
    }

    Adam(String name, List<Parameter> parameters, double lr, double beta1, double beta2, double epsilon, double decay,
            Decay mode, boolean amsgrad) {
        this.name = name;
        this.parameters = List.copyOf(parameters);
        this.first = new Tensor[parameters.size()];
        this.second = new Tensor[parameters.size()];
        this.maxSecond = amsgrad ? new Tensor[parameters.size()] : null;
        for (int k = 0; k < parameters.size(); k++) {
            Tensor value = parameters.get(k).value();
            first[k] = Tensor.zeros(value.dtype(), value.size());
            second[k] = Tensor.zeros(value.dtype(), value.size());
            if (amsgrad) {
                maxSecond[k] = Tensor.zeros(value.dtype(), value.size());
            }
        }
        this.baseLr = lr;
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.decay = decay;
        this.decoupled = mode == Decay.DECOUPLED;
    }

    @Override
    public void step() {
        step++;
        double correction1 = 1 - Math.pow(beta1, step);
        double rootCorrection2 = Math.sqrt(1 - Math.pow(beta2, step));
        double stepSize = lr / correction1;
        double shrink = 1 - lr * decay;
        for (int k = 0; k < parameters.size(); k++) {
            Parameter p = parameters.get(k);
            if (p.value().dtype() == DType.FLOAT32) {
                float[] w = p.value().floats();
                if (decoupled) {
                    decay(w, (float) shrink);
                }
                update(w, p.gradient().floats(), first[k].floats(), second[k].floats(),
                        maxSecond == null ? null : maxSecond[k].floats(), (float) stepSize, (float) rootCorrection2);
            } else {
                double[] w = p.value().data();
                if (decoupled) {
                    decay(w, shrink);
                }
                update(w, p.gradient().data(), first[k].data(), second[k].data(),
                        maxSecond == null ? null : maxSecond[k].data(), stepSize, rootCorrection2);
            }
        }
    }

    private static void decay(double[] w, double shrink) {
        for (int i = 0; i < w.length; i++) {
            w[i] *= shrink;
        }
    }

    private static void decay(float[] w, float shrink) {
        for (int i = 0; i < w.length; i++) {
            w[i] *= shrink;
        }
    }

    /** One Adam step; {@code max} is the AMSGrad maximum, or null. */
    private void update(double[] w, double[] g, double[] m, double[] v, double[] max, double stepSize,
            double rootCorrection2) {
        for (int i = 0; i < m.length; i++) {
            double gi = decoupled ? g[i] : g[i] + decay * w[i];
            m[i] = beta1 * m[i] + (1 - beta1) * gi;
            v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
            double vi = v[i];
            if (max != null) {
                max[i] = Math.max(max[i], vi);
                vi = max[i];
            }
            // PyTorch: w -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
            w[i] -= stepSize * m[i] / (Math.sqrt(vi) / rootCorrection2 + epsilon);
        }
    }

    /** The same update in float32, as PyTorch computes it for float32 parameters. */
    private void update(float[] w, float[] g, float[] m, float[] v, float[] max, float stepSize, float rootCorrection2) {
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float l2 = (float) decay;
        float eps = (float) epsilon;
        for (int i = 0; i < m.length; i++) {
            float gi = decoupled ? g[i] : g[i] + l2 * w[i];
            m[i] = b1 * m[i] + (1 - b1) * gi;
            v[i] = b2 * v[i] + (1 - b2) * gi * gi;
            float vi = v[i];
            if (max != null) {
                max[i] = Math.max(max[i], vi);
                vi = max[i];
            }
            w[i] -= stepSize * m[i] / ((float) Math.sqrt(vi) / rootCorrection2 + eps);
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
        OptimizerState.Builder state = OptimizerState.builder(name, parameters).scalar("step", step);
        for (int k = 0; k < parameters.size(); k++) {
            state.tensor("first/" + k, first[k]).tensor("second/" + k, second[k]);
            if (maxSecond != null) {
                state.tensor("max-second/" + k, maxSecond[k]);
            }
        }
        return state.build();
    }

    @Override
    public void restoreState(OptimizerState state) {
        state.requireFits(name, parameters);
        int steps = Steps.count(state, name);
        for (int k = 0; k < parameters.size(); k++) {
            state.copyInto("first/" + k, first[k]);
            state.copyInto("second/" + k, second[k]);
            if (maxSecond != null) {
                state.copyInto("max-second/" + k, maxSecond[k]);
            }
        }
        step = steps;
    }
}
