package org.djx.bench;

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
 * One training step of linear(331, 256) + sigmoid + linear(256, 1) with MSE and Adam, on one thread:
 * forward, loss and its gradient, backward, optimizer update, as the trainer runs them. The
 * {@code samples} counter's rate is training examples per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseSerialGC")
@State(Scope.Thread)
public class TrainingStepBenchmark {
    private static final int FEATURES = 331;
    private static final int HIDDEN = 256;

    @Param({"64", "1024"})
    public int batch;

    @Param({"float32", "float64"})
    public String dtype;

    private Mlp mlp;
    private Tensor x;
    private Tensor y;
    private Tensor gradient;

    /** Counts the examples trained on, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Samples {
        public long samples;

        @Setup(Level.Iteration)
        public void reset() {
            samples = 0;
        }
    }

    @Setup
    public void setUp() {
        DType type = "float32".equals(dtype) ? DType.FLOAT32 : DType.FLOAT64;
        mlp = Mlp.build(FEATURES, HIDDEN, batch, type, new CpuKernels());
        Tensor[] data = Mlp.syntheticData(batch, FEATURES, 7);
        x = data[0].to(type);
        y = data[1].to(type);
        gradient = Tensor.zeros(type, batch, 1);
    }

    @Benchmark
    public double step(Samples counter) {
        double loss = mlp.loss.evaluate(mlp.network.forward(x), y, null, gradient);
        mlp.network.backwardParameters(gradient);
        mlp.optimizer.step();
        counter.samples += batch;
        return loss;
    }
}
