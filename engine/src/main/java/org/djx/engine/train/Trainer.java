package org.djx.engine.train;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.api.spi.Loss;
import org.djx.api.spi.Optimizer;
import org.djx.engine.experiment.TrainingSpec;
import org.djx.engine.model.Network;

/**
 * Minibatch training: each epoch visits every example once in batches (shuffled when asked), and
 * each batch runs forward, loss, backward and one optimizer step. After each epoch the loss over the
 * whole training set is evaluated, which decides the tolerance stop and is what gets reported.
 *
 * <p>Examples may carry weights (importance weights under covariate shift): each batch's loss, and the
 * epoch's, is then the weighted mean {@code sum(w_i * l_i) / sum(w_i)} that {@link Loss#evaluate}
 * defines, so a weight of 2 counts an example as if it were there twice.
 */
public final class Trainer {
    /** Hears how training goes. */
    @FunctionalInterface
    public interface Listener {
        /**
         * Called after epoch {@code epoch} (from 1) with the training loss over all examples and the
         * predictions it was computed from (valid until the network's next forward pass).
         */
        void epochEnded(int epoch, double loss, Tensor predictions);

        /**
         * Called once, right after the first optimizer step, with that batch's loss before the step;
         * the network still holds the step's gradients and now the updated parameters.
         */
        default void firstStepTaken(double batchLoss, Network network) {
        }
    }

    private final TrainingSpec spec;

    public Trainer(TrainingSpec spec) {
        this.spec = spec;
    }

    /**
     * Trains {@code network} on rows of {@code inputs} and {@code targets}, every example weighing the same.
     *
     * @param shuffle the stream that orders the examples; used only when the spec shuffles
     */
    public TrainingResult train(Network network, Loss loss, Optimizer optimizer, Tensor inputs, Tensor targets,
            RandomGenerator shuffle, Listener listener) {
        return train(network, loss, optimizer, inputs, targets, null, shuffle, listener);
    }

    /**
     * Trains {@code network} on rows of {@code inputs} and {@code targets}, example i weighing
     * {@code weights[i]} in every loss.
     *
     * @param weights one finite weight >= 0 per example (shape {@code [rows]}), not all 0; or null for
     *                equal weights
     * @param shuffle the stream that orders the examples; used only when the spec shuffles
     * @throws IllegalArgumentException if the weights do not fit the examples or are not valid weights
     */
    public TrainingResult train(Network network, Loss loss, Optimizer optimizer, Tensor inputs, Tensor targets,
            Tensor weights, RandomGenerator shuffle, Listener listener) {
        int n = inputs.rows();
        double[] w = weights == null ? null : checkedWeights(weights, n);
        int batch = Math.min(spec.batchSize(), n);
        int inCols = inputs.columns();
        int outCols = targets.columns();
        double[] xBatch = new double[batch * inCols];
        double[] yBatch = new double[batch * outCols];
        double[] wBatch = w == null ? null : new double[batch];
        double[] gradient = new double[Math.max(batch, n) * outCols];
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        double[] losses = new double[spec.epochs()];
        StopReason reason = StopReason.MAX_EPOCHS;
        int epoch = 0;
        while (epoch < spec.epochs()) {
            if (spec.shuffle()) {
                permute(order, shuffle);
            }
            for (int start = 0; start < n; start += batch) {
                int rows = Math.min(batch, n - start);
                gather(inputs.data(), inCols, order, start, rows, xBatch);
                gather(targets.data(), outCols, order, start, rows, yBatch);
                Tensor x = Tensor.wrap(Shape.of(rows, inCols), xBatch);
                Tensor y = Tensor.wrap(Shape.of(rows, outCols), yBatch);
                Tensor g = Tensor.wrap(Shape.of(rows, outCols), gradient);
                Tensor wb = null;
                if (w != null) {
                    gather(w, 1, order, start, rows, wBatch);
                    wb = Tensor.wrap(Shape.of(rows), wBatch);
                }
                double batchLoss = loss.evaluate(network.forward(x), y, wb, g);
                network.backward(g);
                optimizer.step();
                if (epoch == 0 && start == 0) {
                    listener.firstStepTaken(batchLoss, network);
                }
            }
            Tensor predictions = network.forward(inputs);
            double epochLoss = loss.evaluate(predictions, targets, w == null ? null : Tensor.vector(w), null);
            losses[epoch++] = epochLoss;
            listener.epochEnded(epoch, epochLoss, predictions);
            if (!Double.isFinite(epochLoss)) {
                reason = StopReason.DIVERGED;
                break;
            }
            if (spec.hasTolerance() && epochLoss < spec.tolerance()) {
                reason = StopReason.TOLERANCE;
                break;
            }
        }
        return new TrainingResult(Arrays.copyOf(losses, epoch), reason);
    }

    private static double[] checkedWeights(Tensor weights, int rows) {
        if (weights.size() != rows) {
            throw new IllegalArgumentException(weights.shape() + " weights for " + rows + " examples; give one per example");
        }
        double[] w = weights.toArray();
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new IllegalArgumentException("the weight of example " + i + " is " + w[i] + "; weights must be finite and >= 0");
            }
            sum += w[i];
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("every weight is 0; at least one example must count");
        }
        return w;
    }

    /** Fisher-Yates: a uniformly random order, drawn only from {@code random}. */
    private static void permute(int[] order, RandomGenerator random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static void gather(double[] source, int columns, int[] order, int start, int rows, double[] into) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(source, order[start + r] * columns, into, r * columns, columns);
        }
    }
}
