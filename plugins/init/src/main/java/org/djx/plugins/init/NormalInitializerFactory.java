package org.djx.plugins.init;

import java.util.List;
import org.djx.api.spi.Config;
import org.djx.api.spi.Initializer;
import org.djx.api.spi.InitializerFactory;
import org.djx.api.spi.ParameterSpec;

/** Draws each weight from N(mean, std^2); D2L's default is std = 0.01. */
public final class NormalInitializerFactory implements InitializerFactory {
    @Override
    public String name() {
        return "normal";
    }

    @Override
    public String description() {
        return "Draws each weight from a normal distribution N(mean, std^2).";
    }

    @Override
    public List<ParameterSpec> configuration() {
        return List.of(
                ParameterSpec.number("mean", "Mean of the distribution.").withDefault(0.0),
                ParameterSpec.number("std", "Standard deviation of the distribution.").withDefault(0.01).atLeast(0));
    }

    @Override
    public Initializer create(Config config) {
        double mean = config.number("mean");
        double std = config.number("std");
        return (tensor, fanIn, fanOut, random) -> Fill.normal(tensor, mean, std, random);
    }
}
