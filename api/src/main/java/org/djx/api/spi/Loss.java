package org.djx.api.spi;

import org.djx.api.Stability;
import org.djx.api.Tensor;

/**
 * A loss function with its gradient.
 *
 * <p>Predictions and targets are batches of the same shape, one example per row. The loss of a batch
 * is the mean over examples of the per-example loss, weighted when weights are given.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public interface Loss {
    /**
     * Returns the loss of {@code predictions} against {@code targets}.
     *
     * @param weights  one non-negative weight per example (shape {@code [rows]}), or null for equal
     *                 weights; the batch loss is then {@code sum(w_i * l_i) / sum(w_i)}
     * @param gradient where to write dLoss/dPredictions (the shape of the predictions), or null
     *                 when only the value is wanted
     */
    double evaluate(Tensor predictions, Tensor targets, Tensor weights, Tensor gradient);
}
