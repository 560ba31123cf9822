package org.djx.bench;

import java.util.Locale;
import org.djx.api.DType;
import org.djx.api.Tensor;
import org.djx.engine.spec.EpochLoss;
import org.djx.engine.spec.TrainerOptions;
import org.djx.engine.random.RandomStreams;
import org.djx.api.spi.Kernels;
import org.djx.engine.tensor.CpuKernels;
import org.djx.engine.tensor.ParallelKernels;
import org.djx.engine.train.Trainer;
import org.djx.engine.train.TrainingResult;

/**
 * The same work as ../shared/bench/mlp_torch.py, through djx's trainer: Adam + MSE training of
 * Linear-Sigmoid-Linear on synthetic rows, shuffled minibatches, timed from the first step to the last.
 * Like the reference loop, it makes no extra pass per epoch: the epoch loss is the mean of the batch losses.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.djx.bench.MlpThroughput ROWS FEATURES
 * HIDDEN BATCH EPOCHS [THREADS] [float32|float64]}: THREADS (default 1) share each large product.
 * Prints one line in the reference script's format.
 *
 * <p>The system property {@code djx.bench.kernels} names another {@link Kernels} class (public, with a
 * public no-argument constructor) to train with instead, for measurements such as
 * bench/vector-api/VectorKernels.java.
 */
public final class MlpThroughput {
    private MlpThroughput() {
    }

    private static Kernels kernels(int threads) {
        String other = System.getProperty("djx.bench.kernels");
        if (other == null) {
            return threads == 1 ? new CpuKernels() : new ParallelKernels(threads);
        }
        try {
            return (Kernels) Class.forName(other).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("djx.bench.kernels=" + other + " is not a public Kernels class with a public "
                    + "no-argument constructor on the class path: " + e, e);
        }
    }

    public static void main(String[] args) {
        if (args.length < 5) {
            System.err.println("usage: MlpThroughput ROWS FEATURES HIDDEN BATCH EPOCHS [THREADS] [float32|float64]");
            System.exit(2);
        }
        int rows = Integer.parseInt(args[0]);
        int features = Integer.parseInt(args[1]);
        int hidden = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        int epochs = Integer.parseInt(args[4]);
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        DType dtype = args.length > 6 && "float64".equals(args[6]) ? DType.FLOAT64 : DType.FLOAT32;
        Kernels kernels = kernels(threads);
        Mlp mlp = Mlp.build(features, hidden, batch, dtype, kernels);
        Tensor[] data = Mlp.syntheticData(rows, features, 0);
        TrainerOptions spec = new TrainerOptions(epochs, batch, true, Double.NaN, EpochLoss.BATCH_MEAN);
        long start = System.nanoTime();
        TrainingResult result = new Trainer(spec).train(mlp.network, mlp.loss, mlp.optimizer, data[0], data[1],
                new RandomStreams(mlp.experiment.seed()).stream("shuffle"),
                (epoch, loss, predictions) -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        double samples = (double) rows * epochs;
        System.out.printf(Locale.ROOT, "rows %d d %d h %d batch %d epochs %d: %,.0f samples/s, %.2f GFLOP/s, %.2fs, threads %d, %s; last epoch's loss %.4f%n",
                rows, features, hidden, batch, epochs, samples / seconds,
                samples * Mlp.flopsPerExample(features, hidden) / seconds / 1e9, seconds, threads, dtype + (System.getProperty("djx.bench.kernels") == null ? ""
                        : ", kernels " + System.getProperty("djx.bench.kernels")), result.loss(result.epochs()));
    }
}
