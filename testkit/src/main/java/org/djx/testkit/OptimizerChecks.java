package org.djx.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.djx.api.Parameter;
import org.djx.api.spi.Config;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
import org.djx.api.spi.OptimizerState;

/**
 * Checks that every {@link OptimizerFactory} runs, on a fixed {@link Quadratic}: the trajectory against
 * golden values the author derived, descent, and determinism.
 *
 * <p>A run creates fresh parameters at the problem's start and one optimizer for them; each step
 * overwrites every gradient with {@code a_i (w_i - c_i)} at the current values and calls
 * {@link Optimizer#step()}. A trajectory has {@code steps + 1} rows: row 0 is the start, row t the
 * values after t steps, each row the parameters' values concatenated in order.
 *
 * <p>{@link #checkStateRestore} and {@link #checkLearningRate} check the hooks that checkpoints and
 * learning-rate schedules use ({@link Optimizer#exportState()}, {@link Optimizer#setLearningRate}).
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

    /**
     * Checks that an optimizer's state can be taken and given to a fresh one: after {@code STEPS / 2}
     * steps on {@link Quadratic#standard()} the state is exported; the original steps on, and a fresh
     * optimizer from the same configuration, started at the same values and given that state, must
     * follow it bit for bit, and so must a second one given the same state afterwards (the state is a
     * copy, not a view of the optimizer). The state must carry the plugin's name, and an optimizer
     * made for another parameter list must refuse it with an {@link IllegalArgumentException}.
     *
     * @throws AssertionError naming the step and variable that differ, or the hook that misbehaves
     */
    public static void checkStateRestore(OptimizerFactory factory, Config config) {
        Quadratic problem = Quadratic.standard();
        String name = Comparison.plugin("optimizer", factory.name(), config) + " on " + problem;
        int before = STEPS / 2;
        int after = STEPS - before;
        List<Parameter> original = problem.newParameters();
        Optimizer running = create(factory, config, original);
        run(problem, original, running, before);
        double[] middle = Quadratic.values(original);
        OptimizerState state;
        try {
            state = running.exportState();
        } catch (UnsupportedOperationException e) {
            throw new AssertionError(name + ": exportState() is not implemented (" + e.getMessage() + "); an"
                    + " optimizer exports its accumulated state, even an empty one, for checkpoints", e);
        }
        if (state == null) {
            throw new AssertionError(name + ": exportState() returned null");
        }
        if (!factory.name().equals(state.optimizer())) {
            throw new AssertionError(name + ": exportState() names the optimizer '" + state.optimizer() + "', expected"
                    + " the plugin's name '" + factory.name() + "' (OptimizerState.builder(name(), parameters))");
        }
        double[][] expected = run(problem, original, running, after);
        for (String which : new String[] {"a fresh optimizer given the exported state",
                "a second fresh optimizer given the same state after the first had stepped on"}) {
            List<Parameter> parameters = problem.newParameters();
            setValues(parameters, middle);
            Optimizer restored = create(factory, config, parameters);
            restored.restoreState(state);
            compareBitwise(name, problem, expected, run(problem, parameters, restored, after), which
                    + " differs from the optimizer that exported it (steps counted from the export)", "a restored optimizer must continue exactly as the one"
                    + " that exported its state: export copies of everything that accumulates, restore all of it");
        }
        Quadratic other = Quadratic.of(new double[] {1}, new double[] {0}, new double[] {1});
        Optimizer elsewhere = create(factory, config, other.newParameters());
        try {
            elsewhere.restoreState(state);
        } catch (IllegalArgumentException expectedRefusal) {
            return;
        }
        throw new AssertionError(name + ": restoreState accepted a state exported for the parameters of " + problem
                + " into an optimizer for the single parameter of " + other + "; check it first with"
                + " OptimizerState.requireFits(name(), parameters)");
    }

    /**
     * Checks the learning-rate hook that schedules use, on {@link Quadratic#standard()}. An optimizer
     * whose {@link Optimizer#baseLearningRate()} is empty must refuse {@code setLearningRate} with an
     * {@link UnsupportedOperationException}. One with a learning rate must report the configured rate
     * (finite, above 0); over {@link #STEPS} steps at rate 0 leave every value exactly where it started;
     * give the same trajectory bit for bit when the rate is set to twice the base and back before every
     * step as when it is never set; and move every variable twice as far in the first step at twice the
     * base rate (relative error at most 1e-9), as the step of a first-order optimizer scales with its rate.
     *
     * @throws AssertionError naming the step and variable that go wrong
     */
    public static void checkLearningRate(OptimizerFactory factory, Config config) {
        Quadratic problem = Quadratic.standard();
        String name = Comparison.plugin("optimizer", factory.name(), config) + " on " + problem;
        OptionalDouble base = create(factory, config, problem.newParameters()).baseLearningRate();
        if (base == null) {
            throw new AssertionError(name + ": baseLearningRate() returned null; return OptionalDouble.empty() for an"
                    + " optimizer without a learning rate");
        }
        if (base.isEmpty()) {
            try {
                create(factory, config, problem.newParameters()).setLearningRate(0.5);
            } catch (UnsupportedOperationException expected) {
                return;
            }
            throw new AssertionError(name + ": baseLearningRate() is empty, yet setLearningRate(0.5) was accepted; an"
                    + " optimizer without a learning rate refuses it with UnsupportedOperationException (the default)");
        }
        double lr = base.getAsDouble();
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new AssertionError(name + ": baseLearningRate() is " + lr + "; expected the configured rate, finite and > 0");
        }

        List<Parameter> frozen = problem.newParameters();
        Optimizer still = create(factory, config, frozen);
        double[][] atZero = new double[STEPS + 1][];
        atZero[0] = Quadratic.values(frozen);
        for (int t = 1; t <= STEPS; t++) {
            still.setLearningRate(0);
            problem.writeGradients(frozen);
            still.step();
            atZero[t] = Quadratic.values(frozen);
        }
        double[][] unmoved = new double[STEPS + 1][];
        Arrays.fill(unmoved, atZero[0]);
        compareBitwise(name, problem, unmoved, atZero, "an optimizer at learning rate 0 moved",
                "a step at rate 0 must leave every parameter as it is");

        double[][] untouched = trajectory(factory, config, problem, STEPS);
        List<Parameter> reset = problem.newParameters();
        Optimizer resetting = create(factory, config, reset);
        double[][] setBack = new double[STEPS + 1][];
        setBack[0] = Quadratic.values(reset);
        for (int t = 1; t <= STEPS; t++) {
            resetting.setLearningRate(2 * lr);
            resetting.setLearningRate(lr);
            problem.writeGradients(reset);
            resetting.step();
            setBack[t] = Quadratic.values(reset);
        }
        compareBitwise(name, problem, untouched, setBack, "an optimizer whose rate was set to " + 2 * lr
                + " and back to its base " + lr + " before every step differs from one whose rate was never set", "setting the rate replaces it; setting"
                + " the base again must give the steps of an optimizer whose rate was never set");

        List<Parameter> doubled = problem.newParameters();
        Optimizer faster = create(factory, config, doubled);
        faster.setLearningRate(2 * lr);
        problem.writeGradients(doubled);
        faster.step();
        double[] start = problem.start();
        double[] twice = Quadratic.values(doubled);
        for (int i = 0; i < start.length; i++) {
            double once = untouched[1][i] - start[i];
            double moved = twice[i] - start[i];
            double error = Math.abs(moved - 2 * once) / Math.max(Math.abs(2 * once), Comparison.FLOOR);
            if (!(error <= 1e-9)) {
                throw new AssertionError(name + ": at twice the base rate (" + 2 * lr + ") the first step moved "
                        + problem.variable(i) + " by " + moved + ", at the base rate by " + once + "; expected twice as"
                        + " far (relative error " + error + " > 1e-9): the rate set must be the rate used");
            }
        }
    }

    /** Runs {@code steps} steps and returns the values before the first and after each, as {@link #trajectory}. */
    private static double[][] run(Quadratic problem, List<Parameter> parameters, Optimizer optimizer, int steps) {
        double[][] out = new double[steps + 1][];
        out[0] = Quadratic.values(parameters);
        for (int t = 1; t <= steps; t++) {
            problem.writeGradients(parameters);
            optimizer.step();
            out[t] = Quadratic.values(parameters);
        }
        return out;
    }

    /** Overwrites the parameters' values with {@code values}, concatenated as {@link Quadratic#values} gives them. */
    private static void setValues(List<Parameter> parameters, double[] values) {
        int offset = 0;
        for (Parameter p : parameters) {
            System.arraycopy(values, offset, p.value().data(), 0, p.value().size());
            offset += p.value().size();
        }
    }

    private static void compareBitwise(String name, Quadratic problem, double[][] reference, double[][] other,
            String how) {
        compareBitwise(name, problem, reference, other, how + " differs from a lone fresh run", "optimizers from the"
                + " same configuration must give bitwise identical trajectories (keep all state in the instance, draw"
                + " no randomness)");
    }

    private static void compareBitwise(String name, Quadratic problem, double[][] reference, double[][] other,
            String how, String rule) {
        for (int t = 0; t < reference.length; t++) {
            int i = Arrays.mismatch(reference[t], other[t]);
            if (i >= 0) {
                throw new AssertionError(name + ": " + how + " after step " + t + " at "
                        + problem.variable(i) + ": " + other[t][i] + " instead of " + reference[t][i] + "; " + rule);
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
