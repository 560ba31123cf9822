package org.djx.engine.spec;

import java.util.Objects;

/**
 * The {@code training} section: the trainer's options and what the run prints along the way.
 *
 * @param trainer        what the trainer does
 * @param reportEvery    print the loss every this many epochs (the first and last are always printed)
 * @param traceFirstStep print the first step's deltas, gradients and updated parameters
 */
public record TrainingSpec(TrainerOptions trainer, int reportEvery, boolean traceFirstStep) {
    public TrainingSpec {
        Objects.requireNonNull(trainer, "trainer");
        if (reportEvery < 1) {
            throw new IllegalArgumentException("report-every must be positive, found " + reportEvery);
        }
    }

    /** Returns the most epochs the trainer runs. */
    public int epochs() {
        return trainer.epochs();
    }
}
