package org.djx.engine.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.engine.train.KFold;

/**
 * Runs the folds of a cross-validation, several at once. Folds are independent (each draws from its own
 * named streams and computes with kernels of its own), so the results are the same bit for bit whatever
 * the number of threads, and they come back in fold order.
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /** One fold's rows: the training part and the validation part of inputs, targets and (optional) weights. */
    public record FoldData(int fold, Tensor trainX, Tensor trainY, Tensor trainWeights, Tensor validX, Tensor validY,
            Tensor validWeights) {
    }

    /**
     * Returns {@code fold.apply(i)} for i = 0 .. k-1, computed on up to {@code threads} threads; whatever
     * stops a fold is thrown here as if it had run on this thread.
     */
    public static <T> List<T> folds(int k, int threads, IntFunction<T> fold) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, found " + threads);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(k, threads), runnable -> {
            Thread t = new Thread(runnable, "djx-fold");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                int f = i;
                futures.add(pool.submit(() -> fold.apply(f)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(outcome(f));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Returns fold {@code fold} (from 0) of D2L's k-fold split of the rows, with the matching weights, if any. */
    public static FoldData split(Tensor x, Tensor y, Tensor weights, int k, int fold) {
        KFold.Split split = KFold.split(x.rows(), k, fold);
        return new FoldData(fold, rows(x, split.train()), rows(y, split.train()),
                weights == null ? null : rows(weights, split.train()), rows(x, split.valid()), rows(y, split.valid()),
                weights == null ? null : rows(weights, split.valid()));
    }

    /** Returns the rows {@code indices} of a float64 matrix or vector, as a matrix. */
    public static Tensor rows(Tensor source, int[] indices) {
        int columns = source.columns();
        double[] all = source.data();
        double[] data = new double[indices.length * columns];
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(all, indices[r] * columns, data, r * columns, columns);
        }
        return Tensor.wrap(Shape.of(indices.length, columns), data);
    }

    private static <T> T outcome(Future<T> fold) {
        try {
            return fold.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a fold failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a fold", e);
        }
    }
}
