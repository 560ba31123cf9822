package org.djx.testkit.archfixture.bad;

import java.util.List;
import org.djx.api.Parameter;
import org.djx.api.spi.Config;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;

/** Named in camel case, which experiment files cannot refer to. */
public final class BadlyNamedOptimizerFactory implements OptimizerFactory {
    @Override
    public String name() {
        return "RmsProp";
    }

    @Override
    public String description() {
        return "Badly named.";
    }

    @Override
    public Optimizer create(Config config, List<Parameter> parameters) {
        return () -> { };
    }
}
