package org.djx.engine.tensor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.djx.api.DType;
import org.djx.api.Tensor;
import org.djx.api.spi.Kernels;

/**
 * Kernels that share each large product among several threads: every thread computes its own band of
 * c's rows, reading all of op(b), so no two threads write the same element and the result is bit for
 * bit that of one thread (each element is summed in the same order either way).
 *
 * <p>The calling thread takes the first band itself; the others go to worker threads that wait for
 * the next product spinning briefly, then parked. A handoff allocates nothing. Products too small to
 * repay the handoff, and the cheap row operations, run on the calling thread alone.
 *
 * <p>One caller at a time: like {@link CpuKernels}, an instance serves one training loop.
 */
public final class ParallelKernels implements Kernels, AutoCloseable {
    /** Multiply-adds below which a product runs on the calling thread: a handoff costs a few microseconds. */
    private static final long PARALLEL_WORK = 1L << 20;
    /** Rows per band are a multiple of this, the kernels' row tile. */
    private static final int ROW_TILE = 4;
    /**
     * How long a waiting thread spins before it parks. Long enough to span the cheap work between two
     * products of a training step; short, because a spinning thread on an oversubscribed machine takes
     * the core from the thread it waits for.
     */
    private static final long SPIN_NANOS = 50_000;

    private final CpuKernels serial = new CpuKernels();
    private final Band[] bands;
    private final Thread[] workers;
    /** The thread waiting for the current product; set before the workers' tickets, so they see it. */
    private Thread caller;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean closed;
    /** What a worker threw while computing its band; the caller rethrows it. */
    private volatile Throwable failure;
    private long shared;

    // The product being shared; written before the workers' tickets, so they see it.
    private boolean transposeA;
    private boolean transposeB;
    private double alpha;
    private double beta;
    private Tensor a;
    private Tensor b;
    private Tensor c;
    private int m;
    private int k;
    private int n;
    private int shares;

    /** Creates kernels that use {@code threads} threads in all, the caller's included. */
    public ParallelKernels(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, found " + threads);
        }
        bands = new Band[threads];
        for (int t = 0; t < threads; t++) {
            bands[t] = new Band();
        }
        workers = new Thread[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            int band = w + 1;
            workers[w] = new Thread(() -> work(band), "djx-kernels-" + band);
            workers[w].setDaemon(true);
            workers[w].start();
        }
    }

    /** Returns the number of threads a large product uses. */
    public int threads() {
        return bands.length;
    }

    @Override
    public void gemm(boolean transposeA, boolean transposeB, double alpha, Tensor a, Tensor b, double beta, Tensor c) {
        int rows = transposeA ? a.columns() : a.rows();
        int inner = transposeA ? a.rows() : a.columns();
        int columns = transposeB ? b.rows() : b.columns();
        int shareCount = Math.min(bands.length, rows / ROW_TILE);
        if (closed || shareCount < 2 || columns == 1 || (long) rows * inner * columns < PARALLEL_WORK
                || a.dtype() != b.dtype() || a.dtype() != c.dtype()) {
            // Small, a matrix-vector product, or mixed types (which the serial kernels reject by name).
            serial.gemm(transposeA, transposeB, alpha, a, b, beta, c);
            return;
        }
        serial.checkShapes(transposeA, transposeB, a, b, c);
        this.transposeA = transposeA;
        this.transposeB = transposeB;
        this.alpha = alpha;
        this.beta = beta;
        this.a = a;
        this.b = b;
        this.c = c;
        this.m = rows;
        this.k = inner;
        this.n = columns;
        this.shares = shareCount;
        caller = Thread.currentThread();
        pending.set(shareCount - 1);
        for (int w = 0; w < shareCount - 1; w++) {
            bands[w + 1].ticket++;
            LockSupport.unpark(workers[w]);
        }
        try {
            compute(0);
        } finally {
            awaitWorkers();
        }
        shared++;
        Throwable f = failure;
        if (f != null) {
            failure = null;
            if (f instanceof RuntimeException e) {
                throw e;
            }
            throw (Error) f;
        }
    }

    /** Returns how many products were shared among threads so far (for tests). */
    long sharedProducts() {
        return shared;
    }

    private void awaitWorkers() {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (pending.get() > 0) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        this.a = null;
        this.b = null;
        this.c = null;
    }

    /** Computes band {@code index} of the current product: rows [from, to) of c. */
    private void compute(int index) {
        int perBand = (m / shares + ROW_TILE - 1) / ROW_TILE * ROW_TILE;
        int from = Math.min(m, index * perBand);
        int to = index == shares - 1 ? m : Math.min(m, from + perBand);
        int lda = transposeA ? m : k;
        int aOffset = transposeA ? from : from * k;
        Band band = bands[index];
        if (a.dtype() == DType.FLOAT32) {
            band.floats.multiply(transposeA, transposeB, (float) alpha, a.floats(), aOffset, lda, b.floats(),
                    (float) beta, c.floats(), from * n, to - from, k, n);
        } else {
            band.doubles.multiply(transposeA, transposeB, alpha, a.data(), aOffset, lda, b.data(), beta, c.data(),
                    from * n, to - from, k, n);
        }
    }

    private void work(int index) {
        Band band = bands[index];
        int seen = 0;
        while (true) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (band.ticket == seen && !closed) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = band.ticket;
            try {
                compute(index);
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                if (pending.decrementAndGet() == 0) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

    @Override
    public void addToRows(Tensor matrix, Tensor row) {
        serial.addToRows(matrix, row);
    }

    @Override
    public void sumRows(Tensor matrix, Tensor out) {
        serial.sumRows(matrix, out);
    }

    /** Stops the worker threads; further products run on the calling thread. */
    @Override
    public void close() {
        closed = true;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
    }

    /** One thread's packing buffers, and the count of products it has been handed. */
    private static final class Band {
        final FloatGemm floats = new FloatGemm();
        final DoubleGemm doubles = new DoubleGemm();
        /** Only the caller writes it (one caller at a time), so ++ on a volatile is safe here. */
        volatile int ticket;
    }
}
