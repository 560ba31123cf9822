package org.djx.engine.spec;

import java.util.Objects;

/**
 * Everything a fit needs besides its data: the network, the loss, the optimizer, its learning-rate schedule
 * and the trainer's options.
 *
 * @param model     the network; its {@code inputs} are ignored, a fit takes the width of its data
 * @param loss      the loss plugin
 * @param optimizer the optimizer plugin
 * @param schedule  the schedule plugin that sets the optimizer's rate before each epoch, or null to keep
 *                  the optimizer's own rate
 * @param trainer   how the trainer trains
 */
public record TrainingSetup(ModelSpec model, ComponentSpec loss, ComponentSpec optimizer, ComponentSpec schedule,
        TrainerOptions trainer) {
    public TrainingSetup {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(trainer, "trainer");
    }

    /** A setup without a schedule: the optimizer keeps the rate it was configured with. */
    public TrainingSetup(ModelSpec model, ComponentSpec loss, ComponentSpec optimizer, TrainerOptions trainer) {
        this(model, loss, optimizer, null, trainer);
    }
}
