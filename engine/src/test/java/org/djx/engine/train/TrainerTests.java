package org.djx.engine.train;

import org.djx.engine.model.NetworkBuilder;
import org.djx.engine.tasks.TrainTask;
import org.djx.engine.tasks.BuiltInTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.djx.api.Parameter;
import org.djx.api.spi.Loss;
import org.djx.api.spi.LossFactory;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.model.Network;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.run.ExperimentRunner;
import org.djx.engine.report.RunResult;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.Test;

class TrainerTests {
    private static final PluginRegistry REGISTRY = PluginLoader.load(List.of());
    private static final double[] TRUE_W = {2.0, -3.4};
    private static final double TRUE_B = 4.2;

    /** A network fitted by {@link #fit}, with its training outcome. */
    private record Fit(TrainingResult result, double[] weights, double bias) {
    }

    /** Rows of {@code features} values drawn uniformly from [-scale, scale], reproducibly. */
    private static double[][] features(int rows, double scale, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[rows][TRUE_W.length];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextDouble(-scale, scale);
            }
        }
        return x;
    }

    /** y = x w + b + noise, one target per row. */
    private static double[][] targets(double[][] x, double[] noise) {
        double[][] y = new double[x.length][1];
        for (int r = 0; r < x.length; r++) {
            double sum = TRUE_B + noise[r];
            for (int j = 0; j < TRUE_W.length; j++) {
                sum += x[r][j] * TRUE_W[j];
            }
            y[r][0] = sum;
        }
        return y;
    }

    private static String json(double[][] rows) {
        return Arrays.stream(rows)
                .map(r -> Arrays.stream(r).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", "]")))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** A train experiment for a single linear layer with MSE and SGD; {@code layerExtra} adds keys to the layer. */
    private static Experiment experiment(double[][] x, double[][] y, long seed, double lr, String training,
            String layerExtra) {
        String text = """
                {
                  "task": "train",
                  "seed": SEED,
                  "model": {"inputs": 2, "layers": [{"type": "linear", "outputs": 1 LAYER}]},
                  "data": {"inputs": INPUTS, "targets": TARGETS},
                  "loss": {"type": "mse"},
                  "optimizer": {"type": "sgd", "lr": LR},
                  "training": TRAINING
                }
                """.replace("SEED", Long.toString(seed)).replace("LAYER", layerExtra)
                .replace("INPUTS", json(x)).replace("TARGETS", json(y))
                .replace("LR", Double.toString(lr)).replace("TRAINING", training);
        JsonDocument document = JsonDocument.parse("train.json", text.getBytes(StandardCharsets.UTF_8));
        return new ExperimentReader(REGISTRY, BuiltInTasks.registry()).read(document, Path.of("train.json"));
    }

    /** Trains as the runner does, but keeps the network so the test can read the fitted parameters. */
    private static Fit fit(Experiment e) {
        return fit(e, null);
    }

    /** Trains with per-example {@code weights} (null for none). */
    private static Fit fit(Experiment e, double[] weights) {
        TrainTask.Spec task = (TrainTask.Spec) e.job().spec();
        Network network = new NetworkBuilder(new CpuKernels()).build(task.model(), new RandomStreams(e.seed()));
        Loss loss = ((LossFactory) task.loss().plugin().plugin()).create(task.loss().config());
        Optimizer optimizer = ((OptimizerFactory) task.optimizer().plugin().plugin())
                .create(task.optimizer().config(), network.parameters());
        TrainingResult result = new Trainer(task.training().trainer()).train(network, loss, optimizer, task.inputs(),
                task.targets(), weights == null ? null : org.djx.api.Tensor.vector(weights),
                new RandomStreams(e.seed()).stream("shuffle"), (epoch, value, predictions) -> { });
        List<Parameter> parameters = network.parameters();
        assertThat(parameters).extracting(Parameter::name).containsExactly("weight", "bias");
        return new Fit(result, parameters.get(0).value().toArray(), parameters.get(1).value().get(0));
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    /** Solves the 3x3 normal equations [X 1]^T [X 1] beta = [X 1]^T y by Gaussian elimination. */
    private static double[] leastSquares(double[][] x, double[][] y) {
        double[] ones = new double[x.length];
        Arrays.fill(ones, 1);
        return leastSquares(x, y, ones);
    }

    /** Solves the weighted normal equations [X 1]^T W [X 1] beta = [X 1]^T W y, W = diag(w). */
    private static double[] leastSquares(double[][] x, double[][] y, double[] w) {
        int p = x[0].length + 1;
        double[][] a = new double[p][p + 1];
        for (int r = 0; r < x.length; r++) {
            double[] row = Arrays.copyOf(x[r], p);
            row[p - 1] = 1;
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    a[i][j] += w[r] * row[i] * row[j];
                }
                a[i][p] += w[r] * row[i] * y[r][0];
            }
        }
        for (int c = 0; c < p; c++) {
            int pivot = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < p; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k <= p; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] beta = new double[p];
        for (int i = 0; i < p; i++) {
            beta[i] = a[i][p] / a[i][i];
        }
        return beta;
    }

    @Test
    void sgdOnNoiselessLinearDataRecoversTheGeneratingWeights() {
        double[][] x = features(16, 1, 1);
        Experiment e = experiment(x, targets(x, new double[16]), 3, 0.1,
                "{\"epochs\": 500, \"batch-size\": 4}", "");

        Fit fit = fit(e);

        // Without noise the least-squares solution is the generating one, and every minibatch agrees on it.
        assertThat(fit.result().reason()).isEqualTo(StopReason.MAX_EPOCHS);
        assertThat(fit.result().epochs()).isEqualTo(500);
        assertThat(fit.weights()).containsExactly(TRUE_W, within(1e-6));
        assertThat(fit.bias()).isCloseTo(TRUE_B, within(1e-6));
        assertThat(fit.result().loss(500)).isLessThan(1e-12);
    }

    @Test
    void fullBatchGradientDescentOnNoisyDataConvergesToTheLeastSquaresSolution() {
        double[][] x = features(20, 1, 2);
        SplittableRandom noise = new SplittableRandom(9);
        double[] eps = new double[20];
        Arrays.setAll(eps, i -> noise.nextDouble(-0.5, 0.5));
        double[][] y = targets(x, eps);
        double[] beta = leastSquares(x, y);
        Experiment e = experiment(x, y, 0, 0.2, "{\"epochs\": 3000, \"batch-size\": 20, \"shuffle\": false}", "");

        Fit fit = fit(e);

        // The noise moves the optimum away from the generating weights; make sure the test can tell them apart.
        assertThat(Math.abs(beta[0] - TRUE_W[0]) + Math.abs(beta[2] - TRUE_B)).isGreaterThan(1e-3);
        assertThat(fit.weights()).containsExactly(new double[] {beta[0], beta[1]}, within(1e-6));
        assertThat(fit.bias()).isCloseTo(beta[2], within(1e-6));
    }

    @Test
    void fullBatchWeightedTrainingConvergesToTheWeightedLeastSquaresSolution() {
        double[][] x = features(20, 1, 2);
        SplittableRandom noise = new SplittableRandom(9);
        double[] eps = new double[20];
        Arrays.setAll(eps, i -> noise.nextDouble(-0.5, 0.5));
        double[][] y = targets(x, eps);
        double[] w = new double[20];
        Arrays.setAll(w, i -> i < 5 ? 4.0 : i % 3 == 0 ? 0.0 : 0.5);
        double[] weighted = leastSquares(x, y, w);
        double[] plain = leastSquares(x, y);
        Experiment e = experiment(x, y, 0, 0.2, "{\"epochs\": 3000, \"batch-size\": 20, \"shuffle\": false}", "");

        Fit fit = fit(e, w);

        // The weights must move the optimum measurably, or the test could not tell weighted from plain.
        assertThat(Math.abs(weighted[0] - plain[0]) + Math.abs(weighted[2] - plain[2])).isGreaterThan(1e-2);
        assertThat(fit.weights()).containsExactly(new double[] {weighted[0], weighted[1]}, within(1e-6));
        assertThat(fit.bias()).isCloseTo(weighted[2], within(1e-6));
    }

    @Test
    void aWeightOfTwoTrainsAsIfTheExampleWereThereTwice() {
        double[][] x = features(12, 1, 6);
        SplittableRandom noise = new SplittableRandom(10);
        double[] eps = new double[12];
        Arrays.setAll(eps, i -> noise.nextDouble(-1, 1));
        double[][] y = targets(x, eps);
        double[] w = new double[12];
        Arrays.fill(w, 1);
        w[3] = 2;
        double[][] xTwice = new double[13][];
        double[][] yTwice = new double[13][];
        for (int r = 0; r < 13; r++) {
            xTwice[r] = x[r < 12 ? r : 3];
            yTwice[r] = y[r < 12 ? r : 3];
        }
        String fullBatch = "{\"epochs\": 40, \"batch-size\": 13, \"shuffle\": false}";

        Fit weighted = fit(experiment(x, y, 1, 0.1, fullBatch, ""), w);
        Fit twice = fit(experiment(xTwice, yTwice, 1, 0.1, fullBatch, ""));
        Fit plain = fit(experiment(x, y, 1, 0.1, fullBatch, ""));

        assertThat(weighted.result().losses()).containsExactly(twice.result().losses(), within(1e-12));
        assertThat(weighted.weights()).containsExactly(twice.weights(), within(1e-12));
        assertThat(weighted.bias()).isCloseTo(twice.bias(), within(1e-12));
        assertThat(Math.abs(plain.bias() - twice.bias())).as("the duplicate changes the fit").isGreaterThan(1e-4);
    }

    @Test
    void equalWeightsTrainBitForBitLikeNoWeightsWhateverTheBatching() {
        double[][] x = features(30, 1, 7);
        double[][] y = targets(x, new double[30]);
        double[] w = new double[30];
        Arrays.fill(w, 3.5);
        Experiment e = experiment(x, y, 2, 0.05, "{\"epochs\": 5, \"batch-size\": 7}", "");

        Fit weighted = fit(e, w);
        Fit plain = fit(e);

        assertThat(weighted.result().losses()).containsExactly(plain.result().losses(), within(1e-12));
        assertThat(weighted.weights()).containsExactly(plain.weights(), within(1e-12));
    }

    @Test
    void rejectsWeightsThatDoNotFitOrAreNotWeights() {
        double[][] x = features(4, 1, 8);
        Experiment e = experiment(x, targets(x, new double[4]), 0, 0.1, "{\"epochs\": 1}", "");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fit(e, new double[] {1, 1, 1}))
                .hasMessageContaining("weights for 4 examples");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fit(e, new double[] {1, -1, 1, 1}))
                .hasMessageContaining("the weight of example 1 is -1.0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fit(e, new double[] {1, Double.NaN, 1, 1}))
                .hasMessageContaining("NaN");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fit(e, new double[4]))
                .hasMessageContaining("every weight is 0");
    }

    @Test
    void theToleranceStopEndsTrainingAtTheFirstEpochBelowIt() {
        double[][] x = features(16, 1, 1);
        Experiment e = experiment(x, targets(x, new double[16]), 3, 0.1,
                "{\"epochs\": 10000, \"batch-size\": 4, \"tolerance\": 1e-4}", "");

        TrainingResult result = fit(e).result();

        assertThat(result.reason()).isEqualTo(StopReason.TOLERANCE);
        assertThat(result.epochs()).isGreaterThan(1).isLessThan(10000);
        assertThat(result.loss(result.epochs())).isLessThan(1e-4);
        assertThat(result.loss(result.epochs() - 1)).isGreaterThanOrEqualTo(1e-4);
        assertThat(result.losses()).hasSize(result.epochs());
    }

    @Test
    void aDivergingLearningRateStopsWithDivergedAndKeepsTheLastFiniteLoss() {
        double[][] x = features(16, 100, 4);
        Experiment e = experiment(x, targets(x, new double[16]), 3, 10,
                "{\"epochs\": 1000, \"batch-size\": 4}", "");

        TrainingResult result = fit(e).result();
        double[] losses = result.losses();
        int last = losses.length - 1;

        assertThat(result.reason()).isEqualTo(StopReason.DIVERGED);
        assertThat(result.epochs()).isGreaterThan(1).isLessThan(1000);
        assertThat(Double.isFinite(losses[last])).isFalse();
        for (int i = 0; i < last; i++) {
            assertThat(Double.isFinite(losses[i])).as("epoch %d", i + 1).isTrue();
        }
        assertThat(result.lastFiniteLoss()).isEqualTo(losses[last - 1]);
        assertThat(Double.isFinite(result.lastFiniteLoss())).isTrue();
    }

    @Test
    void theRunnerReportsDivergenceInWords() {
        double[][] x = features(16, 100, 4);
        Experiment e = experiment(x, targets(x, new double[16]), 3, 10, "{\"epochs\": 1000, \"batch-size\": 4}", "");
        List<String> lines = new ArrayList<>();

        RunResult run = new ExperimentRunner(CpuKernels::new, lines::add).run(e);

        assertThat(run.training().reason()).isEqualTo(StopReason.DIVERGED);
        assertThat(lines.get(lines.size() - 1)).startsWith("diverged: the loss became")
                .contains("in epoch " + run.training().epochs()).contains("Lower the learning rate");
    }

    @Test
    void theSameSeedGivesBitwiseIdenticalLosses() {
        double[][] x = features(17, 1, 5);
        double[][] y = targets(x, new double[17]);
        String training = "{\"epochs\": 30, \"batch-size\": 5}";

        RunResult first = new ExperimentRunner(CpuKernels::new, l -> { }).run(experiment(x, y, 11, 0.05, training, ""));
        RunResult second = new ExperimentRunner(CpuKernels::new, l -> { }).run(experiment(x, y, 11, 0.05, training, ""));
        RunResult otherSeed = new ExperimentRunner(CpuKernels::new, l -> { }).run(experiment(x, y, 12, 0.05, training, ""));

        assertThat(bits(second.training().losses())).containsExactly(bits(first.training().losses()));
        assertThat(bits(otherSeed.training().losses())).isNotEqualTo(bits(first.training().losses()));
    }

    @Test
    void withoutShufflingTheOrderIsTheFilesAndDoesNotDependOnTheSeed() {
        double[][] x = features(10, 1, 6);
        double[][] y = targets(x, new double[10]);
        double[] w0 = {0.3, -0.1};
        double b0 = 0.05;
        // Explicit initial values, so that the seed could only act through the order of the examples.
        String layer = ", \"weights\": [[0.3], [-0.1]], \"biases\": [0.05]";
        double lr = 0.05;
        int epochs = 5;
        int batch = 3;

        TrainingResult seedOne = fit(experiment(x, y, 1, lr,
                "{\"epochs\": 5, \"batch-size\": 3, \"shuffle\": false}", layer)).result();
        TrainingResult seedTwo = fit(experiment(x, y, 99, lr,
                "{\"epochs\": 5, \"batch-size\": 3, \"shuffle\": false}", layer)).result();
        TrainingResult shuffledOne = fit(experiment(x, y, 1, lr, "{\"epochs\": 5, \"batch-size\": 3}", layer)).result();
        TrainingResult shuffledTwo = fit(experiment(x, y, 99, lr, "{\"epochs\": 5, \"batch-size\": 3}", layer)).result();

        // Minibatch SGD on the MSE, batches of rows 0-2, 3-5, 6-8, 9 in that order, written out by hand.
        double[] weight = new double[x.length];
        Arrays.fill(weight, 1);
        double[] expected = handSgd(x, y, weight, new double[] {w0[0], w0[1], b0}, lr, epochs, batch)[0];

        assertThat(bits(seedTwo.losses())).containsExactly(bits(seedOne.losses()));
        assertThat(seedOne.losses()).containsExactly(expected, within(1e-12));
        assertThat(bits(shuffledTwo.losses())).isNotEqualTo(bits(shuffledOne.losses()));
    }

    @Test
    void weightedMinibatchesFollowTheGradientOfTheWeightedMeanOverAllExamples() {
        // Batches of rows 0-2, 3-5, 6-8 and 9, in order. The objective is sum(w l) / sum(w) over all ten
        // rows, so a step on a batch B follows sum_B(w_i dl_i) / (|B| mean(w)): heavy batches move the
        // parameters more, and the zero-weight batch (rows 3-5) takes no step at all. Written out by hand.
        double[][] x = features(10, 1, 11);
        SplittableRandom noise = new SplittableRandom(12);
        double[] eps = new double[10];
        Arrays.setAll(eps, i -> noise.nextDouble(-0.5, 0.5));
        double[][] y = targets(x, eps);
        double[] weight = {1, 1, 1, 0, 0, 0, 10, 10, 10, 4};
        String layer = ", \"weights\": [[0.3], [-0.1]], \"biases\": [0.05]";
        double lr = 0.01;
        int epochs = 4;
        int batch = 3;

        Fit fit = fit(experiment(x, y, 1, lr, "{\"epochs\": 4, \"batch-size\": 3, \"shuffle\": false}", layer), weight);

        double[][] hand = handSgd(x, y, weight, new double[] {0.3, -0.1, 0.05}, lr, epochs, batch);
        double[] expected = hand[0];
        double[] w = {hand[1][0], hand[1][1]};
        double b = hand[1][2];

        assertThat(fit.result().losses()).containsExactly(expected, within(1e-12));
        assertThat(fit.weights()).containsExactly(w, within(1e-12));
        assertThat(fit.bias()).isCloseTo(b, within(1e-12));
        // The weights matter: unweighted training ends elsewhere.
        Fit plain = fit(experiment(x, y, 1, lr, "{\"epochs\": 4, \"batch-size\": 3, \"shuffle\": false}", layer));
        assertThat(Math.abs(plain.bias() - fit.bias())).isGreaterThan(1e-3);
    }

    @Test
    void scalingEveryWeightByOneFactorChangesNothing() {
        double[][] x = features(10, 1, 13);
        double[][] y = targets(x, new double[10]);
        double[] weight = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] scaled = Arrays.stream(weight).map(v -> v * 8).toArray();
        Experiment e = experiment(x, y, 3, 0.02, "{\"epochs\": 3, \"batch-size\": 4}", "");

        Fit one = fit(e, weight);
        Fit eight = fit(e, scaled);

        assertThat(eight.result().losses()).containsExactly(one.result().losses(), within(1e-12));
        assertThat(eight.weights()).containsExactly(one.weights(), within(1e-12));
    }

    /**
     * Minibatch SGD on the weighted MSE of the linear model y = x w + b, in file order, written out from
     * the definitions: a batch B steps along sum_B(w_i d(d_i^2)) / (|B| mean(w)) with d_i the residual,
     * and each epoch's loss is sum(w d^2) / sum(w) over all rows.
     *
     * @param start w1, w2, b
     * @return the epoch losses, and the final w1, w2, b
     */
    private static double[][] handSgd(double[][] x, double[][] y, double[] weight, double[] start, double lr, int epochs,
            int batch) {
        double total = Arrays.stream(weight).sum();
        double meanWeight = total / weight.length;
        double[] w = {start[0], start[1]};
        double b = start[2];
        double[] losses = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int first = 0; first < x.length; first += batch) {
                int rows = Math.min(batch, x.length - first);
                double[] gw = new double[2];
                double gb = 0;
                for (int r = first; r < first + rows; r++) {
                    double g = 2 * weight[r] * (x[r][0] * w[0] + x[r][1] * w[1] + b - y[r][0]) / (rows * meanWeight);
                    gw[0] += x[r][0] * g;
                    gw[1] += x[r][1] * g;
                    gb += g;
                }
                w[0] -= lr * gw[0];
                w[1] -= lr * gw[1];
                b -= lr * gb;
            }
            double sum = 0;
            for (int r = 0; r < x.length; r++) {
                double d = x[r][0] * w[0] + x[r][1] * w[1] + b - y[r][0];
                sum += weight[r] * d * d;
            }
            losses[epoch] = sum / total;
        }
        return new double[][] {losses, {w[0], w[1], b}};
    }
}
