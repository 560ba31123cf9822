package org.djx.engine.train;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.djx.api.DType;
import org.djx.api.Tensor;
import org.djx.api.spi.Loss;
import org.djx.api.spi.Optimizer;
import org.djx.engine.experiment.TrainingSpec;
import org.djx.engine.model.Network;

/**
 * Minibatch training: each epoch visits every example once in batches (shuffled when asked), and
 * each batch runs forward, loss, backward and one optimizer step. After each epoch the training loss
 * (by default over the whole training set, or the mean of the batch losses) decides the tolerance stop
 * and is what gets reported.
 */
public final class Trainer {
    /** Hears how training goes. */
    @FunctionalInterface
    public interface Listener {
        /**
         * Called after epoch {@code epoch} (from 1) with the epoch's training loss and, when it was a
         * full pass, the predictions it was computed from (valid until the network's next forward
         * pass); with a batch-mean epoch loss the predictions are null.
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
     * Trains {@code network} on rows of {@code inputs} and {@code targets}, which are converted to the
     * network's element type once, up front.
     *
     * @param shuffle the stream that orders the examples; used only when the spec shuffles
     */
    public TrainingResult train(Network network, Loss loss, Optimizer optimizer, Tensor inputs, Tensor targets,
            RandomGenerator shuffle, Listener listener) {
        DType dtype = network.dtype();
        inputs = inputs.to(dtype);
        targets = targets.to(dtype);
        int n = inputs.rows();
        int batch = Math.min(spec.batchSize(), n);
        int inCols = inputs.columns();
        int outCols = targets.columns();
        // Every buffer and view the loop needs is made here: a step allocates nothing.
        Batch full = new Batch(dtype, batch, inCols, outCols);
        Batch last = n % batch == 0 ? full : full.withRows(n % batch);
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        double[] losses = new double[spec.epochs()];
        StopReason reason = StopReason.MAX_EPOCHS;
        int epoch = 0;
        while (epoch < spec.epochs()) {
            if (spec.shuffle()) {
                permute(order, shuffle);
            }
            double batchLossSum = 0;
            for (int start = 0; start < n; start += batch) {
                Batch b = n - start < batch ? last : full;
                b.gather(inputs, targets, order, start);
                double batchLoss = loss.evaluate(network.forward(b.x), b.y, null, b.gradient);
                batchLossSum += batchLoss * b.x.rows();
                network.backwardParameters(b.gradient);
                optimizer.step();
                if (epoch == 0 && start == 0) {
                    listener.firstStepTaken(batchLoss, network);
                }
            }
            Tensor predictions = null;
            double epochLoss;
            if (spec.epochLoss() == TrainingSpec.EpochLoss.FULL_PASS) {
                predictions = network.forward(inputs);
                epochLoss = loss.evaluate(predictions, targets, null, null);
            } else {
                epochLoss = batchLossSum / n;
            }
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

    /** One minibatch's inputs, targets and loss gradient, reused from step to step. */
    private static final class Batch {
        final Tensor x;
        final Tensor y;
        final Tensor gradient;

        Batch(DType dtype, int rows, int inputs, int outputs) {
            this(Tensor.zeros(dtype, rows, inputs), Tensor.zeros(dtype, rows, outputs), Tensor.zeros(dtype, rows, outputs));
        }

        private Batch(Tensor x, Tensor y, Tensor gradient) {
            this.x = x;
            this.y = y;
            this.gradient = gradient;
        }

        /** Returns views of the first {@code rows} rows, for a shorter last batch. */
        Batch withRows(int rows) {
            return new Batch(x.withRows(rows), y.withRows(rows), gradient.withRows(rows));
        }

        /** Copies the examples {@code order[start ...]} into this batch. */
        void gather(Tensor inputs, Tensor targets, int[] order, int start) {
            copyRows(inputs, order, start, x);
            copyRows(targets, order, start, y);
        }

        private static void copyRows(Tensor source, int[] order, int start, Tensor into) {
            int columns = source.columns();
            Object from = array(source);
            Object to = array(into);
            for (int r = 0, rows = into.rows(); r < rows; r++) {
                System.arraycopy(from, order[start + r] * columns, to, r * columns, columns);
            }
        }

        private static Object array(Tensor t) {
            return t.dtype() == DType.FLOAT32 ? t.floats() : t.data();
        }
    }
}
