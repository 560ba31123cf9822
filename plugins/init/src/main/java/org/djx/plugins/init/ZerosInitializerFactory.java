package org.djx.plugins.init;

import org.djx.api.spi.Config;
import org.djx.api.spi.Initializer;
import org.djx.api.spi.InitializerFactory;

/** Sets every weight to zero (which leaves hidden units symmetric: for biases and demonstrations). */
public final class ZerosInitializerFactory implements InitializerFactory {
    @Override
    public String name() {
        return "zeros";
    }

    @Override
    public String description() {
        return "Sets every weight to 0.";
    }

    @Override
    public Initializer create(Config config) {
        return (tensor, fanIn, fanOut, random) -> tensor.fill(0);
    }
}
