package org.djx.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.djx.api.DType;
import org.djx.api.Tensor;
import org.djx.engine.tensor.CpuKernels;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Square matrix products on one thread, in the three transpositions training uses. The {@code flops}
 * counter's rate is the arithmetic rate: divide by 1e9 for GFLOP/s (one multiply-add counts 2).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseSerialGC")
@State(Scope.Thread)
public class GemmBenchmark {
    @Param({"64", "256", "1024"})
    public int size;

    @Param({"float32", "float64"})
    public String dtype;

    /** nn: forward (x W); tn: weight gradient (x^T dy); nt: input gradient (dy W^T). */
    @Param({"nn", "tn", "nt"})
    public String transpose;

    private final CpuKernels kernels = new CpuKernels();
    private Tensor a;
    private Tensor b;
    private Tensor c;

    /** Counts floating-point operations, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flops {
        public long flops;

        @Setup(Level.Iteration)
        public void reset() {
            flops = 0;
        }
    }

    @Setup
    public void setUp() {
        DType type = "float32".equals(dtype) ? DType.FLOAT32 : DType.FLOAT64;
        SplittableRandom random = new SplittableRandom(42);
        a = random(type, random);
        b = random(type, random);
        c = Tensor.zeros(type, size, size);
    }

    private Tensor random(DType type, SplittableRandom random) {
        Tensor t = Tensor.zeros(type, size, size);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, random.nextDouble(-1, 1));
        }
        return t;
    }

    @Benchmark
    public Tensor gemm(Flops counter) {
        kernels.gemm("tn".equals(transpose), "nt".equals(transpose), 1, a, b, 0, c);
        counter.flops += 2L * size * size * size;
        return c;
    }
}
