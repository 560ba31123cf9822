package org.djx.testkit;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.api.spi.Config;
import org.djx.api.spi.Initializer;
import org.djx.api.spi.InitializerFactory;

/**
 * Distribution checks that every {@link InitializerFactory} runs: the sample of a large tensor against
 * the closed-form mean, standard deviation and support of the distribution the initializer promises.
 *
 * <p>Each check fills a {@code 1000 x 100} tensor ({@link #SAMPLES} = 100,000 values) with the given
 * fan-in and fan-out and a {@code new SplittableRandom(seed)}. A sample statistic must lie within
 * {@link #STANDARD_ERRORS 6} standard errors of its expected value, which a correct initializer misses
 * with probability about 2e-9 per statistic and a wrong scale of even a few percent does not meet:
 * <ul>
 *   <li>the mean: standard error {@code std / sqrt(n)};</li>
 *   <li>the standard deviation: standard error {@code std * sqrt((kurtosis - 1) / (4 n))}, with kurtosis
 *       3 for a normal, 9/5 for a uniform and the sample's own kurtosis in {@link #checkMoments};</li>
 *   <li>for a normal, the fraction of values within one standard deviation of the mean (0.6827, standard
 *       error {@code sqrt(p (1 - p) / n)}), which tells a normal from a uniform of the same moments.</li>
 * </ul>
 * Every check also requires that the initializer overwrites every element and nothing past the
 * tensor's size (the tensor views a longer array, as {@link Tensor#withRows} allows), and that it draws
 * only from the random generator it is given: the same seed gives identical values and, for random
 * distributions, another seed gives different ones.
 *
 * @since 0.1
 */
public final class InitializerChecks {
    /** The number of values each check draws. */
    public static final int SAMPLES = 100_000;
    /** How many standard errors a sample statistic may lie from its expected value. */
    public static final double STANDARD_ERRORS = 6;

    private static final int ROWS = 1_000;
    private static final int COLUMNS = SAMPLES / ROWS;
    private static final int PADDING = 8;
    private static final long SEED = 20_240_611L;
    private static final double NORMAL_WITHIN_ONE_STD = 0.6826894921370859;
    /** How close to each end of [low, high) the extreme samples of a uniform must come, as a fraction of the width. */
    private static final double END_COVERAGE = 1e-3;

    private InitializerChecks() {
    }

    /**
     * Checks that the initializer draws from N(mean, std^2).
     *
     * @throws IllegalArgumentException if {@code std} is not positive
     * @throws AssertionError           describing the first failure, with expected and actual values
     */
    public static void checkNormal(InitializerFactory factory, Config config, int fanIn, int fanOut, double mean,
            double std) {
        requirePositive(std);
        Run run = new Run(factory, config, fanIn, fanOut);
        double[] x = run.sample(true);
        run.checkMoments(x, mean, std, 3.0);
        double threshold = std;
        int within = 0;
        for (double v : x) {
            if (Math.abs(v - mean) < threshold) {
                within++;
            }
        }
        double fraction = (double) within / SAMPLES;
        double standardError = Math.sqrt(NORMAL_WITHIN_ONE_STD * (1 - NORMAL_WITHIN_ONE_STD) / SAMPLES);
        run.requireWithin("fraction of values within one standard deviation of the mean", fraction,
                NORMAL_WITHIN_ONE_STD, standardError, " (a normal distribution has 68.27% there)");
    }

    /**
     * Checks that the initializer draws from U[low, high): every value in range, both ends reached, mean
     * {@code (low + high) / 2} and standard deviation {@code (high - low) / sqrt(12)}.
     *
     * @throws IllegalArgumentException if {@code low < high} does not hold
     * @throws AssertionError           describing the first failure, with expected and actual values
     */
    public static void checkUniform(InitializerFactory factory, Config config, int fanIn, int fanOut, double low,
            double high) {
        if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("need finite low < high, found [" + low + ", " + high + ")");
        }
        Run run = new Run(factory, config, fanIn, fanOut);
        double[] x = run.sample(true);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= low && x[i] < high)) {
                throw new AssertionError(run.where + ": value " + x[i] + " at element " + index(i) + " is outside ["
                        + low + ", " + high + ")");
            }
            min = Math.min(min, x[i]);
            max = Math.max(max, x[i]);
        }
        double width = high - low;
        if (min - low > END_COVERAGE * width || high - max > END_COVERAGE * width) {
            throw new AssertionError(run.where + ": the values span [" + min + ", " + max + "], expected them to reach"
                    + " within " + END_COVERAGE * width + " (0.1% of the width) of both ends of [" + low + ", " + high
                    + ")");
        }
        run.checkMoments(x, (low + high) / 2, width / Math.sqrt(12), 9.0 / 5);
    }

    /**
     * Checks that the initializer sets every element to {@code value}.
     *
     * @throws AssertionError naming the first element that differs, with expected and actual values
     */
    public static void checkConstant(InitializerFactory factory, Config config, int fanIn, int fanOut,
            double value) {
        Run run = new Run(factory, config, fanIn, fanOut);
        double[] x = run.sample(false);
        for (int i = 0; i < x.length; i++) {
            if (x[i] != value) {
                throw new AssertionError(run.where + ": element " + index(i) + " is " + x[i] + ", expected the constant "
                        + value);
            }
        }
    }

    /**
     * Checks only the mean and standard deviation, for a distribution the kit has no closed form for
     * (the standard error of the standard deviation then uses the sample's kurtosis).
     *
     * @throws IllegalArgumentException if {@code std} is not positive
     * @throws AssertionError           describing the first failure, with expected and actual values
     */
    public static void checkMoments(InitializerFactory factory, Config config, int fanIn, int fanOut, double mean,
            double std) {
        requirePositive(std);
        Run run = new Run(factory, config, fanIn, fanOut);
        double[] x = run.sample(true);
        run.checkMoments(x, mean, std, Double.NaN);
    }

    private static void requirePositive(double std) {
        if (!(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("the expected standard deviation must be positive and finite, found "
                    + std + "; use checkConstant for a constant initializer");
        }
    }

    private static String index(int flat) {
        return Comparison.index(Shape.of(ROWS, COLUMNS), flat);
    }

    /** One initializer under test and how messages name it. */
    private static final class Run {
        final String where;
        final Initializer initializer;
        final int fanIn;
        final int fanOut;

        Run(InitializerFactory factory, Config config, int fanIn, int fanOut) {
            Objects.requireNonNull(factory, "factory");
            Objects.requireNonNull(config, "config");
            if (fanIn < 1 || fanOut < 1) {
                throw new IllegalArgumentException("fan-in and fan-out must be positive, found " + fanIn + ", " + fanOut);
            }
            this.where = Comparison.plugin("initializer", factory.name(), config) + " (fan-in " + fanIn + ", fan-out "
                    + fanOut + ", n = " + SAMPLES + ", seed " + SEED + ")";
            this.initializer = factory.create(config);
            if (initializer == null) {
                throw new AssertionError(where + ": create returned null");
            }
            this.fanIn = fanIn;
            this.fanOut = fanOut;
        }

        /** Draws the sample with the kit's seed and checks the rules every initializer follows. */
        double[] sample(boolean random) {
            double[] x = fill(SEED);
            double[] again = fill(SEED);
            if (!Arrays.equals(x, again)) {
                int i = Arrays.mismatch(x, again);
                throw new AssertionError(where + ": the same seed gave different values, first at element " + index(i)
                        + "; an initializer must draw only from the random generator it is given");
            }
            if (random && Arrays.equals(x, fill(SEED + 1))) {
                throw new AssertionError(where + ": seeds " + SEED + " and " + (SEED + 1) + " gave identical values;"
                        + " an initializer must draw from the random generator it is given");
            }
            return x;
        }

        private double[] fill(long seed) {
            double[] array = new double[SAMPLES + PADDING];
            Arrays.fill(array, Double.NaN);
            Tensor tensor = Tensor.wrap(Shape.of(ROWS, COLUMNS), array);
            try {
                initializer.initialize(tensor, fanIn, fanOut, new SplittableRandom(seed));
            } catch (RuntimeException e) {
                throw new AssertionError(where + ": the initializer threw " + e, e);
            }
            for (int k = SAMPLES; k < array.length; k++) {
                if (!Double.isNaN(array[k])) {
                    throw new AssertionError(where + ": wrote " + array[k] + " past the tensor's " + SAMPLES
                            + " elements, at position " + k + " of its backing array; a tensor may view a longer"
                            + " array, so write only its first size() elements");
                }
            }
            for (int i = 0; i < SAMPLES; i++) {
                if (Double.isNaN(array[i])) {
                    throw new AssertionError(where + ": element " + index(i) + " was not written (it still holds the"
                            + " NaN the kit put there); initialize must overwrite every element");
                }
            }
            return Arrays.copyOf(array, SAMPLES);
        }

        /**
         * Checks the sample mean and standard deviation.
         *
         * @param kurtosis the distribution's kurtosis, or NaN to use the sample's
         */
        void checkMoments(double[] x, double mean, double std, double kurtosis) {
            double sum = 0;
            for (double v : x) {
                sum += v;
            }
            double sampleMean = sum / x.length;
            double m2 = 0;
            double m4 = 0;
            for (double v : x) {
                double d = (v - sampleMean) * (v - sampleMean);
                m2 += d;
                m4 += d * d;
            }
            double sampleStd = Math.sqrt(m2 / (x.length - 1));
            double k = Double.isNaN(kurtosis) ? (m2 > 0 ? (m4 / x.length) / Math.pow(m2 / x.length, 2) : 3) : kurtosis;
            requireWithin("mean", sampleMean, mean, std / Math.sqrt(x.length), "");
            requireWithin("standard deviation", sampleStd, std, std * Math.sqrt((k - 1) / (4.0 * x.length)), "");
        }

        void requireWithin(String statistic, double actual, double expected, double standardError, String note) {
            double bound = STANDARD_ERRORS * standardError;
            if (!(Math.abs(actual - expected) <= bound)) {
                throw new AssertionError(where + ": sample " + statistic + " " + actual + ", expected " + expected
                        + note + "; it differs by " + Math.abs(actual - expected) + ", more than " + STANDARD_ERRORS
                        + " standard errors (" + STANDARD_ERRORS + " x " + standardError + " = " + bound + ")");
            }
        }
    }
}
