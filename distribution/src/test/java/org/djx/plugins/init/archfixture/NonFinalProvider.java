package org.djx.plugins.init.archfixture;

import org.djx.api.spi.Config;
import org.djx.api.spi.Initializer;
import org.djx.api.spi.InitializerFactory;

/** Breaks the provider rule: not final. */
public class NonFinalProvider implements InitializerFactory {
    @Override
    public String name() {
        return "non-final";
    }

    @Override
    public String description() {
        return "Can be subclassed.";
    }

    @Override
    public Initializer create(Config config) {
        return (tensor, fanIn, fanOut, random) -> tensor.fill(0);
    }
}
