package org.djx.plugins.init;

import java.util.List;
import org.djx.api.spi.Config;
import org.djx.api.spi.Initializer;
import org.djx.api.spi.InitializerFactory;
import org.djx.api.spi.ParameterSpec;

/** Xavier (Glorot) uniform: U[-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)). */
public final class XavierUniformInitializerFactory implements InitializerFactory {
    @Override
    public String name() {
        return "xavier-uniform";
    }

    @Override
    public String description() {
        return "Xavier/Glorot uniform: U[-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)).";
    }

    @Override
    public List<ParameterSpec> configuration() {
        return List.of(ParameterSpec.number("gain", "Factor on the bound.").withDefault(1.0).greaterThan(0));
    }

    @Override
    public Initializer create(Config config) {
        double gain = config.number("gain");
        return (tensor, fanIn, fanOut, random) -> {
            double bound = gain * Math.sqrt(6.0 / (fanIn + fanOut));
            Fill.uniform(tensor, -bound, bound, random);
        };
    }
}
