package org.djx.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.djx.api.Parameter;
import org.djx.api.spi.Config;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
import org.djx.api.spi.Schedule;
import org.djx.api.spi.ScheduleFactory;

/**
 * Checks that every {@link ScheduleFactory} runs: each epoch's rate against golden values the author
 * derived, rates that are finite and {@code >= 0} for runs of any length, and a schedule that is a pure
 * function of the epoch and the base rate.
 *
 * <p>Rates are laid out as the engine uses them: element {@code e} of {@link #rates} is the rate of
 * epoch {@code e}, counted from 0, which the engine sets with {@link Optimizer#setLearningRate} before
 * the epoch's steps, as a PyTorch loop that calls {@code scheduler.step()} after each epoch trains
 * epoch {@code e} at the rate its scheduler has after {@code e} calls. {@link #trajectory} runs an
 * optimizer under a schedule that way.
 *
 * @since 0.2
 */
public final class ScheduleChecks {
    /** The run lengths of the generic checks, in epochs. */
    static final int[] RUN_LENGTHS = {1, 2, 3, 7, 20, 100};
    /** The optimizer rates of the generic checks. */
    static final double[] BASE_RATES = {1e-4, 0.01, 0.1, 1, 5};

    private ScheduleChecks() {
    }

    /**
     * Returns the rate of every epoch of a run of {@code epochs} epochs from a fresh schedule, for an
     * optimizer configured with {@code baseRate}.
     *
     * @throws IllegalArgumentException if {@code epochs < 1} or {@code baseRate} is not finite and above 0
     * @throws AssertionError           if the factory returns null
     */
    public static double[] rates(ScheduleFactory factory, Config config, int epochs, double baseRate) {
        checkRun(epochs, baseRate);
        Schedule schedule = create(factory, config, epochs);
        double[] out = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            out[e] = schedule.learningRate(e, baseRate);
        }
        return out;
    }

    /**
     * Checks the rates of a run of {@code expected.length} epochs against golden values; each rate's
     * relative error {@code |actual - expected| / max(|actual| + |expected|, 1e-8)} must be at most
     * {@code tolerance}.
     *
     * @throws AssertionError naming the first epoch whose rate differs
     */
    public static void checkRates(ScheduleFactory factory, Config config, double baseRate, double[] expected,
            double tolerance) {
        if (expected.length == 0) {
            throw new IllegalArgumentException("expected needs the rate of at least one epoch");
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and not negative, found " + tolerance);
        }
        double[] actual = rates(factory, config, expected.length, baseRate);
        for (int e = 0; e < expected.length; e++) {
            double error = Comparison.relativeError(actual[e], expected[e]);
            if (!(error <= tolerance)) {
                throw new AssertionError(name(factory, config) + " over " + epochs(expected.length) + " at base rate "
                        + baseRate + ": the rate of epoch " + e + " (from 0) is " + actual[e] + ", expected " + expected[e]
                        + ", relative error " + error + " > " + tolerance + "\nactual:   " + Arrays.toString(actual)
                        + "\nexpected: " + Arrays.toString(expected));
            }
        }
    }

    /**
     * Checks that runs of 1, 2, 3, 7, 20 and 100 epochs at base rates from 1e-4 to 5 give every epoch a
     * finite rate {@code >= 0}, which the engine also refuses to run without.
     *
     * @throws AssertionError naming the run, the epoch and the rate
     */
    public static void checkValidRates(ScheduleFactory factory, Config config) {
        for (int epochs : RUN_LENGTHS) {
            for (double base : BASE_RATES) {
                double[] rates = rates(factory, config, epochs, base);
                for (int e = 0; e < epochs; e++) {
                    if (!(rates[e] >= 0) || Double.isInfinite(rates[e])) {
                        throw new AssertionError(name(factory, config) + " over " + epochs(epochs) + " at base rate " + base
                                + " gives epoch " + e + " (from 0) the rate " + rates[e] + "; every rate must be finite and >= 0"
                                + "\nrates: " + Arrays.toString(rates));
                    }
                }
            }
        }
    }

    /**
     * Checks that a schedule is a pure function of the epoch and the base rate: two schedules from the
     * same configuration give bitwise the same rates; asking for the epochs backwards, twice over, or
     * alternately with another schedule changes nothing; and the rates depend on the base rate alone, not
     * on the base rates asked before.
     *
     * @throws AssertionError naming the run, the epoch and both rates
     */
    public static void checkDeterminism(ScheduleFactory factory, Config config) {
        String name = name(factory, config);
        for (int epochs : RUN_LENGTHS) {
            for (double base : BASE_RATES) {
                String run = name + " over " + epochs(epochs) + " at base rate " + base;
                double[] reference = rates(factory, config, epochs, base);
                compareBitwise(run, reference, rates(factory, config, epochs, base), "a second schedule");

                Schedule backwards = create(factory, config, epochs);
                double[] reversed = new double[epochs];
                for (int e = epochs - 1; e >= 0; e--) {
                    reversed[e] = backwards.learningRate(e, base);
                }
                compareBitwise(run, reference, reversed, "a schedule asked for the epochs from the last to the first");

                Schedule twice = create(factory, config, epochs);
                Schedule other = create(factory, config, epochs);
                double[] again = new double[epochs];
                for (int e = 0; e < epochs; e++) {
                    twice.learningRate(e, base / 2);
                    other.learningRate(epochs - 1 - e, 2 * base);
                    twice.learningRate(e, base);
                    again[e] = twice.learningRate(e, base);
                }
                compareBitwise(run, reference, again, "a schedule asked for each epoch repeatedly, at other base rates"
                        + " in between, and alternately with another schedule");
            }
        }
    }

    /**
     * Runs a fresh optimizer on {@code problem} for {@code epochs} epochs of {@code stepsPerEpoch} steps,
     * setting the rate of each epoch from a fresh schedule before its first step, and returns the
     * trajectory as {@link OptimizerChecks#trajectory} lays it out ({@code epochs * stepsPerEpoch + 1}
     * rows). This is how the engine applies a schedule, and how a PyTorch loop that calls
     * {@code scheduler.step()} after each epoch does, so its values can be compared with PyTorch's.
     *
     * @throws IllegalArgumentException if {@code epochs} or {@code stepsPerEpoch} is below 1
     * @throws AssertionError           if the optimizer has no learning rate for the schedule to set
     */
    public static double[][] trajectory(ScheduleFactory schedule, Config scheduleConfig, OptimizerFactory optimizer,
            Config optimizerConfig, Quadratic problem, int epochs, int stepsPerEpoch) {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(optimizerConfig, "optimizerConfig");
        Objects.requireNonNull(problem, "problem");
        if (epochs < 1 || stepsPerEpoch < 1) {
            throw new IllegalArgumentException("epochs and steps per epoch must be at least 1, found " + epochs + " and "
                    + stepsPerEpoch);
        }
        List<Parameter> parameters = problem.newParameters();
        Optimizer stepper = optimizer.create(optimizerConfig, parameters);
        if (stepper == null) {
            throw new AssertionError(Comparison.plugin("optimizer", optimizer.name(), optimizerConfig) + ": create returned null");
        }
        OptionalDouble base = stepper.baseLearningRate();
        if (base == null || base.isEmpty()) {
            throw new AssertionError(Comparison.plugin("optimizer", optimizer.name(), optimizerConfig) + " has no learning"
                    + " rate (baseLearningRate() is " + base + "), so no schedule applies to it");
        }
        double[] rates = rates(schedule, scheduleConfig, epochs, base.getAsDouble());
        double[][] out = new double[epochs * stepsPerEpoch + 1][];
        out[0] = Quadratic.values(parameters);
        int t = 0;
        for (int e = 0; e < epochs; e++) {
            stepper.setLearningRate(rates[e]);
            for (int s = 0; s < stepsPerEpoch; s++) {
                problem.writeGradients(parameters);
                stepper.step();
                out[++t] = Quadratic.values(parameters);
            }
        }
        return out;
    }

    private static void compareBitwise(String run, double[] reference, double[] other, String how) {
        int e = Arrays.mismatch(reference, other);
        if (e >= 0) {
            throw new AssertionError(run + ": " + how + " gives epoch " + e + " (from 0) the rate " + other[e] + " instead of "
                    + reference[e] + "; a schedule must be a pure function of the epoch and the base rate (keep no count of"
                    + " the calls, draw no randomness)");
        }
    }

    private static void checkRun(int epochs, double baseRate) {
        if (epochs < 1) {
            throw new IllegalArgumentException("a run has at least 1 epoch, found " + epochs);
        }
        if (!(baseRate > 0) || Double.isInfinite(baseRate)) {
            throw new IllegalArgumentException("the base rate must be finite and above 0, found " + baseRate);
        }
    }

    private static Schedule create(ScheduleFactory factory, Config config, int epochs) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(config, "config");
        Schedule schedule = factory.create(config, epochs);
        if (schedule == null) {
            throw new AssertionError(name(factory, config) + ": create returned null for a run of " + epochs(epochs));
        }
        return schedule;
    }

    private static String epochs(int n) {
        return n == 1 ? "1 epoch" : n + " epochs";
    }

    private static String name(ScheduleFactory factory, Config config) {
        return Comparison.plugin("schedule", factory.name(), config);
    }
}
