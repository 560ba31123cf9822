package org.djx.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.djx.engine.task.ResultNames;

/**
 * A sweep, read and checked: its section, its points, and the run of every point and seed as a request
 * whose experiment has already passed the reader.
 *
 * @param spec     the {@code sweep} section
 * @param points   the value of every parameter at each point, in trial order (trial i is points[i - 1])
 * @param requests every run, trial by trial and repeat by repeat; with successive halving, every run each point may
 *                 get, rung by rung, of which the runner makes those its promotions call for
 * @param rungs    the epochs of each rung of successive halving; empty without it
 */
public record SweepPlan(SweepSpec spec, List<Map<String, JsonNode>> points, List<TrialRequest> requests, List<Integer> rungs) {
    public SweepPlan {
        Objects.requireNonNull(spec, "spec");
        points = List.copyOf(points);
        requests = List.copyOf(requests);
        rungs = List.copyOf(rungs);
    }

    /** Returns the results a sweep over {@code points} reports, which its expectations may name. */
    public static ResultNames results(SweepSpec spec, int points) {
        List<String> names = new ArrayList<>(List.of("trials", "completed-trials", "best-trial", "best/" + spec.objective()));
        if (spec.repeats() > 1) {
            names.add("best/" + spec.objective() + "-std");
        }
        for (SweepParameter p : spec.parameters()) {
            names.add("best/" + p.path());
        }
        for (int t = 1; t <= points; t++) {
            names.add("trial-" + t + "/" + spec.objective());
        }
        return ResultNames.of().and(names);
    }

    /** Returns the names of the results this sweep reports. */
    public ResultNames results() {
        return results(spec, points.size());
    }
}
