package org.djx.plugins.init.archfixture;

import org.djx.api.spi.Config;
import org.djx.api.spi.Initializer;
import org.djx.api.spi.InitializerFactory;

/** Breaks the provider rule: not public, so ServiceLoader cannot create it from META-INF/services. */
final class PackagePrivateProvider implements InitializerFactory {
    @Override
    public String name() {
        return "package-private";
    }

    @Override
    public String description() {
        return "Hidden from ServiceLoader.";
    }

    @Override
    public Initializer create(Config config) {
        return (tensor, fanIn, fanOut, random) -> tensor.fill(0);
    }
}
