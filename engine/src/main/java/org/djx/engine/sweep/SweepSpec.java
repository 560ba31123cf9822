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
 * @param halving    how poor points are stopped early, or null to run every point to the end
 */
public record SweepSpec(Method method, int trials, int repeats, String objective, boolean minimize,
        List<SweepParameter> parameters, Halving halving) {
    public SweepSpec {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(objective, "objective");
        parameters = List.copyOf(parameters);
    }

    /**
     * Successive halving: every point trains for a few epochs, the best 1 / reduction of them go on for
     * reduction times as many, and so on until the experiment's own epochs.
     *
     * @param minEpochs the fewest epochs a point trains for
     * @param reduction by how much each rung divides the points and multiplies the epochs
     */
    public record Halving(int minEpochs, int reduction) {
        /**
         * Returns the epochs of each rung for a full budget of {@code maxEpochs}: minEpochs, then reduction times as
         * many at each rung while that stays below maxEpochs, and maxEpochs last. A rung so close to maxEpochs that the
         * last one would add less than sqrt(reduction) times its epochs is left out, as it would only repeat it.
         */
        public List<Integer> rungs(int maxEpochs) {
            List<Integer> rungs = new java.util.ArrayList<>();
            for (long epochs = minEpochs; epochs < maxEpochs; epochs *= reduction) {
                rungs.add((int) epochs);
            }
            if (!rungs.isEmpty() && maxEpochs < rungs.get(rungs.size() - 1) * Math.sqrt(reduction)) {
                rungs.remove(rungs.size() - 1);
            }
            rungs.add(maxEpochs);
            return List.copyOf(rungs);
        }
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
