package org.djx.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.djx.api.Parameter;
import org.djx.api.spi.Config;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;

/**
 * Checks that every {@link OptimizerFactory} runs, on a fixed {@link Quadratic}: the trajectory against
 * golden values the author derived, descent, and determinism.
 *
 * <p>A run creates fresh parameters at the problem's start and one optimizer for them; each step
 * overwrites every gradient with {@code a_i (w_i - c_i)} at the current values and calls
 * {@link Optimizer#step()}. A trajectory has {@code steps + 1} rows: row 0 is the start, row t the
 * values after t steps, each row the parameters' values concatenated in order.
 *
 * @since 0.1
 */
public final class OptimizerChecks {
    /** The number of steps of the generic checks. */
    public static final int STEPS = 50;

    private OptimizerChecks() {
    }

    /**
     * Runs a fresh optimizer for {@code steps} steps on {@code problem} and returns the trajectory.
     *
     * @throws IllegalArgumentException if {@code steps} is negative
     */
    public static double[][] trajectory(OptimizerFactory factory, Config config, Quadratic problem, int steps) {
        Objects.requireNonNull(problem, "problem");
        if (steps < 0) {
            throw new IllegalArgumentException("steps must not be negative, found " + steps);
        }
        List<Parameter> parameters = problem.newParameters();
        Optimizer optimizer = create(factory, config, parameters);
        double[][] out = new double[steps + 1][];
        out[0] = Quadratic.values(parameters);
        for (int t = 1; t <= steps; t++) {
            problem.writeGradients(parameters);
            optimizer.step();
            out[t] = Quadratic.values(parameters);
        }
        return out;
    }

    /**
     * Checks the trajectory of {@code expected.length - 1} steps against golden values; each element's
     * relative error {@code |actual - expected| / max(|actual| + |expected|, 1e-8)} must be at most
     * {@code tolerance}.
     *
     * @param expected golden values laid out as {@link #trajectory} returns them, row 0 the start
     * @throws IllegalArgumentException if a row of {@code expected} does not have one value per variable
     * @throws AssertionError           naming the first step and variable that differ
     */
    public static void checkTrajectory(OptimizerFactory factory, Config config, Quadratic problem,
            double[][] expected, double tolerance) {
        if (expected.length == 0) {
            throw new IllegalArgumentException("expected needs at least the starting row");
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and not negative, found " + tolerance);
        }
        double[][] actual = trajectory(factory, config, problem, expected.length - 1);
        String name = Comparison.plugin("optimizer", factory.name(), config);
        for (int t = 0; t < expected.length; t++) {
            if (expected[t].length != problem.size()) {
                throw new IllegalArgumentException("expected row " + t + " has " + expected[t].length
                        + " values, the problem has " + problem.size() + " variables");
            }
            for (int i = 0; i < problem.size(); i++) {
                double error = Comparison.relativeError(actual[t][i], expected[t][i]);
                if (!(error <= tolerance)) {
                    throw new AssertionError(name + " on " + problem + ": after step " + t + ", " + problem.variable(i)
                            + " is " + actual[t][i] + ", expected " + expected[t][i] + ", relative error " + error + " > "
                            + tolerance + " (relative error |actual - expected| / max(|actual| + |expected|, "
                            + Comparison.FLOOR + "))\nactual row:   " + Arrays.toString(actual[t])
                            + "\nexpected row: " + Arrays.toString(expected[t]));
                }
            }
        }
    }

    /**
     * Checks that {@link #STEPS} steps on {@link Quadratic#standard()} keep every value finite, never
     * increase f, and end with f below its start. Pass a configuration with a small learning rate and no
     * regularization (a weight decay changes the function being minimized), such as {@code lr = 0.01}.
     *
     * @throws AssertionError naming the first step that goes wrong
     */
    public static void checkDescent(OptimizerFactory factory, Config config) {
        Quadratic problem = Quadratic.standard();
        double[][] trajectory = trajectory(factory, config, problem, STEPS);
        String name = Comparison.plugin("optimizer", factory.name(), config) + " on " + problem;
        double previous = problem.value(trajectory[0]);
        for (int t = 1; t <= STEPS; t++) {
            for (int i = 0; i < problem.size(); i++) {
                if (!Double.isFinite(trajectory[t][i])) {
                    throw new AssertionError(name + ": after step " + t + ", " + problem.variable(i) + " is "
                            + trajectory[t][i] + "; values must stay finite");
                }
            }
            double f = problem.value(trajectory[t]);
            if (f > previous) {
                throw new AssertionError(name + ": f increased at step " + t + " from " + previous + " to " + f
                        + " (values " + Arrays.toString(trajectory[t - 1]) + " -> " + Arrays.toString(trajectory[t])
                        + "); with a small learning rate every step must not increase f");
            }
            previous = f;
        }
        double first = problem.value(trajectory[0]);
        if (!(previous < first)) {
            throw new AssertionError(name + ": f did not decrease in " + STEPS + " steps: " + first + " at the start, "
                    + previous + " at the end");
        }
    }

    /**
     * Checks that optimizers created from the same configuration give bitwise identical trajectories over
     * {@link #STEPS} steps on {@link Quadratic#standard()}, whether run one after the other or stepped
     * alternately: an optimizer keeps all its state in its instance and draws no randomness of its own.
     *
     * @throws AssertionError naming the first step and variable that differ
     */
    public static void checkDeterminism(OptimizerFactory factory, Config config) {
        Quadratic problem = Quadratic.standard();
        String name = Comparison.plugin("optimizer", factory.name(), config) + " on " + problem;
        double[][] first = trajectory(factory, config, problem, STEPS);
        double[][] second = trajectory(factory, config, problem, STEPS);
        compareBitwise(name, problem, first, second, "a second optimizer run after the first");

        List<Parameter> left = problem.newParameters();
        List<Parameter> right = problem.newParameters();
        Optimizer a = create(factory, config, left);
        Optimizer b = create(factory, config, right);
        double[][] alternateLeft = new double[STEPS + 1][];
        double[][] alternateRight = new double[STEPS + 1][];
        alternateLeft[0] = Quadratic.values(left);
        alternateRight[0] = Quadratic.values(right);
        for (int t = 1; t <= STEPS; t++) {
            problem.writeGradients(left);
            a.step();
            problem.writeGradients(right);
            b.step();
            alternateLeft[t] = Quadratic.values(left);
            alternateRight[t] = Quadratic.values(right);
        }
        compareBitwise(name, problem, first, alternateLeft, "an optimizer stepped alternately with another");
        compareBitwise(name, problem, first, alternateRight, "an optimizer stepped alternately with another");
    }

    private static void compareBitwise(String name, Quadratic problem, double[][] reference, double[][] other,
            String how) {
        for (int t = 0; t < reference.length; t++) {
            int i = Arrays.mismatch(reference[t], other[t]);
            if (i >= 0) {
                throw new AssertionError(name + ": " + how + " differs from a lone fresh run after step " + t + " at "
                        + problem.variable(i) + ": " + other[t][i] + " instead of " + reference[t][i]
                        + "; optimizers from the same configuration must give bitwise identical trajectories"
                        + " (keep all state in the instance, draw no randomness)");
            }
        }
    }

    private static Optimizer create(OptimizerFactory factory, Config config, List<Parameter> parameters) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(config, "config");
        Optimizer optimizer = factory.create(config, parameters);
        if (optimizer == null) {
            throw new AssertionError(Comparison.plugin("optimizer", factory.name(), config) + ": create returned null");
        }
        return optimizer;
    }
}
