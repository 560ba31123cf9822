package org.djx.testkit;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.api.spi.Config;
import org.djx.api.spi.Loss;
import org.djx.api.spi.LossFactory;

/**
 * Checks that every {@link LossFactory} runs: the gradient against central finite differences of the
 * value, and the example weighting that {@link Loss#evaluate} documents.
 *
 * <p>Batches have 3, 8 and 1 rows of width 2 and 5. Targets are uniform in [-1, 1); each prediction
 * differs from its target by an offset of magnitude in [0.1, 1) and random sign, so a loss with a kink
 * where prediction equals target (absolute error, Huber) is never differentiated across it. Weights,
 * when given, are uniform in [0.5, 2). Predictions, targets, weights and the gradient view arrays longer
 * than their shapes, padded with NaN, as the engine's smaller last batch does ({@link Tensor#withRows}):
 * a loss must read and write only their first {@code size()} elements.
 *
 * <p>{@link #checkGradients} compares the gradient that {@code evaluate} writes with the numeric
 * derivative {@code (L(p+) - L(p-)) / ((v + h) - (v - h))}, where each prediction v is set in place to
 * {@code v + h} and {@code v - h} with {@link #STEP h = 1e-5}, once with null weights and once with
 * random weights; every element's relative error {@code |a - n| / max(|a| + |n|, 1e-8)} must be at most
 * {@link #TOLERANCE 1e-6} (or the author's bound). It also requires a finite value that does not depend
 * on whether a gradient is requested, inputs left alone, and a gradient that is <em>overwritten</em>:
 * evaluating twice into the same gradient tensor gives the same gradient.
 *
 * <p>{@link #checkWeighting} checks the values that weights must give, with relative error at most
 * {@link #VALUE_TOLERANCE 1e-10}: every weight equal to 2.5 gives the unweighted value and gradient, and
 * random weights give {@code sum(w_i * l_i) / sum(w_i)}, where {@code l_i} is the value of row i alone
 * (evaluated on a one-row batch), and a weight of 2 on the first row (the others 1) gives the value of
 * the batch with that row appended once more, and the gradient whose first row is the sum of the two
 * copies' gradient rows (the others unchanged): a weight counts an example as if it were repeated, which
 * is what importance weighting relies on.
 *
 * @since 0.1
 */
public final class LossChecks {
    /** The finite-difference step h. */
    public static final double STEP = 1e-5;
    /** The default bound on the relative error between analytic and numeric gradients. */
    public static final double TOLERANCE = 1e-6;
    /** The bound on the relative error of values that must agree up to rounding. */
    public static final double VALUE_TOLERANCE = 1e-10;

    private static final int[] WIDTHS = {2, 5};
    private static final int[] BATCHES = {3, 8, 1};
    private static final double EQUAL_WEIGHT = 2.5;
    private static final long SEED = 0x1055L;

    private LossChecks() {
    }

    /**
     * Checks the gradient with the default bound {@link #TOLERANCE}.
     *
     * @throws AssertionError describing the first failure
     */
    public static void checkGradients(LossFactory factory, Config config) {
        checkGradients(factory, config, TOLERANCE);
    }

    /**
     * Checks the gradient with an author's bound on the relative error.
     *
     * @throws AssertionError describing the first failure
     */
    public static void checkGradients(LossFactory factory, Config config, double tolerance) {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be positive and finite, found " + tolerance);
        }
        Loss loss = create(factory, config);
        String lossName = Comparison.plugin("loss", factory.name(), config);
        for (int width : WIDTHS) {
            for (int batch : BATCHES) {
                Batch data = new Batch(batch, width);
                checkGradient(lossName, loss, data, null, tolerance);
                checkGradient(lossName, loss, data, data.weights, tolerance);
            }
        }
    }

    /**
     * Checks that equal weights give the unweighted loss and that weights give the weighted mean of the
     * rows' losses.
     *
     * @throws AssertionError describing the first failure
     */
    public static void checkWeighting(LossFactory factory, Config config) {
        Loss loss = create(factory, config);
        String lossName = Comparison.plugin("loss", factory.name(), config);
        for (int width : WIDTHS) {
            for (int batch : BATCHES) {
                Batch data = new Batch(batch, width);
                String where = lossName + " (batch " + batch + " x " + width + ")";
                try {
                    checkWeighting(where, loss, data);
                } catch (RuntimeException e) {
                    throw new AssertionError(where + ": the loss threw " + e, e);
                }
            }
        }
    }

    private static Loss create(LossFactory factory, Config config) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(config, "config");
        Loss loss = factory.create(config);
        if (loss == null) {
            throw new AssertionError(Comparison.plugin("loss", factory.name(), config) + ": create returned null");
        }
        return loss;
    }

    private static void checkGradient(String lossName, Loss loss, Batch data, Tensor weights, double tolerance) {
        String where = lossName + " (batch " + data.rows + " x " + data.columns + ", "
                + (weights == null ? "weights null" : "random weights in [0.5, 2)") + ")";
        try {
            Tensor predictions = Comparison.padded(data.predictions.shape(), data.predictions.toArray());
            Tensor gradient = Comparison.padded(predictions.shape(), new double[predictions.size()]);
            double value = loss.evaluate(predictions, data.targets, weights, gradient);
            if (!Double.isFinite(value)) {
                throw new AssertionError(where + ": the value is " + value + "; the inputs were finite (a NaN may come"
                        + " from reading past a tensor's size: the kit's tensors view longer arrays padded with NaN)");
            }
            data.requireUnchanged(where, predictions);
            int past = Comparison.writtenPastSize(gradient);
            if (past >= 0) {
                throw new AssertionError(where + ": evaluate wrote past the gradient's " + gradient.size()
                        + " elements, at position " + past + " of its backing array; tensors may view longer arrays"
                        + " (Tensor.withRows)");
            }
            for (int i = 0; i < gradient.size(); i++) {
                if (!Double.isFinite(gradient.get(i))) {
                    throw new AssertionError(where + ": the gradient is " + gradient.get(i) + " at element "
                            + Comparison.index(gradient.shape(), i) + "; evaluate must write every element");
                }
            }
            double[] analytic = gradient.toArray();

            double again = loss.evaluate(predictions, data.targets, weights, gradient);
            String repeat = Comparison.compare(gradient.shape(), gradient.toArray(), analytic, VALUE_TOLERANCE,
                    "second", "first");
            if (repeat != null) {
                throw new AssertionError(where + ": evaluating the same batch again into the same gradient tensor"
                        + " changed the gradient of 'predictions' (shape " + gradient.shape() + ") at " + repeat
                        + "; evaluate must overwrite the gradient, not add to it");
            }
            double valueOnly = loss.evaluate(predictions, data.targets, weights, null);
            if (!(Comparison.relativeError(valueOnly, value) <= VALUE_TOLERANCE)
                    || !(Comparison.relativeError(again, value) <= VALUE_TOLERANCE)) {
                throw new AssertionError(where + ": the value depends on the call: " + value + " with a gradient, "
                        + again + " when repeated, " + valueOnly + " with a null gradient");
            }

            double[] p = predictions.data();
            double[] numeric = new double[predictions.size()];
            for (int k = 0; k < numeric.length; k++) {
                double saved = p[k];
                double up = saved + STEP;
                double down = saved - STEP;
                p[k] = up;
                double plus = loss.evaluate(predictions, data.targets, weights, null);
                p[k] = down;
                double minus = loss.evaluate(predictions, data.targets, weights, null);
                p[k] = saved;
                numeric[k] = (plus - minus) / (up - down);
            }
            String problem = Comparison.compare(predictions.shape(), analytic, numeric, tolerance, "analytic",
                    "numeric");
            if (problem != null) {
                throw new AssertionError(where + ": the gradient of 'predictions' (shape " + predictions.shape()
                        + ") is wrong at " + problem + " [numeric: central differences of the value with"
                        + " h = " + STEP + "; relative error |a - n| / max(|a| + |n|, " + Comparison.FLOOR
                        + ") must be <= " + tolerance + "]");
            }
        } catch (RuntimeException e) {
            throw new AssertionError(where + ": the loss threw " + e, e);
        }
    }

    private static void checkWeighting(String where, Loss loss, Batch data) {
        Tensor unweightedGradient = Tensor.zeros(data.rows, data.columns);
        double unweighted = loss.evaluate(data.predictions, data.targets, null, unweightedGradient);
        double[] equalWeights = new double[data.rows];
        Arrays.fill(equalWeights, EQUAL_WEIGHT);
        Tensor equal = Comparison.padded(Shape.of(data.rows), equalWeights);
        Tensor equalGradient = Tensor.zeros(data.rows, data.columns);
        double equallyWeighted = loss.evaluate(data.predictions, data.targets, equal, equalGradient);
        if (!(Comparison.relativeError(equallyWeighted, unweighted) <= VALUE_TOLERANCE)) {
            throw new AssertionError(where + ": with every weight equal to " + EQUAL_WEIGHT + " the loss is "
                    + equallyWeighted + ", without weights " + unweighted + " (relative error "
                    + Comparison.relativeError(equallyWeighted, unweighted) + " > " + VALUE_TOLERANCE
                    + "); equal weights must give the unweighted loss, sum(w_i * l_i) / sum(w_i)");
        }
        String gradientProblem = Comparison.compare(equalGradient.shape(), equalGradient.toArray(),
                unweightedGradient.toArray(), VALUE_TOLERANCE, "with every weight " + EQUAL_WEIGHT, "without weights");
        if (gradientProblem != null) {
            throw new AssertionError(where + ": equal weights changed the gradient of 'predictions' (shape "
                    + equalGradient.shape() + ") at " + gradientProblem + "; equal weights must give the unweighted"
                    + " gradient");
        }

        double weighted = loss.evaluate(data.predictions, data.targets, data.weights, null);
        double[] w = data.weights.toArray();
        double[] rowLosses = new double[data.rows];
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < data.rows; i++) {
            rowLosses[i] = loss.evaluate(data.row(data.predictions, i), data.row(data.targets, i), null, null);
            numerator += w[i] * rowLosses[i];
            denominator += w[i];
        }
        double expected = numerator / denominator;
        if (!(Comparison.relativeError(weighted, expected) <= VALUE_TOLERANCE)) {
            throw new AssertionError(where + ": with weights w = " + Arrays.toString(w) + " the loss is " + weighted
                    + ", expected sum(w_i * l_i) / sum(w_i) = " + expected + " where l_i is the loss of row i alone, l = "
                    + Arrays.toString(rowLosses) + " (relative error " + Comparison.relativeError(weighted, expected)
                    + " > " + VALUE_TOLERANCE + ")");
        }
        checkDoubledRow(where, loss, data);
    }

    /** A weight of 2 on row 0 must act as row 0 twice, in the value and in the gradient. */
    private static void checkDoubledRow(String where, Loss loss, Batch data) {
        int rows = data.rows;
        int columns = data.columns;
        double[] w = new double[rows];
        Arrays.fill(w, 1);
        w[0] = 2;
        Tensor doubledGradient = Comparison.padded(data.predictions.shape(), new double[rows * columns]);
        double doubled = loss.evaluate(data.predictions, data.targets, Comparison.padded(Shape.of(rows), w), doubledGradient);

        Shape twiceShape = Shape.of(rows + 1, columns);
        double[] p = Arrays.copyOf(data.predictions.toArray(), (rows + 1) * columns);
        double[] y = Arrays.copyOf(data.targets.toArray(), (rows + 1) * columns);
        System.arraycopy(p, 0, p, rows * columns, columns);
        System.arraycopy(y, 0, y, rows * columns, columns);
        Tensor twiceGradient = Comparison.padded(twiceShape, new double[(rows + 1) * columns]);
        double twice = loss.evaluate(Comparison.padded(twiceShape, p), Comparison.padded(twiceShape, y), null, twiceGradient);
        if (!(Comparison.relativeError(doubled, twice) <= VALUE_TOLERANCE)) {
            throw new AssertionError(where + ": with weight 2 on row 0 and 1 on the others the loss is " + doubled
                    + ", but the unweighted loss of the batch with row 0 repeated is " + twice + " (relative error "
                    + Comparison.relativeError(doubled, twice) + " > " + VALUE_TOLERANCE + "); a weight of 2 must count"
                    + " an example twice");
        }
        double[] expected = Arrays.copyOf(twiceGradient.toArray(), rows * columns);
        for (int c = 0; c < columns; c++) {
            expected[c] += twiceGradient.get(rows * columns + c);
        }
        String problem = Comparison.compare(doubledGradient.shape(), doubledGradient.toArray(), expected, VALUE_TOLERANCE,
                "with weight 2 on row 0", "row 0 repeated (its two gradient rows summed)");
        if (problem != null) {
            throw new AssertionError(where + ": with weight 2 on row 0 the gradient of 'predictions' (shape "
                    + doubledGradient.shape() + ") differs from that of the batch with row 0 repeated at " + problem
                    + "; a weight of 2 must count an example twice in the gradient too");
        }
    }

    /** One seeded batch: targets, predictions near them, and positive weights. */
    private static final class Batch {
        final int rows;
        final int columns;
        final Tensor targets;
        final Tensor predictions;
        final Tensor weights;
        private final double[] original;
        private final double[] originalTargets;
        private final double[] originalWeights;

        Batch(int rows, int columns) {
            this.rows = rows;
            this.columns = columns;
            SplittableRandom random = new SplittableRandom(SEED * 1_000 + columns * 10L + rows);
            double[] y = new double[rows * columns];
            double[] p = new double[rows * columns];
            for (int i = 0; i < y.length; i++) {
                y[i] = random.nextDouble(-1, 1);
                p[i] = y[i] + Comparison.awayFromZero(random, 0.1, 1.0);
            }
            double[] w = new double[rows];
            for (int i = 0; i < rows; i++) {
                w[i] = random.nextDouble(0.5, 2.0);
            }
            targets = Comparison.padded(Shape.of(rows, columns), y);
            predictions = Comparison.padded(Shape.of(rows, columns), p);
            weights = Comparison.padded(Shape.of(rows), w);
            original = predictions.toArray();
            originalTargets = targets.toArray();
            originalWeights = weights.toArray();
        }

        Tensor row(Tensor matrix, int r) {
            return Comparison.padded(Shape.of(1, columns), matrix.toRows()[r]);
        }

        /** Fails if evaluate wrote into its inputs; {@code givenPredictions} is the copy it received. */
        void requireUnchanged(String where, Tensor givenPredictions) {
            String changed = !Arrays.equals(givenPredictions.toArray(), original) ? "predictions"
                    : !Arrays.equals(targets.toArray(), originalTargets) ? "targets"
                    : !Arrays.equals(weights.toArray(), originalWeights) ? "weights" : null;
            if (changed != null) {
                throw new AssertionError(where + ": evaluate modified its " + changed);
            }
        }
    }
}
