package org.djx.plugins.nn;

import org.djx.api.Tensor;
import org.djx.api.spi.Config;
import org.djx.api.spi.Loss;
import org.djx.api.spi.LossFactory;

/**
 * Binary cross-entropy on logits, as PyTorch's BCEWithLogitsLoss: for a logit z and a target
 * probability y, softplus(z) - y z, which is -[y log s(z) + (1 - y) log(1 - s(z))] with s the sigmoid,
 * computed without forming s(z) so that large |z| neither overflows nor loses the gradient.
 */
public final class BceWithLogitsLossFactory implements LossFactory {
    @Override
    public String name() {
        return "bce-with-logits";
    }

    @Override
    public String description() {
        return "Binary cross-entropy of sigmoid(prediction) against targets in [0, 1], averaged over outputs and examples "
                + "(PyTorch's BCEWithLogitsLoss); put it after a linear layer for logistic regression.";
    }

    @Override
    public Loss create(Config config) {
        return BceWithLogitsLossFactory::evaluate;
    }

    private static double evaluate(Tensor predictions, Tensor targets, Tensor weights, Tensor gradient) {
        if (!predictions.shape().equals(targets.shape())) {
            throw new IllegalArgumentException("predictions " + predictions.shape() + " and targets "
                    + targets.shape() + " differ in shape");
        }
        int rows = predictions.rows();
        int columns = predictions.columns();
        // get and set serve float32 and float64 alike; sums are in double either way.
        double totalWeight = 0;
        for (int r = 0; r < rows; r++) {
            totalWeight += weights == null ? 1 : weights.get(r);
        }
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            double share = (weights == null ? 1 : weights.get(r)) / totalWeight / columns;
            for (int c = r * columns, end = c + columns; c < end; c++) {
                double z = predictions.get(c);
                double y = targets.get(c);
                double softplus = Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
                loss += share * (softplus - y * z);
                if (gradient != null) {
                    gradient.set(c, share * (sigmoid(z) - y));
                }
            }
        }
        return loss;
    }

    private static double sigmoid(double z) {
        // Two forms, so that exp never overflows.
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
