package org.djx.testkit.archfixture.good;

import java.util.List;
import org.djx.api.spi.Config;
import org.djx.api.spi.Loss;
import org.djx.api.spi.LossFactory;
import org.djx.api.spi.ParameterSpec;

/** A provider that keeps every rule: public, final, a public no-argument constructor, a kebab-case name. */
public final class GoodLossFactory implements LossFactory {
    @Override
    public String name() {
        return "good-loss";
    }

    @Override
    public String description() {
        return "A loss that keeps the rules.";
    }

    @Override
    public List<ParameterSpec> configuration() {
        return List.of(ParameterSpec.number("scale", "A factor.").withDefault(1.0));
    }

    @Override
    public Loss create(Config config) {
        return new ZeroLoss();
    }
}
