package org.djx.engine.spec;

import java.util.Objects;

/**
 * Everything a fit needs besides its data: the network, the loss, the optimizer and the trainer's options.
 *
 * @param model     the network; its {@code inputs} are ignored, a fit takes the width of its data
 * @param loss      the loss plugin
 * @param optimizer the optimizer plugin
 * @param trainer   how the trainer trains
 */
public record TrainingSetup(ModelSpec model, ComponentSpec loss, ComponentSpec optimizer, TrainerOptions trainer) {
    public TrainingSetup {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(trainer, "trainer");
    }
}
