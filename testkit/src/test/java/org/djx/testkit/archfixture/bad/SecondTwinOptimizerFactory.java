package org.djx.testkit.archfixture.bad;

import java.util.List;
import org.djx.api.Parameter;
import org.djx.api.spi.Config;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;

/** One of two optimizers that claim the same name. */
public final class SecondTwinOptimizerFactory implements OptimizerFactory {
    @Override
    public String name() {
        return "twin";
    }

    @Override
    public String description() {
        return "A twin.";
    }

    @Override
    public Optimizer create(Config config, List<Parameter> parameters) {
        return () -> { };
    }
}
