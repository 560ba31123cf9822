package org.djx.engine.sweep;

import java.util.List;
import java.util.Objects;

/**
 * A sweep's {@code sweep} section, checked: which values vary, how the points are chosen, how many seeds each
 * point runs with, and which result decides the best.
 *
 * @param method     grid (every combination of the listed values) or random (draws from each domain)
 * @param trials     how many points a random search draws; for a grid, the number of combinations
 * @param repeats    how many seeds each point runs with: the experiment's seed, seed + 1, ...
 * @param objective  the result that ranks the points (their mean over the repeats)
 * @param minimize   whether lower is better
 * @param parameters what varies, in the file's order
 */
public record SweepSpec(Method method, int trials, int repeats, String objective, boolean minimize,
        List<SweepParameter> parameters) {
    public SweepSpec {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(objective, "objective");
        parameters = List.copyOf(parameters);
    }

    /** How the points are chosen. */
    public enum Method {
        GRID, RANDOM
    }

    /** Returns the word for the goal: minimize or maximize. */
    public String goal() {
        return minimize ? "minimize" : "maximize";
    }
}
