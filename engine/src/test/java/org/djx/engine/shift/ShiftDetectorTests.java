package org.djx.engine.shift;

import org.djx.engine.tasks.BuiltInTasks;
import org.djx.engine.tasks.CovariateShiftTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.Test;

class ShiftDetectorTests {
    private static CovariateShiftTask.Spec spec(double maxWeight) {
        String json = """
                {"task": "covariate-shift", "shift": {},
                 "classifier": {"folds": 4, "max-weight": MAX, "optimizer": {"type": "adam", "lr": 0.05}, "training": {"epochs": 15}},
                 "model": {"layers": [{"type": "linear", "outputs": 1}]},
                 "loss": {"type": "mse"}, "optimizer": {"type": "sgd", "lr": 0.1}, "training": {"epochs": 1}}
                """.replace("MAX", Double.toString(maxWeight));
        return (CovariateShiftTask.Spec) new ExperimentReader(PluginLoader.load(List.of()), BuiltInTasks.registry())
                .read(JsonDocument.parse("t.json", json.getBytes(StandardCharsets.UTF_8)), Path.of("t.json")).job().spec();
    }

    @Test
    void weightsAreTheExponentialOfTheOutOfFoldLogitTimesTheGroupRatioClipped() {
        ShiftedRegression data = ShiftedRegression.generate(1, 300, 150, 2.0, 0.1, new RandomStreams(5), "");

        ShiftDetector.Detection d = ShiftDetector.detect(spec(4).classifier(), data.trainInputs(), data.testInputs(), new RandomStreams(5), "",
                new CpuKernels(), (f, e, n) -> { });

        double[] h = d.trainScores();
        double[] w = d.weights();
        int clipped = 0;
        for (int i = 0; i < w.length; i++) {
            double beta = Math.exp(h[i]) * 300 / 150;
            clipped += beta > 4 ? 1 : 0;
            assertThat(w[i]).as("row %d", i).isCloseTo(Math.min(beta, 4), within(1e-12));
        }
        assertThat(clipped).isEqualTo(d.clipped()).isPositive();
        assertThat(d.testScores()).hasSize(150);
    }

    @Test
    void theLogitEstimatesTheLogDensityRatio() {
        // log p_test/p_train = 1.5 x - 1.125; with equal groups that is the best logit.
        ShiftedRegression data = ShiftedRegression.generate(1, 2000, 2000, 1.5, 0.1, new RandomStreams(6), "");

        ShiftDetector.Detection d = ShiftDetector.detect(spec(1e6).classifier(), data.trainInputs(), data.testInputs(), new RandomStreams(6), "",
                new CpuKernels(), (f, e, n) -> { });

        double[] h = d.trainScores();
        double sxy = 0;
        double sxx = 0;
        double mx = 0;
        double mh = 0;
        for (int i = 0; i < h.length; i++) {
            mx += data.trainInputs().get(i) / h.length;
            mh += h[i] / h.length;
        }
        for (int i = 0; i < h.length; i++) {
            double dx = data.trainInputs().get(i) - mx;
            sxy += dx * (h[i] - mh);
            sxx += dx * dx;
        }
        double slope = sxy / sxx;
        assertThat(slope).isCloseTo(1.5, within(0.15));
        assertThat(mh - slope * mx).isCloseTo(-1.125, within(0.15));
    }

    @Test
    void featureAucsRankTheColumnThatMoved() {
        Tensor train = Tensor.wrap(Shape.of(4, 2), new double[] {0, 5, 1, 6, 2, 7, 3, 8});
        Tensor test = Tensor.wrap(Shape.of(3, 2), new double[] {10, 5, 11, 6, 12, 7.5});

        double[] aucs = ShiftDetector.featureAucs(train, test);

        assertThat(aucs[0]).isEqualTo(1.0);
        // Column 2: test 5, 6, 7.5 against 5, 6, 7, 8: pairs above 0.5+0+0+0, 1+0.5+0+0, 1+1+1+0 = 5 of 12.
        assertThat(aucs[1]).isCloseTo(5.0 / 12, within(1e-15));
    }

    @Test
    void theEffectiveSampleSizeIsKishs() {
        assertThat(ShiftDetector.effectiveSampleSize(new double[] {1, 1, 1, 1})).isEqualTo(4.0);
        assertThat(ShiftDetector.effectiveSampleSize(new double[] {3, 0, 0, 1})).isCloseTo(16.0 / 10, within(1e-15));
    }
}
