package org.djx.engine.spec;

/** How the training loss after each epoch is measured. */
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

    /** Returns the epoch loss experiment files call {@code label}. */
    public static EpochLoss byLabel(String label) {
        for (EpochLoss e : values()) {
            if (e.label.equals(label)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no epoch loss '" + label + "'");
    }
}
