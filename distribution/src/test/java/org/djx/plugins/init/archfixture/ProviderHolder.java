package org.djx.plugins.init.archfixture;

import org.djx.api.spi.Config;
import org.djx.api.spi.Initializer;
import org.djx.api.spi.InitializerFactory;

/** Holds a provider that breaks the provider rule by being nested. */
public final class ProviderHolder {
    private ProviderHolder() {
    }

    /** Public, final and constructible, but not top level. */
    public static final class NestedProvider implements InitializerFactory {
        @Override
        public String name() {
            return "nested";
        }

        @Override
        public String description() {
            return "Lives inside another class.";
        }

        @Override
        public Initializer create(Config config) {
            return (tensor, fanIn, fanOut, random) -> tensor.fill(0);
        }
    }
}
