package org.djx.engine.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one run of a sweep gave: how it ended, its results, and how long it took.
 *
 * @param status  COMPLETED, DIVERGED or FAILED
 * @param results the results the run produced (a diverged run's as far as it got)
 * @param message why it diverged or failed; empty when it completed
 * @param seconds the wall time of the run
 */
public record TrialOutcome(Status status, Map<String, Double> results, String message, double seconds) {
    public TrialOutcome {
        Objects.requireNonNull(status, "status");
        results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
        Objects.requireNonNull(message, "message");
    }

    /** How a run ended. */
    public enum Status {
        COMPLETED, DIVERGED, FAILED
    }
}
