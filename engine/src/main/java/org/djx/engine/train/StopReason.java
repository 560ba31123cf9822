package org.djx.engine.train;

/** Why training ended. */
public enum StopReason {
    /** Every configured epoch ran. */
    MAX_EPOCHS("the epoch limit was reached"),
    /** The training loss fell below the configured tolerance. */
    TOLERANCE("the loss fell below the tolerance"),
    /** The loss became NaN or infinite; the parameters are no longer meaningful. */
    DIVERGED("the loss became non-finite");

    private final String explanation;

    StopReason(String explanation) {
        this.explanation = explanation;
    }

    /** Returns the reason in words, for reports. */
    public String explanation() {
        return explanation;
    }
}
