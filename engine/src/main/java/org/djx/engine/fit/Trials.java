package org.djx.engine.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs independent trials (the folds of a cross-validation, the data sets of a repeated experiment) several
 * at once. Each trial draws from its own named streams and computes with kernels of its own, so the results
 * are the same bit for bit whatever the number of threads, and they come back in trial order.
 */
public final class Trials {
    private Trials() {
    }

    /**
     * Returns {@code trial.apply(i)} for i = 0 .. count-1, computed on up to {@code threads} threads; whatever
     * stops a trial is thrown here as if it had run on this thread.
     */
    public static <T> List<T> run(int count, int threads, IntFunction<T> trial) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, found " + threads);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(count, threads)), runnable -> {
            Thread t = new Thread(runnable, "djx-trial");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> trial.apply(n)));
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

    private static <T> T outcome(Future<T> trial) {
        try {
            return trial.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a trial failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a trial", e);
        }
    }
}
