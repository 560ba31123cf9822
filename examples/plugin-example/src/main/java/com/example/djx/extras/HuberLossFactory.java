package com.example.djx.extras;

import java.util.List;
import org.djx.api.Tensor;
import org.djx.api.spi.Config;
import org.djx.api.spi.Loss;
import org.djx.api.spi.LossFactory;
import org.djx.api.spi.ParameterSpec;

/**
 * The Huber loss: squared for small errors, linear for large ones, so that a few outliers do not
 * dominate the fit.
 *
 * <p>For an error {@code d = prediction - target} and a threshold {@code delta}, an element's loss is
 * {@code d^2 / 2} when {@code |d| <= delta}, else {@code delta * (|d| - delta / 2)}; the two pieces meet
 * with equal slope at {@code |d| = delta}. An example's loss is the mean over its outputs, and the batch
 * loss the (weighted) mean over examples, which without weights equals PyTorch's
 * {@code HuberLoss(delta=delta)} with its default mean reduction.
 */
public final class HuberLossFactory implements LossFactory {
    @Override
    public String name() {
        return "huber";
    }

    @Override
    public String description() {
        return "Huber loss: d^2/2 for |d| <= delta, delta (|d| - delta/2) beyond; the mean over outputs and examples.";
    }

    @Override
    public List<ParameterSpec> configuration() {
        return List.of(ParameterSpec.number("delta", "Where the loss turns from squared to linear.")
                .withDefault(1.0).greaterThan(0));
    }

    @Override
    public Loss create(Config config) {
        return new Huber(config.number("delta"));
    }

    /** The loss itself; it keeps no state between calls. */
    private static final class Huber implements Loss {
        private final double delta;

        Huber(double delta) {
            this.delta = delta;
        }

        @Override
        public double evaluate(Tensor predictions, Tensor targets, Tensor weights, Tensor gradient) {
            if (!predictions.shape().equals(targets.shape())) {
                throw new IllegalArgumentException("predictions " + predictions.shape() + " and targets "
                        + targets.shape() + " differ in shape");
            }
            int rows = predictions.rows();
            int columns = predictions.columns();
            // get and set read the first size() elements of float32 and float64 tensors alike.
            double totalWeight = 0;
            for (int r = 0; r < rows; r++) {
                totalWeight += weights == null ? 1 : weights.get(r);
            }
            double loss = 0;
            for (int r = 0; r < rows; r++) {
                // Each element's share of the batch loss: its example's weight, spread over the outputs.
                double share = (weights == null ? 1 : weights.get(r)) / totalWeight / columns;
                double sum = 0;
                for (int i = r * columns, end = i + columns; i < end; i++) {
                    double d = predictions.get(i) - targets.get(i);
                    double size = Math.abs(d);
                    sum += size <= delta ? 0.5 * d * d : delta * (size - 0.5 * delta);
                    if (gradient != null) {
                        gradient.set(i, share * (size <= delta ? d : Math.copySign(delta, d)));
                    }
                }
                loss += share * sum;
            }
            return loss;
        }
    }
}
