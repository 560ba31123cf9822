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
 * @param localFiles the SHA-256 of each local data file the run read, by the path its experiment gives: where the run
 *                   happened elsewhere (a cluster's executor), how the sweep's provenance learns what was read
 */
public record TrialOutcome(Status status, Map<String, Double> results, String message, double seconds,
        Map<String, String> localFiles) {
    public TrialOutcome {
        Objects.requireNonNull(status, "status");
        results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
        Objects.requireNonNull(message, "message");
        localFiles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(localFiles));
    }

    /** An outcome that names no local file. */
    public TrialOutcome(Status status, Map<String, Double> results, String message, double seconds) {
        this(status, results, message, seconds, Map.of());
    }

    /** How a run ended. */
    public enum Status {
        COMPLETED, DIVERGED, FAILED
    }
}
