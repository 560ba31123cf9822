package org.djx.plugins.nn;

import org.djx.api.Tensor;
import org.djx.api.spi.Config;
import org.djx.api.spi.Loss;
import org.djx.api.spi.LossFactory;

/**
 * Cross-entropy of the softmax of logits, as PyTorch's CrossEntropyLoss with probability targets: for a
 * row of logits z and targets y, {@code l = -sum_k y_k log softmax(z)_k = sum_k y_k (lse(z) - z_k)},
 * with lse the log-sum-exp. The rows' losses are averaged, weighted when weights are given, and not
 * divided by the number of classes.
 */
public final class SoftmaxCrossEntropyLossFactory implements LossFactory {
    @Override
    public String name() {
        return "softmax-cross-entropy";
    }

    @Override
    public String description() {
        return "Cross-entropy of softmax(prediction) against one-hot or class-probability targets, averaged over examples "
                + "(PyTorch's CrossEntropyLoss on logits); put it after a final linear layer with one output per class "
                + "for multi-class classification.";
    }

    @Override
    public Loss create(Config config) {
        return SoftmaxCrossEntropyLossFactory::evaluate;
    }

    private static double evaluate(Tensor predictions, Tensor targets, Tensor weights, Tensor gradient) {
        if (!predictions.shape().equals(targets.shape())) {
            throw new IllegalArgumentException("predictions " + predictions.shape() + " and targets "
                    + targets.shape() + " differ in shape");
        }
        int rows = predictions.rows();
        int columns = predictions.columns();
        if (columns < 2) {
            throw new IllegalArgumentException("predictions " + predictions.shape() + " have " + columns
                    + (columns == 1 ? " output" : " outputs") + " per example; softmax needs at least 2 outputs per example"
                    + " (one per class), and bce-with-logits takes one");
        }
        // get and set serve float32 and float64 alike; sums are in double either way.
        double totalWeight = 0;
        for (int r = 0; r < rows; r++) {
            totalWeight += weights == null ? 1 : weights.get(r);
        }
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            double share = (weights == null ? 1 : weights.get(r)) / totalWeight;
            int start = r * columns;
            int end = start + columns;
            // Shifted by the row's largest logit, exp stays in (0, 1]: logits of 1e4 neither overflow nor lose the gradient.
            double max = Double.NEGATIVE_INFINITY;
            for (int c = start; c < end; c++) {
                max = Math.max(max, predictions.get(c));
            }
            double sumExp = 0;
            for (int c = start; c < end; c++) {
                sumExp += Math.exp(predictions.get(c) - max);
            }
            double logSumExp = Math.log(sumExp);
            double rowLoss = 0;
            double targetMass = 0;
            for (int c = start; c < end; c++) {
                double y = targets.get(c);
                rowLoss += y * (logSumExp - (predictions.get(c) - max));
                targetMass += y;
            }
            loss += share * rowLoss;
            if (gradient != null) {
                // d l / d z_k = softmax_k * sum(y) - y_k: exact for targets of any sum, not only distributions.
                for (int c = start; c < end; c++) {
                    double softmax = Math.exp(predictions.get(c) - max) / sumExp;
                    gradient.set(c, share * (softmax * targetMass - targets.get(c)));
                }
            }
        }
        return loss;
    }
}
