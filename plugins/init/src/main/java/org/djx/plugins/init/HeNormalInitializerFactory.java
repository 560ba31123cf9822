package org.djx.plugins.init;

import java.util.List;
import org.djx.api.spi.Config;
import org.djx.api.spi.Initializer;
import org.djx.api.spi.InitializerFactory;
import org.djx.api.spi.ParameterSpec;

/** He (Kaiming) normal for ReLU networks: N(0, 2 / fan), fan being fan-in unless mode says fan-out. */
public final class HeNormalInitializerFactory implements InitializerFactory {
    @Override
    public String name() {
        return "he-normal";
    }

    @Override
    public String description() {
        return "He/Kaiming normal: N(0, std^2) with std = sqrt(2 / fan), fan = fan_in or fan_out.";
    }

    @Override
    public List<ParameterSpec> configuration() {
        return List.of(ParameterSpec.string("mode", "Which fan to scale by.", "fan-in", "fan-out").withDefault("fan-in"));
    }

    @Override
    public Initializer create(Config config) {
        String mode = config.string("mode");
        return (tensor, fanIn, fanOut, random) ->
                Fill.normal(tensor, 0, Math.sqrt(2.0 / Fill.heFan(mode, fanIn, fanOut)), random);
    }
}
