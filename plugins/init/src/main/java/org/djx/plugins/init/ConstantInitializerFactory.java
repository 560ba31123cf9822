package org.djx.plugins.init;

import java.util.List;
import org.djx.api.spi.Config;
import org.djx.api.spi.Initializer;
import org.djx.api.spi.InitializerFactory;
import org.djx.api.spi.ParameterSpec;

/** Sets every weight to one given value. */
public final class ConstantInitializerFactory implements InitializerFactory {
    @Override
    public String name() {
        return "constant";
    }

    @Override
    public String description() {
        return "Sets every weight to the given value.";
    }

    @Override
    public List<ParameterSpec> configuration() {
        return List.of(ParameterSpec.number("value", "The value of every weight.").asRequired());
    }

    @Override
    public Initializer create(Config config) {
        double value = config.number("value");
        return (tensor, fanIn, fanOut, random) -> tensor.fill(value);
    }
}
