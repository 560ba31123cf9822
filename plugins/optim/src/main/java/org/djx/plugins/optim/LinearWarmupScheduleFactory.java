package org.djx.plugins.optim;

import java.util.List;
import org.djx.api.spi.Config;
import org.djx.api.spi.ParameterSpec;
import org.djx.api.spi.Schedule;
import org.djx.api.spi.ScheduleFactory;

/**
 * A linear ramp of the rate's factor, as PyTorch's {@code LinearLR}: from {@code start-factor} at epoch 0
 * to {@code end-factor} at epoch {@code total-iters}, then constant,
 * {@code lr_e = lr * (start + (end - start) * min(e, total_iters) / total_iters)}. The defaults are
 * PyTorch's (1/3 to 1 over 5 epochs), a warm-up.
 */
public final class LinearWarmupScheduleFactory implements ScheduleFactory {
    @Override
    public String name() {
        return "linear-warmup";
    }

    @Override
    public String description() {
        return "Scales the learning rate by a factor going linearly from start-factor to end-factor over total-iters"
                + " epochs (PyTorch's LinearLR).";
    }

    @Override
    public List<ParameterSpec> configuration() {
        return List.of(
                ParameterSpec.number("start-factor", "The factor of epoch 0.").withDefault(1.0 / 3).greaterThan(0).atMost(1),
                ParameterSpec.number("end-factor", "The factor from epoch total-iters on.").withDefault(1.0).atLeast(0).atMost(1),
                ParameterSpec.integer("total-iters", "Epochs the ramp takes.").withDefault(5).atLeast(1));
    }

    @Override
    public Schedule create(Config config, int epochs) {
        double start = config.number("start-factor");
        double end = config.number("end-factor");
        int total = config.integer("total-iters");
        return (epoch, base) -> base * (start + (end - start) * Math.min(total, epoch) / total);
    }
}
