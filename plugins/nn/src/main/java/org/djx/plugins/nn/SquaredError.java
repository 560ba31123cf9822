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
        double[] p = predictions.data();
        double[] y = targets.data();
        double[] w = weights == null ? null : weights.data();
        double[] g = gradient == null ? null : gradient.data();
        double totalWeight = 0;
        for (int r = 0; r < rows; r++) {
            totalWeight += w == null ? 1 : w[r];
        }
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            double wr = (w == null ? 1 : w[r]) / totalWeight;
            double sum = 0;
            for (int c = r * columns, end = c + columns; c < end; c++) {
                double diff = p[c] - y[c];
                sum += diff * diff;
                if (g != null) {
                    g[c] = 2 * scale * wr * diff;
                }
            }
            loss += wr * scale * sum;
        }
        return loss;
    }
}
