package org.djx.engine.shift;

import java.util.random.RandomGenerator;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.engine.random.RandomStreams;

/**
 * A generated regression problem under covariate shift: training inputs are N(0, I), test inputs the same
 * except that x_1 ~ N(shift, 1), and in both {@code y = sum_j (x_j + x_j^2 / 2) + noise * N(0, 1)}. The
 * rule from x to y is the same everywhere; only where the inputs lie changes, and a linear model, which can
 * fit the curve only locally, is best fitted where the test inputs are.
 *
 * <p>The true density ratio is known in closed form,
 * {@code p_test(x) / p_train(x) = exp(shift * x_1 - shift^2 / 2)}, so estimated weights can be compared
 * with it.
 *
 * @param trainInputs  the training inputs, one row per example
 * @param trainTargets the training targets, one column
 * @param testInputs   the test inputs
 * @param testTargets  the test targets
 * @param shift        the mean of x_1 at test time
 */
public record ShiftedRegression(Tensor trainInputs, Tensor trainTargets, Tensor testInputs, Tensor testTargets, double shift) {
    /**
     * Draws a problem from the streams {@code PREFIX data/train-inputs}, {@code data/test-inputs},
     * {@code data/train-noise} and {@code data/test-noise}.
     */
    public static ShiftedRegression generate(int inputs, int trainRows, int testRows, double shift, double noise,
            RandomStreams streams, String prefix) {
        Tensor trainX = inputs(trainRows, inputs, 0, streams.stream(prefix + "data/train-inputs"));
        Tensor testX = inputs(testRows, inputs, shift, streams.stream(prefix + "data/test-inputs"));
        return new ShiftedRegression(trainX, targets(trainX, noise, streams.stream(prefix + "data/train-noise")),
                testX, targets(testX, noise, streams.stream(prefix + "data/test-noise")), shift);
    }

    /** Returns the noiseless target of one input row: sum_j (x_j + x_j^2 / 2). */
    public static double target(double[] x) {
        double y = 0;
        for (double v : x) {
            y += v + v * v / 2;
        }
        return y;
    }

    /** Returns p_test(x) / p_train(x) for a row whose first input is {@code x1}. */
    public double densityRatio(double x1) {
        return Math.exp(shift * x1 - shift * shift / 2);
    }

    private static Tensor inputs(int rows, int columns, double shift, RandomGenerator random) {
        double[] x = new double[rows * columns];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian() + (i % columns == 0 ? shift : 0);
        }
        return Tensor.wrap(Shape.of(rows, columns), x);
    }

    private static Tensor targets(Tensor x, double noise, RandomGenerator random) {
        int columns = x.columns();
        double[] y = new double[x.rows()];
        double[] row = new double[columns];
        for (int r = 0; r < y.length; r++) {
            for (int j = 0; j < columns; j++) {
                row[j] = x.get(r * columns + j);
            }
            y[r] = target(row) + noise * random.nextGaussian();
        }
        return Tensor.wrap(Shape.of(y.length, 1), y);
    }
}
