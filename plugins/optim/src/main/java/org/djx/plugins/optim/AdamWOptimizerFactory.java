package org.djx.plugins.optim;

import java.util.List;
import org.djx.api.Parameter;
import org.djx.api.spi.Config;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
import org.djx.api.spi.ParameterSpec;

/**
 * AdamW (Loshchilov and Hutter), computed as PyTorch's {@code torch.optim.AdamW}: each step first shrinks
 * every weight, {@code w <- w * (1 - lr * weight_decay)}, then takes Adam's bias-corrected step on the
 * plain gradient, so the decay never enters the moments. The defaults are PyTorch's, weight decay 0.01
 * included.
 */
public final class AdamWOptimizerFactory implements OptimizerFactory {
    private static final String NAME = "adamw";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Adam with decoupled weight decay: w <- w * (1 - lr * weight-decay) before each Adam step (PyTorch's AdamW).";
    }

    @Override
    public List<ParameterSpec> configuration() {
        return Adam.configuration(
                ParameterSpec.number("weight-decay", "Decoupled decay: each step multiplies the weights by 1 - lr * weight-decay.")
                        .withDefault(0.01).atLeast(0),
                ParameterSpec.bool("amsgrad", "Divide by the largest second moment so far (AMSGrad).").withDefault(false));
    }

    @Override
    public Optimizer create(Config config, List<Parameter> parameters) {
        double lr = config.number("lr");
        double decay = config.number("weight-decay");
        if (!(lr * decay < 1)) {
            // At lr * weight-decay >= 1 every step zeroes the weights or flips their sign.
            throw config.error("weight-decay", "lr * weight-decay is " + lr * decay + "; each step multiplies the weights by"
                    + " 1 - lr * weight-decay, so it must be below 1: lower the weight decay below " + 1 / lr);
        }
        return new Adam(NAME, parameters, lr, config.number("beta1"), config.number("beta2"), config.number("epsilon"),
                decay, Adam.Decay.DECOUPLED, config.bool("amsgrad"));
    }
}
