package org.djx.engine.spec;

import java.util.Objects;

/**
 * How {@code Trainer} trains: what changes the numbers, and nothing that only changes what is printed.
 *
 * @param epochs    the most passes over the data
 * @param batchSize examples per minibatch (the last one of an epoch may be smaller)
 * @param shuffle   whether each epoch visits the examples in a fresh random order
 * @param tolerance stop once the epoch's training loss falls below this; NaN for no tolerance
 * @param epochLoss how the loss after each epoch is measured
 */
public record TrainerOptions(int epochs, int batchSize, boolean shuffle, double tolerance, EpochLoss epochLoss) {
    public TrainerOptions {
        Objects.requireNonNull(epochLoss, "epochLoss");
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs " + epochs + " and batch size " + batchSize + " must be positive");
        }
        if (!Double.isNaN(tolerance) && !(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive or NaN, found " + tolerance);
        }
    }

    /** Returns whether a loss tolerance was set. */
    public boolean hasTolerance() {
        return !Double.isNaN(tolerance);
    }
}
