package org.djx.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.djx.api.DType;
import org.djx.api.Tensor;
import org.djx.api.spi.Kernels;
import org.djx.api.spi.Loss;
import org.djx.api.spi.Optimizer;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.spec.ComponentSpec;
import org.djx.engine.tasks.BuiltInTasks;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.model.Network;
import org.djx.engine.model.NetworkBuilder;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.random.RandomStreams;

/**
 * The network of PyTorch's reference script ../shared/bench/mlp_torch.py, built the way a djx run
 * builds it: an experiment file read by the engine, with the built-in plugins, so that what is timed is
 * what users run. Linear(features, hidden), sigmoid, Linear(hidden, 1), MSE, Adam at lr 0.001.
 */
final class Mlp {
    final Experiment experiment;
    final Network network;
    final Loss loss;
    final Optimizer optimizer;

    private Mlp(Experiment experiment, Network network, Loss loss, Optimizer optimizer) {
        this.experiment = experiment;
        this.network = network;
        this.loss = loss;
        this.optimizer = optimizer;
    }

    static Mlp build(int features, int hidden, int batch, DType dtype, Kernels kernels) {
        String text = """
                {
                  "task": "train",
                  "seed": 0,
                  "model": {"inputs": %d, "dtype": "%s", "layers": [
                    {"type": "linear", "outputs": %d}, {"type": "sigmoid"}, {"type": "linear", "outputs": 1}]},
                  "data": {"inputs": [[%s]], "targets": [[0]]},
                  "loss": {"type": "mse"},
                  "optimizer": {"type": "adam", "lr": 0.001},
                  "training": {"epochs": 1, "batch-size": %d}
                }
                """.formatted(features, dtype.label(), hidden, String.join(", ", java.util.Collections.nCopies(features, "0")),
                batch);
        ExperimentReader reader = new ExperimentReader(PluginLoader.load(List.of()), BuiltInTasks.registry());
        Experiment experiment = reader.read(JsonDocument.parse("mlp.json", text.getBytes(StandardCharsets.UTF_8)),
                Path.of("mlp.json"));
        Network network = new NetworkBuilder(kernels).build(experiment.model(), new RandomStreams(experiment.seed()));
        Loss loss = component(experiment, PluginKind.LOSS).createLoss();
        Optimizer optimizer = component(experiment, PluginKind.OPTIMIZER).createOptimizer(network.parameters());
        return new Mlp(experiment, network, loss, optimizer);
    }

    private static ComponentSpec component(Experiment experiment, PluginKind kind) {
        return experiment.components().stream().filter(c -> c.plugin().kind() == kind).findFirst().orElseThrow();
    }

    /** The reference script's data: X ~ N(0, 1), y = X w + 0.1 N(0, 1) with w ~ N(0, 1). */
    static Tensor[] syntheticData(int rows, int features, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[features];
        for (int j = 0; j < features; j++) {
            w[j] = random.nextGaussian();
        }
        Tensor x = Tensor.zeros(DType.FLOAT32, rows, features);
        Tensor y = Tensor.zeros(DType.FLOAT32, rows, 1);
        float[] xs = x.floats();
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int j = 0; j < features; j++) {
                float v = (float) random.nextGaussian();
                xs[r * features + j] = v;
                sum += v * w[j];
            }
            y.set(r, sum + 0.1 * random.nextGaussian());
        }
        return new Tensor[] {x, y};
    }

    /** Multiply-adds of one training example through the network, times 6 (forward 2, backward 4), as the script counts. */
    static double flopsPerExample(int features, int hidden) {
        return 6.0 * ((double) features * hidden + hidden);
    }
}
