package org.djx.engine.shift;

import java.util.random.RandomGenerator;
import org.djx.api.Shape;
import org.djx.api.Tensor;

/**
 * A generated classification problem under concept shift: in every region the inputs are N(0, I), and in
 * region r the label is 1 when {@code x_1 + ... + x_d > thresholds[r]}, flipped with probability
 * {@code labelNoise}. The inputs mean the same everywhere; what they mean for the label does not.
 */
public final class RegionConcept {
    private RegionConcept() {
    }

    /** One region's rows. */
    public record Rows(Tensor inputs, Tensor labels) {
    }

    /** Draws {@code rows} rows of region {@code region} from {@code random}. */
    public static Rows draw(int inputs, int rows, double threshold, double labelNoise, RandomGenerator random) {
        double[] x = new double[rows * inputs];
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int j = 0; j < inputs; j++) {
                double v = random.nextGaussian();
                x[r * inputs + j] = v;
                sum += v;
            }
            boolean positive = sum > threshold;
            if (random.nextDouble() < labelNoise) {
                positive = !positive;
            }
            y[r] = positive ? 1 : 0;
        }
        return new Rows(Tensor.wrap(Shape.of(rows, inputs), x), Tensor.wrap(Shape.of(rows, 1), y));
    }

    /** Returns the label rule of a region: 1 when the inputs' sum exceeds the threshold. */
    public static double label(double sum, double threshold) {
        return sum > threshold ? 1 : 0;
    }
}
