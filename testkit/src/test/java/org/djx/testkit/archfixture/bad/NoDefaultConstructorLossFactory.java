package org.djx.testkit.archfixture.bad;

import org.djx.api.spi.Config;
import org.djx.api.spi.Loss;
import org.djx.api.spi.LossFactory;

/** ServiceLoader cannot create it: its only constructor takes an argument. */
public final class NoDefaultConstructorLossFactory implements LossFactory {
    private final double scale;

    public NoDefaultConstructorLossFactory(double scale) {
        this.scale = scale;
    }

    @Override
    public String name() {
        return "scaled-" + (int) scale;
    }

    @Override
    public String description() {
        return "A loss without a no-argument constructor.";
    }

    @Override
    public Loss create(Config config) {
        throw new UnsupportedOperationException("a fixture");
    }
}
