package org.djx.plugins.optim;

import java.util.List;
import org.djx.api.Parameter;
import org.djx.api.spi.Config;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
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
        return Adam.configuration(ParameterSpec.number("weight-decay", "L2 penalty added to the gradient.").withDefault(0.0)
                .atLeast(0));
    }

    @Override
    public Optimizer create(Config config, List<Parameter> parameters) {
        return new Adam(NAME, parameters, config.number("lr"), config.number("beta1"), config.number("beta2"),
                config.number("epsilon"), config.number("weight-decay"), Adam.Decay.L2, false);
    }
}
