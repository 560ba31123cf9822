package org.djx.plugins.nn;

import org.djx.api.Tensor;
import org.djx.api.spi.Loss;

/**
 * Squared error per example, {@code l_i = scale * sum_j (p_ij - y_ij)^2}, averaged over the batch with
 * optional example weights. The two built-in squared losses differ only in the scale.
 */
final class SquaredError implements Loss {
    private final boolean meanOverOutputs;

    /**
     * @param meanOverOutputs true for PyTorch's MSELoss (scale 1 / outputs), false for D2L's J
     *                        (scale 1/2)
     */
    SquaredError(boolean meanOverOutputs) {
        this.meanOverOutputs = meanOverOutputs;
    }

    @Override
    public double evaluate(Tensor predictions, Tensor targets, Tensor weights, Tensor gradient) {
        if (!predictions.shape().equals(targets.shape())) {
            throw new IllegalArgumentException("predictions " + predictions.shape() + " and targets "
                    + targets.shape() + " differ in shape");
        }
        int rows = predictions.rows();
        int columns = predictions.columns();
        double scale = meanOverOutputs ? 1.0 / columns : 0.5;
        // Element access through get and set serves float32 and float64 alike; the loss is a small
        // share of a step (one pass over the outputs), and it is summed in double either way.
        double totalWeight = 0;
        for (int r = 0; r < rows; r++) {
            totalWeight += weights == null ? 1 : weights.get(r);
        }
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            double wr = (weights == null ? 1 : weights.get(r)) / totalWeight;
            double sum = 0;
            for (int c = r * columns, end = c + columns; c < end; c++) {
                double diff = predictions.get(c) - targets.get(c);
                sum += diff * diff;
                if (gradient != null) {
                    gradient.set(c, 2 * scale * wr * diff);
                }
            }
            loss += wr * scale * sum;
        }
        return loss;
    }
}
