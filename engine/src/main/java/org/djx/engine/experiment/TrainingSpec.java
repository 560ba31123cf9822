package org.djx.engine.experiment;

/**
 * The {@code training} section.
 *
 * @param epochs      the most passes over the data
 * @param batchSize   examples per minibatch (the last one of an epoch may be smaller)
 * @param shuffle     whether each epoch visits the examples in a fresh random order
 * @param tolerance   stop once the epoch's training loss falls below this; NaN for no tolerance
 * @param reportEvery print the loss every this many epochs (the first and last are always printed)
 * @param traceFirstStep print the first step's deltas, gradients and updated parameters
 */
public record TrainingSpec(int epochs, int batchSize, boolean shuffle, double tolerance, int reportEvery,
        boolean traceFirstStep) {
    /** Returns whether a loss tolerance was set. */
    public boolean hasTolerance() {
        return !Double.isNaN(tolerance);
    }
}
