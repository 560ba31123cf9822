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
     * Trains {@code network} on rows of {@code inputs} and {@code targets}.
     *
     * @param shuffle the stream that orders the examples; used only when the spec shuffles
     */
    public TrainingResult train(Network network, Loss loss, Optimizer optimizer, Tensor inputs, Tensor targets,
            RandomGenerator shuffle, Listener listener) {
        int n = inputs.rows();
        int batch = Math.min(spec.batchSize(), n);
        int inCols = inputs.columns();
        int outCols = targets.columns();
        double[] xBatch = new double[batch * inCols];
        double[] yBatch = new double[batch * outCols];
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
                double batchLoss = loss.evaluate(network.forward(x), y, null, g);
                network.backward(g);
                optimizer.step();
                if (epoch == 0 && start == 0) {
                    listener.firstStepTaken(batchLoss, network);
                }
            }
            Tensor predictions = network.forward(inputs);
            double epochLoss = loss.evaluate(predictions, targets, null, null);
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
