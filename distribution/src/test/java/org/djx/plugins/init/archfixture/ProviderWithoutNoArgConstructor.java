package org.djx.plugins.init.archfixture;

import org.djx.api.spi.Config;
import org.djx.api.spi.Initializer;
import org.djx.api.spi.InitializerFactory;

/** Breaks the provider rule: its only constructor takes an argument. */
public final class ProviderWithoutNoArgConstructor implements InitializerFactory {
    private final double value;

    public ProviderWithoutNoArgConstructor(double value) {
        this.value = value;
    }

    @Override
    public String name() {
        return "needs-an-argument";
    }

    @Override
    public String description() {
        return "Cannot be created by ServiceLoader.";
    }

    @Override
    public Initializer create(Config config) {
        return (tensor, fanIn, fanOut, random) -> tensor.fill(value);
    }
}
