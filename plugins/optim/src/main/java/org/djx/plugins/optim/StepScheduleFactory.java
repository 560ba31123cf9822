package org.djx.plugins.optim;

import java.util.List;
import org.djx.api.spi.Config;
import org.djx.api.spi.ParameterSpec;
import org.djx.api.spi.Schedule;
import org.djx.api.spi.ScheduleFactory;

/**
 * Step decay, as PyTorch's {@code StepLR}: the rate is multiplied by {@code gamma} every
 * {@code step-size} epochs, {@code lr_e = lr * gamma^floor(e / step-size)}.
 */
public final class StepScheduleFactory implements ScheduleFactory {
    @Override
    public String name() {
        return "step";
    }

    @Override
    public String description() {
        return "Multiplies the learning rate by gamma every step-size epochs (PyTorch's StepLR).";
    }

    @Override
    public List<ParameterSpec> configuration() {
        return List.of(
                ParameterSpec.integer("step-size", "Epochs between two decays.").asRequired().atLeast(1),
                ParameterSpec.number("gamma", "Factor of each decay.").withDefault(0.1).greaterThan(0).atMost(1));
    }

    @Override
    public Schedule create(Config config, int epochs) {
        int stepSize = config.integer("step-size");
        double gamma = config.number("gamma");
        return (epoch, base) -> {
            // One multiplication per decay, as StepLR's recursive form multiplies the previous rate.
            double rate = base;
            for (int k = epoch / stepSize; k > 0; k--) {
                rate *= gamma;
            }
            return rate;
        };
    }
}
