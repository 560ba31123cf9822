package org.djx.plugins.optim;

import java.util.List;
import org.djx.api.spi.Config;
import org.djx.api.spi.ParameterSpec;
import org.djx.api.spi.Schedule;
import org.djx.api.spi.ScheduleFactory;

/**
 * Cosine annealing, as PyTorch's {@code CosineAnnealingLR} (without restarts):
 * {@code lr_e = eta_min + (lr - eta_min) * (1 + cos(pi * e / T_max)) / 2}, from the optimizer's rate at
 * epoch 0 down to {@code eta-min} at epoch {@code t-max}. {@code t-max} defaults to the run's epochs, so
 * the last epoch trains at a rate just above {@code eta-min}; past {@code t-max} the rate rises again,
 * as PyTorch's does.
 */
public final class CosineScheduleFactory implements ScheduleFactory {
    @Override
    public String name() {
        return "cosine";
    }

    @Override
    public String description() {
        return "Cosine annealing from the optimizer's rate to eta-min over t-max epochs (PyTorch's CosineAnnealingLR).";
    }

    @Override
    public List<ParameterSpec> configuration() {
        return List.of(
                ParameterSpec.integer("t-max", "Epochs from the optimizer's rate down to eta-min; by default the run's epochs.")
                        .atLeast(1),
                ParameterSpec.number("eta-min", "The lowest rate.").withDefault(0.0).atLeast(0));
    }

    @Override
    public Schedule create(Config config, int epochs) {
        int tMax = config.has("t-max") ? config.integer("t-max") : epochs;
        double etaMin = config.number("eta-min");
        return (epoch, base) -> etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2;
    }
}
