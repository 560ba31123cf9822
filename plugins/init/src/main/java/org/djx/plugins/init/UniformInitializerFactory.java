package org.djx.plugins.init;

import java.util.List;
import org.djx.api.spi.Config;
import org.djx.api.spi.Initializer;
import org.djx.api.spi.InitializerFactory;
import org.djx.api.spi.ParameterSpec;

/** Draws each weight from U[low, high). */
public final class UniformInitializerFactory implements InitializerFactory {
    @Override
    public String name() {
        return "uniform";
    }

    @Override
    public String description() {
        return "Draws each weight from a uniform distribution on [low, high).";
    }

    @Override
    public List<ParameterSpec> configuration() {
        return List.of(
                ParameterSpec.number("low", "Lower bound (inclusive).").withDefault(-0.05),
                ParameterSpec.number("high", "Upper bound (exclusive); must exceed low.").withDefault(0.05));
    }

    @Override
    public Initializer create(Config config) {
        double low = config.number("low");
        double high = config.number("high");
        if (!(high > low)) {
            throw config.error("high", "high must exceed low, found low = " + low + ", high = " + high);
        }
        return (tensor, fanIn, fanOut, random) -> Fill.uniform(tensor, low, high, random);
    }
}
