package org.djx.engine.run;

/** What a run folder's status.json says about the run. Only COMPLETED looks complete. */
public enum RunStatus {
    /** Still running, or killed without a chance to say so. */
    RUNNING,
    /** Ran to the end; summary.json holds the results. */
    COMPLETED,
    /** Stopped because the loss became NaN or infinite. */
    DIVERGED,
    /** Stopped by an error; status.json says which. */
    FAILED,
    /** Stopped by the user (Ctrl-C). */
    INTERRUPTED
}
