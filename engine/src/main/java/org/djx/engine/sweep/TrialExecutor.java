package org.djx.engine.sweep;

/**
 * Runs one run of a sweep: data in, data out. The sweep knows nothing of where the run happens: in this
 * process, in another JVM, or on a cluster's executor; the outcome must be the same bit for bit.
 */
@FunctionalInterface
public interface TrialExecutor {
    /**
     * Runs the request's experiment and returns how it ended. A run that fails is an outcome (FAILED, with
     * the reason), not an exception: the sweep goes on.
     */
    TrialOutcome run(TrialRequest request);
}
