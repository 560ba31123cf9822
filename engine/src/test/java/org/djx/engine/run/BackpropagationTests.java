package org.djx.engine.run;

import org.djx.engine.report.RunFolder;
import org.djx.engine.report.RunResult;
import org.djx.engine.report.SvgFile;
import org.djx.engine.report.Format;
import org.djx.engine.tasks.BuiltInTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.djx.api.Tensor;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.tensor.CpuKernels;
import org.djx.engine.train.StopReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * experiments/backprop-2-2-2.json against D2L's delta rules written out by hand, independently of the
 * layer code. Tensors are doubles, so the two must agree to rounding (1e-12).
 */
class BackpropagationTests {
    private static final Path FILE = Path.of("..", "experiments", "backprop-2-2-2.json");
    private static final double ETA = 0.5;
    private static final double[] X = {0.05, 0.10};
    private static final double[] Y = {0.01, 0.99};
    // w[i][j] connects unit i of one layer to unit j of the next (D2L's w_ji).
    private static final double[][] W1 = {{0.15, 0.25}, {0.20, 0.30}};
    private static final double[][] W2 = {{0.40, 0.50}, {0.45, 0.55}};

    private static RunResult result;
    private static List<String> lines;
    @TempDir
    static Path folder;

    @BeforeAll
    static void run() {
        Experiment experiment = new ExperimentReader(PluginLoader.load(List.of()), BuiltInTasks.registry()).read(FILE);
        lines = new ArrayList<>();
        result = new ExperimentRunner(CpuKernels::new, lines::add).run(experiment, RunFolder.at(folder));
    }

    @Test
    void firstStepDeltasMatchD2lsRules() {
        double[] a2 = sigmoid(product(X, W1));
        double[] a3 = sigmoid(product(a2, W2));
        double[] delta3 = new double[2];
        for (int j = 0; j < 2; j++) {
            delta3[j] = (a3[j] - Y[j]) * a3[j] * (1 - a3[j]);
        }
        double[] delta2 = new double[2];
        for (int j = 0; j < 2; j++) {
            double back = 0;
            for (int k = 0; k < 2; k++) {
                back += delta3[k] * W2[j][k];
            }
            delta2[j] = back * a2[j] * (1 - a2[j]);
        }
        Map<String, Tensor> trace = result.firstStep();

        assertThat(trace.get("delta(3)").toArray()).containsExactly(delta3, within(1e-12));
        assertThat(trace.get("delta(2)").toArray()).containsExactly(delta2, within(1e-12));
        assertThat(trace.get("W(2) updated").toRows()).isDeepEqualTo(roundTo(update(W2, delta3, a2), trace.get("W(2) updated").toRows()));
        assertThat(trace.get("W(1) updated").toRows()).isDeepEqualTo(roundTo(update(W1, delta2, X), trace.get("W(1) updated").toRows()));
        // The first loss is D2L's J at the initial weights.
        double j0 = 0.5 * ((a3[0] - Y[0]) * (a3[0] - Y[0]) + (a3[1] - Y[1]) * (a3[1] - Y[1]));
        assertThat(lines).anyMatch(l -> l.startsWith("first step: loss " + Format.number(j0)));
    }

    @Test
    void theFirstStepsFiguresAreResultsDeclaredBeforeTheRun() {
        Experiment experiment = new ExperimentReader(PluginLoader.load(List.of()), BuiltInTasks.registry()).read(FILE);
        Map<String, Tensor> trace = result.firstStep();

        // Declared at validation, from the probe network's shapes, so "expect" can name them before anything runs.
        assertThat(experiment.job().results().has("first-step/delta(3)[1]")).isTrue();
        assertThat(experiment.job().results().has("first-step/W(1)[1][0]")).isTrue();
        assertThat(experiment.job().results().has("first-step/delta(4)[0]")).isFalse();
        // Each is the traced tensor's element, and the loss is D2L's J at the initial weights.
        assertThat(result.metric("first-step/delta(3)[1]")).isEqualTo(trace.get("delta(3)").get(0, 1));
        assertThat(result.metric("first-step/delta(2)[0]")).isEqualTo(trace.get("delta(2)").get(0, 0));
        assertThat(result.metric("first-step/W(2)[0][1]")).isEqualTo(trace.get("W(2) updated").get(0, 1));
        assertThat(result.metric("first-step/W(1)[1][0]")).isEqualTo(trace.get("W(1) updated").get(1, 0));
        double[] a3 = sigmoid(product(sigmoid(product(X, W1)), W2));
        assertThat(result.metric("first-step/loss"))
                .isCloseTo(0.5 * ((a3[0] - Y[0]) * (a3[0] - Y[0]) + (a3[1] - Y[1]) * (a3[1] - Y[1])), within(1e-15));
        assertThat(result.metrics().keySet().stream().filter(k -> k.startsWith("first-step/"))).hasSize(1 + 4 + 8);
    }

    @Test
    void trainingStopsAtTheToleranceWithJNearZero() {
        assertThat(result.training().reason()).isEqualTo(StopReason.TOLERANCE);
        double last = result.training().loss(result.training().epochs());
        assertThat(last).isLessThan(1e-5).isPositive();
        assertThat(result.training().loss(1)).isGreaterThan(0.2);
        assertThat(lines).filteredOn(l -> l.startsWith("stopped after ")).singleElement()
                .satisfies(l -> assertThat(l).contains("the loss fell below the tolerance"));
    }

    @Test
    void theLossPlotOfTwentyThreeThousandEpochsIsASmallSvgWhoseTextIsText() throws Exception {
        byte[] svg = Files.readAllBytes(folder.resolve("loss.svg"));

        // It was 5.4 MB of glyph outlines and a point for every epoch.
        assertThat(result.training().epochs()).isGreaterThan(20_000);
        assertThat(svg.length).isLessThan(50_000);
        assertThat(SvgFile.parse(svg).texts()).extracting(SvgFile.Text::content)
                .contains("backprop-2-2-2: training loss", "epoch", "loss (log scale)", "training loss", "10000", "1e-5");
    }

    /** w_ji(l) <- w_ji(l) - eta * delta_j(l+1) * a_i(l). */
    private static double[][] update(double[][] w, double[] delta, double[] a) {
        double[][] out = new double[w.length][w[0].length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[0].length; j++) {
                out[i][j] = w[i][j] - ETA * delta[j] * a[i];
            }
        }
        return out;
    }

    /** Returns {@code expected}, or {@code actual} where the two agree to 1e-12, for a deep comparison. */
    private static double[][] roundTo(double[][] expected, double[][] actual) {
        double[][] out = new double[expected.length][];
        for (int i = 0; i < expected.length; i++) {
            out[i] = expected[i].clone();
            for (int j = 0; j < out[i].length; j++) {
                if (Math.abs(expected[i][j] - actual[i][j]) <= 1e-12) {
                    out[i][j] = actual[i][j];
                }
            }
        }
        return out;
    }

    private static double[] product(double[] a, double[][] w) {
        double[] z = new double[w[0].length];
        for (int j = 0; j < z.length; j++) {
            for (int i = 0; i < a.length; i++) {
                z[j] += a[i] * w[i][j];
            }
        }
        return z;
    }

    private static double[] sigmoid(double[] z) {
        double[] a = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            a[i] = 1 / (1 + Math.exp(-z[i]));
        }
        return a;
    }
}
