package org.djx.engine.train;

import org.djx.engine.spec.EpochLoss;
import org.djx.engine.model.NetworkBuilder;
import org.djx.engine.tasks.TrainTask;
import org.djx.engine.tasks.BuiltInTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.djx.api.DType;
import org.djx.api.Tensor;
import org.djx.api.spi.Loss;
import org.djx.api.spi.LossFactory;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.spec.TrainingSpec;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.model.Network;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.run.ExperimentRunner;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.Test;

/** The batch-mean epoch loss, and training in float32 against the same training in float64. */
class EpochLossAndPrecisionTests {
    private static final PluginRegistry REGISTRY = PluginLoader.load(List.of());

    /** Eight examples of y = 2 x1 - x2 + 0.5 plus a fixed wiggle, through a 2-3-1 sigmoid net. */
    private static Experiment experiment(String dtype, int batch, String epochLoss) {
        String text = """
                {
                  "task": "train",
                  "seed": 3,
                  "model": {"inputs": 2, "dtype": "DTYPE", "init": {"type": "normal", "std": 0.5},
                            "layers": [{"type": "linear", "outputs": 3}, {"type": "sigmoid"}, {"type": "linear", "outputs": 1}]},
                  "data": {"inputs": [[0, 0], [1, 0], [0, 1], [1, 1], [2, 1], [1, 2], [-1, 0.5], [0.5, -1]],
                           "targets": [[0.5], [2.6], [-0.4], [1.45], [3.5], [0.55], [-2.1], [2.45]]},
                  "loss": {"type": "mse"},
                  "optimizer": {"type": "sgd", "lr": 0.1},
                  "training": {"epochs": 30, "batch-size": BATCH, "shuffle": false, "epoch-loss": "LOSS"}
                }
                """.replace("DTYPE", dtype).replace("BATCH", Integer.toString(batch)).replace("LOSS", epochLoss);
        return new ExperimentReader(REGISTRY, BuiltInTasks.registry()).read(JsonDocument.parse("train.json", text.getBytes(StandardCharsets.UTF_8)),
                Path.of("train.json"));
    }

    /** The epoch losses, and each epoch's predictions (null where the trainer passed none). */
    private record Run(double[] losses, List<double[]> predictions) {
    }

    private static Run train(Experiment e) {
        TrainTask.Spec task = (TrainTask.Spec) e.job().spec();
        Network network = new NetworkBuilder(new CpuKernels()).build(task.model(), new RandomStreams(e.seed()));
        Loss loss = ((LossFactory) task.loss().plugin().plugin()).create(task.loss().config());
        Optimizer optimizer = ((OptimizerFactory) task.optimizer().plugin().plugin())
                .create(task.optimizer().config(), network.parameters());
        List<double[]> predictions = new ArrayList<>();
        TrainingResult result = new Trainer(task.training().trainer()).train(network, loss, optimizer, task.inputs(),
                task.targets(), new RandomStreams(e.seed()).stream("shuffle"),
                (epoch, value, p) -> predictions.add(p == null ? null : p.toArray()));
        double[] losses = new double[result.epochs()];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = result.loss(i + 1);
        }
        return new Run(losses, predictions);
    }

    @Test
    void withOneBatchPerEpochTheBatchMeanIsTheFullPassLossOfTheEpochBefore() {
        // One full batch per epoch: the batch loss is taken over every example just before the
        // epoch's step, which is exactly the full-pass loss after the previous epoch's step.
        Run full = train(experiment("float64", 8, "full-pass"));
        Run mean = train(experiment("float64", 8, "batch-mean"));

        for (int e = 1; e < full.losses().length; e++) {
            assertThat(mean.losses()[e]).as("epoch %d", e + 1).isCloseTo(full.losses()[e - 1], within(1e-15));
        }
        assertThat(mean.predictions()).allMatch(p -> p == null);
        assertThat(full.predictions()).noneMatch(p -> p == null);
    }

    @Test
    void theBatchMeanWeighsEachBatchByItsSize() {
        // Eight examples in batches of 3, 3 and 2, in order: replay the first epoch's three steps by hand
        // and weigh each batch's loss by its size, (3 l1 + 3 l2 + 2 l3) / 8.
        Experiment e = experiment("float64", 3, "batch-mean");
        TrainTask.Spec task = (TrainTask.Spec) e.job().spec();
        Network network = new NetworkBuilder(new CpuKernels()).build(task.model(), new RandomStreams(e.seed()));
        Loss loss = ((LossFactory) task.loss().plugin().plugin()).create(task.loss().config());
        Optimizer optimizer = ((OptimizerFactory) task.optimizer().plugin().plugin())
                .create(task.optimizer().config(), network.parameters());
        double[][] x = task.inputs().toRows();
        double[][] y = task.targets().toRows();
        int[][] batches = {{0, 3}, {3, 6}, {6, 8}};
        double[] batchLoss = new double[3];
        for (int b = 0; b < 3; b++) {
            Tensor xb = Tensor.matrix(java.util.Arrays.copyOfRange(x, batches[b][0], batches[b][1]));
            Tensor yb = Tensor.matrix(java.util.Arrays.copyOfRange(y, batches[b][0], batches[b][1]));
            Tensor gradient = Tensor.zeros(yb.rows(), 1);
            batchLoss[b] = loss.evaluate(network.forward(xb), yb, null, gradient);
            network.backwardParameters(gradient);
            optimizer.step();
        }
        double weighted = (3 * batchLoss[0] + 3 * batchLoss[1] + 2 * batchLoss[2]) / 8;
        double unweighted = (batchLoss[0] + batchLoss[1] + batchLoss[2]) / 3;

        double first = train(e).losses()[0];

        assertThat(first).isCloseTo(weighted, within(1e-12));
        assertThat(Math.abs(first - unweighted)).as("the check tells the two means apart").isGreaterThan(1e-6);
    }

    @Test
    void float32TrainingFollowsFloat64WithinSinglePrecision() {
        Run exact = train(experiment("float64", 3, "full-pass"));
        Run single = train(experiment("float32", 3, "full-pass"));

        // 30 epochs of 3 steps in float32: errors of a few units in 1e-7 relative, amplified mildly.
        for (int e = 0; e < exact.losses().length; e++) {
            assertThat(single.losses()[e]).as("epoch %d", e + 1).isCloseTo(exact.losses()[e], within(1e-5 * exact.losses()[e]));
        }
        assertThat(single.losses()).isNotEqualTo(exact.losses());
    }

    @Test
    void theNetworkBuiltFromFloat32ComputesInFloat32() {
        TrainTask.Spec task = (TrainTask.Spec) experiment("float32", 3, "full-pass").job().spec();
        Network network = new NetworkBuilder(new CpuKernels()).build(task.model(), new RandomStreams(0));

        assertThat(network.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(network.parameters()).allSatisfy(p -> assertThat(p.value().dtype()).isEqualTo(DType.FLOAT32));
    }

    @Test
    void theDefaultEpochLossIsAFullPass() {
        TrainingSpec spec = ((TrainTask.Spec) experiment("float64", 8, "full-pass").job().spec()).training();

        assertThat(spec.trainer().epochLoss()).isEqualTo(EpochLoss.FULL_PASS);
    }
}
