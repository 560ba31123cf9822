package org.djx.plugins.optim;

import java.util.List;
import org.djx.api.DType;
import org.djx.api.Parameter;
import org.djx.api.spi.Config;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
import org.djx.api.spi.ParameterSpec;

/**
 * Plain minibatch SGD, {@code w <- w - lr * (g + weight_decay * w)}, as D2L's update rule and PyTorch's
 * {@code torch.optim.SGD} without momentum.
 */
public final class SgdOptimizerFactory implements OptimizerFactory {
    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public String description() {
        return "Stochastic gradient descent: w <- w - lr * (gradient + weight-decay * w).";
    }

    @Override
    public List<ParameterSpec> configuration() {
        return List.of(
                ParameterSpec.number("lr", "Learning rate (D2L's eta).").asRequired().greaterThan(0),
                ParameterSpec.number("weight-decay", "L2 penalty added to the gradient.").withDefault(0.0).atLeast(0));
    }

    @Override
    public Optimizer create(Config config, List<Parameter> parameters) {
        double lr = config.number("lr");
        double decay = config.number("weight-decay");
        List<Parameter> params = List.copyOf(parameters);
        return () -> {
            for (Parameter p : params) {
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
        };
    }
}
