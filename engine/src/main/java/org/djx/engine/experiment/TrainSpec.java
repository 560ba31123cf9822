package org.djx.engine.experiment;

import java.util.Objects;

/**
 * Training on inline examples.
 *
 * @param data      the examples with their targets
 * @param loss      the loss plugin
 * @param optimizer the optimizer plugin
 * @param training  the schedule
 */
public record TrainSpec(DataSpec data, ComponentSpec loss, ComponentSpec optimizer, TrainingSpec training) implements TaskSpec {
    public TrainSpec {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(training, "training");
    }

    @Override
    public TaskKind kind() {
        return TaskKind.TRAIN;
    }
}
