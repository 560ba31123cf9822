package org.djx.plugins.init;

import java.util.List;
import org.djx.api.spi.Config;
import org.djx.api.spi.Initializer;
import org.djx.api.spi.InitializerFactory;
import org.djx.api.spi.ParameterSpec;

/**
 * Xavier (Glorot) normal: N(0, sigma^2) with sigma = gain * sqrt(2 / (fan_in + fan_out)). That sigma is
 * a standard deviation; D2L's slide calls it the variance.
 */
public final class XavierNormalInitializerFactory implements InitializerFactory {
    @Override
    public String name() {
        return "xavier-normal";
    }

    @Override
    public String description() {
        return "Xavier/Glorot normal: N(0, std^2) with std = gain * sqrt(2 / (fan_in + fan_out)).";
    }

    @Override
    public List<ParameterSpec> configuration() {
        return List.of(ParameterSpec.number("gain", "Factor on the standard deviation.").withDefault(1.0).greaterThan(0));
    }

    @Override
    public Initializer create(Config config) {
        double gain = config.number("gain");
        return (tensor, fanIn, fanOut, random) ->
                Fill.normal(tensor, 0, gain * Math.sqrt(2.0 / (fanIn + fanOut)), random);
    }
}
