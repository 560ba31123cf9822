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
 * @param epochLoss   how the loss reported after each epoch is measured
 */
public record TrainingSpec(int epochs, int batchSize, boolean shuffle, double tolerance, int reportEvery,
        boolean traceFirstStep, EpochLoss epochLoss) {
    /** How the loss after each epoch is measured. */
    public enum EpochLoss {
        /** A forward pass over every training example with the epoch's final parameters: exact, one extra pass. */
        FULL_PASS("full-pass"),
        /**
         * The mean of the epoch's batch losses, each taken before its step, weighted by batch size:
         * what most training loops print, free, but a blend of parameters from across the epoch.
         */
        BATCH_MEAN("batch-mean");

        private final String label;

        EpochLoss(String label) {
            this.label = label;
        }

        /** Returns the name experiment files use. */
        public String label() {
            return label;
        }
    }

    public TrainingSpec {
        java.util.Objects.requireNonNull(epochLoss, "epochLoss");
    }

    /** A spec whose epoch loss is a full pass, the default. */
    public TrainingSpec(int epochs, int batchSize, boolean shuffle, double tolerance, int reportEvery,
            boolean traceFirstStep) {
        this(epochs, batchSize, shuffle, tolerance, reportEvery, traceFirstStep, EpochLoss.FULL_PASS);
    }

    /** Returns whether a loss tolerance was set. */
    public boolean hasTolerance() {
        return !Double.isNaN(tolerance);
    }
}
