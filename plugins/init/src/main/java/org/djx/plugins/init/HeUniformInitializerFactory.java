package org.djx.plugins.init;

import java.util.List;
import org.djx.api.spi.Config;
import org.djx.api.spi.Initializer;
import org.djx.api.spi.InitializerFactory;
import org.djx.api.spi.ParameterSpec;

/** He (Kaiming) uniform for ReLU networks: U[-a, a) with a = sqrt(6 / fan). */
public final class HeUniformInitializerFactory implements InitializerFactory {
    @Override
    public String name() {
        return "he-uniform";
    }

    @Override
    public String description() {
        return "He/Kaiming uniform: U[-a, a) with a = sqrt(6 / fan), fan = fan_in or fan_out.";
    }

    @Override
    public List<ParameterSpec> configuration() {
        return List.of(ParameterSpec.string("mode", "Which fan to scale by.", "fan-in", "fan-out").withDefault("fan-in"));
    }

    @Override
    public Initializer create(Config config) {
        String mode = config.string("mode");
        return (tensor, fanIn, fanOut, random) -> {
            double bound = Math.sqrt(6.0 / Fill.heFan(mode, fanIn, fanOut));
            Fill.uniform(tensor, -bound, bound, random);
        };
    }
}
