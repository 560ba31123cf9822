package org.djx.engine.run;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** D2L 4.7's forward pass, run from the shipped experiment file. */
class ForwardPassTests {
    /** Maven runs each module's tests in the module's folder. */
    private static final Path FILE = Path.of("../experiments/forward-pass.json");

    // D2L's printed figures (REFERENCE.md).
    private static final double[] D2L_Z1 = {0.57444252, 0.66818777, 0.75026011};
    private static final double[] D2L_Z2 = {0.62624937, 0.7710107};
    private static final double[] D2L_Y = {0.31682708, 0.69627909};

    // The network's values, written out again here from D2L so that the test does not read them from the file.
    private static final double[] X = {1.0, 0.5};
    private static final double[][] W1 = {{0.1, 0.3, 0.5}, {0.2, 0.4, 0.6}};
    private static final double[] B1 = {0.1, 0.2, 0.3};
    private static final double[][] W2 = {{0.1, 0.4}, {0.2, 0.5}, {0.3, 0.6}};
    private static final double[] B2 = {0.1, 0.2};
    private static final double[][] W3 = {{0.1, 0.3}, {0.2, 0.4}};
    private static final double[] B3 = {0.1, 0.2};

    private static List<String> lines;
    private static Map<String, Tensor> outputs;

    @BeforeAll
    static void runTheExperiment() {
        assertThat(FILE).as("run the tests from the engine module's folder").exists();
        Experiment experiment = new ExperimentReader(PluginLoader.load(List.of()), BuiltInTasks.registry()).read(FILE);
        lines = new ArrayList<>();
        outputs = new ExperimentRunner(CpuKernels::new, lines::add).run(experiment).outputs();
    }

    /** x W + b, then the activation, one output at a time. */
    private static double[] layer(double[] x, double[][] w, double[] b, boolean sigmoid) {
        double[] out = new double[b.length];
        for (int j = 0; j < b.length; j++) {
            double sum = b[j];
            for (int i = 0; i < x.length; i++) {
                sum += x[i] * w[i][j];
            }
            out[j] = sigmoid ? 1.0 / (1.0 + Math.exp(-sum)) : sum;
        }
        return out;
    }

    @Test
    void reportsTheThreeNamedOutputsInNetworkOrder() {
        assertThat(outputs).containsOnlyKeys("Z1", "Z2", "Y");
        assertThat(List.copyOf(outputs.keySet())).containsExactly("Z1", "Z2", "Y");
        assertThat(outputs.get("Z1").shape().toArray()).containsExactly(1, 3);
        assertThat(outputs.get("Z2").shape().toArray()).containsExactly(1, 2);
        assertThat(outputs.get("Y").shape().toArray()).containsExactly(1, 2);
    }

    @Test
    void matchesD2lsPrintedFigures() {
        assertThat(outputs.get("Z1").toArray()).containsExactly(D2L_Z1, within(1e-7));
        assertThat(outputs.get("Z2").toArray()).containsExactly(D2L_Z2, within(1e-7));
        assertThat(outputs.get("Y").toArray()).containsExactly(D2L_Y, within(1e-7));
    }

    @Test
    void matchesTheForwardPassRecomputedByHand() {
        double[] z1 = layer(X, W1, B1, true);
        double[] z2 = layer(z1, W2, B2, true);
        double[] y = layer(z2, W3, B3, false);

        assertThat(outputs.get("Z1").toArray()).containsExactly(z1, within(1e-12));
        assertThat(outputs.get("Z2").toArray()).containsExactly(z2, within(1e-12));
        assertThat(outputs.get("Y").toArray()).containsExactly(y, within(1e-12));
    }

    @Test
    void theFileHoldsTheWeightsThisTestRecomputesWith() throws Exception {
        // Guards the hand recomputation against the file and the test drifting apart.
        String text = Files.readString(FILE).replaceAll("\\s+", "");

        assertThat(text).contains("\"weights\":[[0.1,0.3,0.5],[0.2,0.4,0.6]],\"biases\":[0.1,0.2,0.3]");
        assertThat(text).contains("\"weights\":[[0.1,0.4],[0.2,0.5],[0.3,0.6]],\"biases\":[0.1,0.2]");
        assertThat(text).contains("\"weights\":[[0.1,0.3],[0.2,0.4]],\"biases\":[0.1,0.2]");
        assertThat(text).contains("\"inputs\":[[1.0,0.5]]");
    }

    @Test
    void printsAHeaderAndOneLinePerNamedOutputWithEightSignificantDigits() {
        assertThat(lines.subList(0, 4)).containsExactly(
                "forward-pass: forward pass of 1 example through 6 layers",
                "Z1 = [0.57444252, 0.66818777, 0.75026011]",
                "Z2 = [0.62624937, 0.7710107]",
                "Y  = [0.31682708, 0.69627909]");
    }
}
