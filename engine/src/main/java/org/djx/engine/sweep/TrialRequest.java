package org.djx.engine.sweep;

import java.util.Objects;

/**
 * One run of a sweep, as data: the complete experiment it runs (JSON, its seed set, no sweep section) and
 * where it sits in the sweep. Whatever runs it, in this process or another, needs nothing else.
 *
 * @param trial       the point's number, from 1
 * @param repeat      which of the point's seeds, from 0
 * @param rung        the rung of successive halving, from 1; 0 in a sweep without it
 * @param experiment  the experiment file's text
 * @param dataFolder  the absolute folder its relative data paths start from (the sweep's), so that a run in another
 *                    process or on another machine reads the files the sweep names; empty for the working directory
 */
public record TrialRequest(int trial, int repeat, int rung, String experiment, String dataFolder) {
    public TrialRequest {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(dataFolder, "dataFolder");
    }

    /** Returns the name of the file that records this run's outcome in a sweep's run folder. */
    public String recordName() {
        return String.format(java.util.Locale.ROOT, "trial-%05d-repeat-%d", trial, repeat)
                + (rung == 0 ? "" : "-rung-" + rung) + ".json";
    }
}
