package org.djx.engine.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.djx.api.DType;
import org.djx.api.DataException;
import org.djx.api.Tensor;
import org.djx.api.spi.OptimizerState;
import org.djx.engine.model.StateDict;
import org.djx.engine.random.RandomStream;
import org.djx.engine.random.RandomStreams;
import org.djx.api.spi.Loss;
import org.djx.api.spi.Optimizer;
import org.djx.engine.model.Network;
import org.djx.engine.spec.EpochLoss;
import org.djx.engine.spec.TrainerOptions;

/**
 * Minibatch training: each epoch visits every example once in batches (shuffled when asked), and
 * each batch runs forward, loss, backward and one optimizer step. With a learning-rate schedule, the
 * optimizer's rate is set to the epoch's rate before its first step. After each epoch the training loss
 * (by default over the whole training set, or the mean of the batch losses) decides the tolerance stop
 * and is what gets reported.
 *
 * <p>Examples may carry weights (importance weights under covariate shift). The objective is then the
 * weighted mean over all examples, {@code sum(w_i * l_i) / sum(w_i)}, so that a weight of 2 counts an
 * example as if it were there twice: each step's gradient is the loss's gradient for its batch
 * (the batch's weighted mean, as {@link Loss#evaluate} defines it) scaled by the batch's share of the
 * weight, {@code sum_batch(w) / (rows * mean(w))}, so that a batch of heavy examples moves the
 * parameters more than a batch of light ones. A batch whose weights are all 0 takes no step.
 *
 * <p>With {@link Checkpoints}, the trainer saves its whole state ({@link TrainerState}) after each epoch that is
 * due and when training ends, and a fit that finds a saved state restores it and goes on from the epoch after: it
 * ends with the parameters, losses and draws of a fit that was never interrupted, bit for bit.
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

        /**
         * Returns what the listener keeps of each finished epoch (its curves), by name, for a checkpoint to save with
         * the trainer's own state; the default keeps nothing.
         */
        default Map<String, double[]> history() {
            return Map.of();
        }

        /**
         * Called once, instead of {@link #epochEnded} for each of them, when a fit goes on from a checkpoint after
         * {@code epochs} epochs, with their losses and the {@link #history()} the listener had then.
         *
         * @param ended why the fit ended, when the checkpoint says it had (it then trains no more); null when it goes on
         */
        default void resumed(int epochs, double[] losses, Map<String, double[]> history, StopReason ended) {
        }
    }

    private final TrainerOptions spec;
    /** The rate of each epoch, set before its first step; null to leave the optimizer's rate alone. */
    private final double[] learningRates;

    public Trainer(TrainerOptions options) {
        this(options, null);
    }

    /**
     * A trainer that sets the optimizer's rate to {@code learningRates[e]} before the steps of epoch e
     * (counted from 0), as a PyTorch loop that calls {@code scheduler.step()} after each epoch does.
     *
     * @param learningRates one finite rate >= 0 per epoch of {@code options}, or null to leave the rate alone
     * @throws IllegalArgumentException if there are not as many rates as epochs
     */
    public Trainer(TrainerOptions options, double[] learningRates) {
        this.spec = java.util.Objects.requireNonNull(options, "options");
        if (learningRates != null && learningRates.length != options.epochs()) {
            throw new IllegalArgumentException(learningRates.length + " learning rates for " + options.epochs()
                    + " epochs; give one per epoch");
        }
        this.learningRates = learningRates == null ? null : learningRates.clone();
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
     * {@code weights[i]} in every loss. Inputs and targets are converted to the network's element type
     * once, up front; weights stay float64.
     *
     * @param weights one finite weight >= 0 per example (shape {@code [rows]}), not all 0; or null for
     *                equal weights
     * @param shuffle the stream that orders the examples; used only when the spec shuffles
     * @throws IllegalArgumentException if the weights do not fit the examples or are not valid weights
     */
    public TrainingResult train(Network network, Loss loss, Optimizer optimizer, Tensor inputs, Tensor targets,
            Tensor weights, RandomGenerator shuffle, Listener listener) {
        return train(network, loss, optimizer, inputs, targets, weights, shuffle, listener, null);
    }

    /**
     * Trains as {@link #train(Network, Loss, Optimizer, Tensor, Tensor, Tensor, RandomGenerator, Listener)} does,
     * saving checkpoints to {@code checkpoints} and going on from the last one it holds.
     *
     * @param shuffle     a {@link RandomStream} when there are checkpoints, whose position they record
     * @param checkpoints where the fit's checkpoints are kept, or null for none
     * @throws org.djx.api.DataException if the last checkpoint does not fit this network, optimizer or data
     */
    public TrainingResult train(Network network, Loss loss, Optimizer optimizer, Tensor inputs, Tensor targets,
            Tensor weights, RandomGenerator shuffle, Listener listener, Checkpoints checkpoints) {
        if (checkpoints != null && !(shuffle instanceof RandomStream)) {
            throw new IllegalArgumentException("checkpoints record the shuffle's position, so it must be a RandomStream");
        }
        DType dtype = network.dtype();
        inputs = inputs.to(dtype);
        targets = targets.to(dtype);
        int n = inputs.rows();
        Tensor w = weights == null ? null : checkedWeights(weights, n);
        double totalWeight = w == null ? n : sum(w, 0, n);
        double meanWeight = totalWeight / n;
        int batch = Math.min(spec.batchSize(), n);
        // Every buffer and view the loop needs is made here: a step allocates nothing.
        Batch full = new Batch(dtype, batch, inputs.columns(), targets.columns(), w != null);
        Batch last = n % batch == 0 ? full : full.withRows(n % batch);
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        EpochValues losses = new EpochValues();
        StopReason reason = StopReason.MAX_EPOCHS;
        int epoch = 0;
        boolean stepped = false;
        TrainerState saved = null;
        if (checkpoints != null) {
            // Asked now rather than at the first checkpoint, epochs later: an optimizer that cannot export refuses at once.
            OptimizerState fresh = optimizer.exportState();
            saved = checkpoints.last(network);
            if (saved != null) {
                restore(saved, fresh, checkpoints.where(), network, optimizer, order, (RandomStream) shuffle);
            }
        }
        if (saved != null) {
            for (double l : saved.losses()) {
                losses.add(l);
            }
            epoch = saved.epochs();
            stepped = epoch > 0;
            listener.resumed(epoch, saved.losses(), saved.history(), saved.ended());
            if (saved.ended() != null) {
                return new TrainingResult(losses.toArray(), saved.ended());
            }
        }
        while (epoch < spec.epochs()) {
            if (spec.shuffle()) {
                RandomStreams.permute(order, shuffle);
            }
            if (learningRates != null) {
                optimizer.setLearningRate(learningRates[epoch]);
            }
            double batchLossSum = 0;
            // Training mode for the optimizer's steps only; everything else sees evaluation mode.
            network.setTraining(true);
            for (int start = 0; start < n; start += batch) {
                Batch b = n - start < batch ? last : full;
                b.gather(inputs, targets, w, order, start);
                int rows = b.x.rows();
                double batchWeight = w == null ? rows : sum(b.weights, 0, rows);
                if (batchWeight == 0) {
                    continue;
                }
                double batchLoss = loss.evaluate(network.forward(b.x), b.y, b.weights, b.gradient);
                if (w != null) {
                    scale(b.gradient, batchWeight / (rows * meanWeight));
                }
                // The epoch's mean: each batch counts by its rows, or by its share of the weight.
                batchLossSum += batchLoss * batchWeight;
                network.backwardParameters(b.gradient);
                optimizer.step();
                if (!stepped) {
                    stepped = true;
                    network.setTraining(false);
                    listener.firstStepTaken(batchLoss, network);
                    network.setTraining(true);
                }
            }
            network.setTraining(false);
            Tensor predictions = null;
            double epochLoss;
            if (spec.epochLoss() == EpochLoss.FULL_PASS) {
                predictions = network.forward(inputs);
                epochLoss = loss.evaluate(predictions, targets, w, null);
            } else {
                epochLoss = batchLossSum / totalWeight;
            }
            losses.add(epochLoss);
            epoch++;
            listener.epochEnded(epoch, epochLoss, predictions);
            StopReason stop = !Double.isFinite(epochLoss) ? StopReason.DIVERGED
                    : spec.hasTolerance() && epochLoss < spec.tolerance() ? StopReason.TOLERANCE
                    : epoch == spec.epochs() ? StopReason.MAX_EPOCHS : null;
            if (checkpoints != null && (stop != null || checkpoints.due(epoch))) {
                // The last checkpoint of a fit says how it ended: a fit that starts again with it trains no more.
                checkpoints.save(state(epoch, stop, losses, order, (RandomStream) shuffle, network, optimizer, listener));
            }
            if (stop != null) {
                reason = stop;
                break;
            }
        }
        return new TrainingResult(losses.toArray(), reason);
    }

    private static TrainerState state(int epoch, StopReason stop, EpochValues losses, int[] order, RandomStream shuffle,
            Network network, Optimizer optimizer, Listener listener) {
        Map<String, Long> streams = new LinkedHashMap<>();
        network.randomStreams().forEach((name, stream) -> streams.put(name, stream.position()));
        return new TrainerState(epoch, stop, losses.toArray(), order, shuffle.position(), streams, StateDict.of(network),
                optimizer.exportState(), listener.history());
    }

    /** Puts the fit back where {@code saved} left it, after checking that it is a state of this fit. */
    private static void restore(TrainerState saved, OptimizerState fresh, String where, Network network, Optimizer optimizer,
            int[] order, RandomStream shuffle) {
        if (saved.order().length != order.length) {
            throw new DataException(where + ": the checkpoint was saved by a fit on " + saved.order().length
                    + " examples, but this one has " + order.length + "; it belongs to another run or other data");
        }
        if (!saved.randomStreams().keySet().equals(network.randomStreams().keySet())) {
            throw new DataException(where + ": the checkpoint holds the random streams " + saved.randomStreams().keySet()
                    + ", but this network's layers draw from " + network.randomStreams().keySet() + "; it belongs to another model");
        }
        StateDict.load(network, saved.parameters(), where);
        requireSameKind(fresh, saved.optimizer(), where);
        optimizer.restoreState(saved.optimizer());
        System.arraycopy(saved.order(), 0, order, 0, order.length);
        shuffle.moveTo(saved.shuffle());
        network.randomStreams().forEach((name, stream) -> stream.moveTo(saved.randomStreams().get(name)));
    }

    /** Returns the weights as a float64 vector, after checking each. */
    private static Tensor checkedWeights(Tensor weights, int rows) {
        if (weights.size() != rows) {
            throw new IllegalArgumentException(weights.shape() + " weights for " + rows + " examples; give one per example");
        }
        double[] w = weights.toArray();
        double total = 0;
        for (int i = 0; i < rows; i++) {
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new IllegalArgumentException("the weight of example " + i + " is " + w[i] + "; weights must be finite and >= 0");
            }
            total += w[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("every weight is 0; at least one example must count");
        }
        return Tensor.vector(w);
    }

    /**
     * Checks that {@code saved} is a state of the kind {@code fresh} is: the same optimizer, with tensors of the same
     * names, types and shapes and the same numbers. Checked here, so that a checkpoint that does not fit is the
     * checkpoint's fault in the message, not the optimizer plugin's.
     */
    private static void requireSameKind(OptimizerState fresh, OptimizerState saved, String where) {
        boolean same = fresh.optimizer().equals(saved.optimizer()) && fresh.tensorNames().equals(saved.tensorNames())
                && fresh.scalarNames().equals(saved.scalarNames());
        for (String name : fresh.tensorNames()) {
            if (same) {
                Tensor a = fresh.tensor(name);
                Tensor b = saved.tensor(name);
                same = a.dtype() == b.dtype() && a.shape().equals(b.shape());
            }
        }
        if (!same) {
            throw new DataException(where + ": the checkpoint holds the " + saved + ", but this run's optimizer is '"
                    + fresh.optimizer() + "' with tensors " + fresh.tensorNames() + " and numbers " + fresh.scalarNames()
                    + "; it belongs to another experiment");
        }
    }

    /** Multiplies every element of {@code t} by {@code factor}, in place. */
    private static void scale(Tensor t, double factor) {
        int size = t.size();
        if (t.dtype() == DType.FLOAT32) {
            float[] v = t.floats();
            float f = (float) factor;
            for (int i = 0; i < size; i++) {
                v[i] *= f;
            }
        } else {
            double[] v = t.data();
            for (int i = 0; i < size; i++) {
                v[i] *= factor;
            }
        }
    }

    private static double sum(Tensor t, int from, int to) {
        double total = 0;
        for (int i = from; i < to; i++) {
            total += t.get(i);
        }
        return total;
    }

    /** One minibatch's inputs, targets, weights and loss gradient, reused from step to step. */
    private static final class Batch {
        final Tensor x;
        final Tensor y;
        /** Float64 weights, or null when every example weighs the same. */
        final Tensor weights;
        final Tensor gradient;

        Batch(DType dtype, int rows, int inputs, int outputs, boolean weighted) {
            this(Tensor.zeros(dtype, rows, inputs), Tensor.zeros(dtype, rows, outputs),
                    weighted ? Tensor.zeros(rows) : null, Tensor.zeros(dtype, rows, outputs));
        }

        private Batch(Tensor x, Tensor y, Tensor weights, Tensor gradient) {
            this.x = x;
            this.y = y;
            this.weights = weights;
            this.gradient = gradient;
        }

        /** Returns views of the first {@code rows} rows, for a shorter last batch. */
        Batch withRows(int rows) {
            return new Batch(x.withRows(rows), y.withRows(rows), weights == null ? null : weights.withRows(rows),
                    gradient.withRows(rows));
        }

        /** Copies the examples {@code order[start ...]} into this batch. */
        void gather(Tensor inputs, Tensor targets, Tensor allWeights, int[] order, int start) {
            copyRows(inputs, order, start, x);
            copyRows(targets, order, start, y);
            if (weights != null) {
                copyRows(allWeights, order, start, weights);
            }
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
