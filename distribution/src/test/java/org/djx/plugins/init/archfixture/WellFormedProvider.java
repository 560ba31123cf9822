package org.djx.plugins.init.archfixture;

import org.djx.api.spi.Config;
import org.djx.api.spi.Initializer;
import org.djx.api.spi.InitializerFactory;

/** Keeps the provider rule: public, final, top level, created without arguments. */
public final class WellFormedProvider implements InitializerFactory {
    @Override
    public String name() {
        return "well-formed";
    }

    @Override
    public String description() {
        return "Shows that the provider rule accepts a proper provider.";
    }

    @Override
    public Initializer create(Config config) {
        return (tensor, fanIn, fanOut, random) -> tensor.fill(1);
    }
}
