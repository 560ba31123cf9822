package org.djx.engine.tasks;

import org.djx.engine.run.ExperimentRunner;
import org.djx.engine.report.RunFolder;
import org.djx.engine.report.RunResult;
import org.djx.engine.report.SvgFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.djx.api.data.DataContext;
import org.djx.engine.data.FilesOnly;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shift tasks against what theory says they must find. For two unit Gaussians whose means differ by
 * s, the best classifier's AUC is Phi(s / sqrt(2)); with no shift it is 0.5. For the generated regression
 * (2 inputs, test x_1 ~ N(1.5, 1)) the best linear fit to the training distribution has test MSE 4.5256,
 * the best linear fit to the test distribution 1.01 (worked out in {@link #closedFormTestErrors}).
 */
class ShiftTasksTests {
    private static final PluginRegistry PLUGINS = PluginLoader.load(List.of());
    private final List<String> lines = new ArrayList<>();

    private static Experiment read(String json) {
        return new ExperimentReader(PLUGINS, BuiltInTasks.registry()).read(JsonDocument.parse("t.json", json.getBytes(StandardCharsets.UTF_8)), Path.of("t.json"));
    }

    private static String covariate(long seed, int inputs, int rows, double shift, int repeats) {
        return """
                {"task": "covariate-shift", "seed": SEED,
                 "shift": {"inputs": INPUTS, "train-rows": ROWS, "test-rows": ROWS, "shift": SHIFT, "noise": 0.1, "repeats": REPEATS},
                 "classifier": {"folds": 5, "max-weight": 20, "optimizer": {"type": "adam", "lr": 0.05},
                                "training": {"epochs": 20, "batch-size": 64}},
                 "model": {"layers": [{"type": "linear", "outputs": 1}]},
                 "loss": {"type": "mse"},
                 "optimizer": {"type": "adam", "lr": 0.05},
                 "training": {"epochs": 60, "batch-size": 50}}
                """.replace("SEED", Long.toString(seed)).replace("INPUTS", Integer.toString(inputs))
                .replace("ROWS", Integer.toString(rows)).replace("SHIFT", Double.toString(shift))
                .replace("REPEATS", Integer.toString(repeats));
    }

    private RunResult run(String json) {
        return new ExperimentRunner(CpuKernels::new, lines::add).run(read(json));
    }

    /** The standard normal distribution function, by Simpson's rule on the density (independent of the task's erfc). */
    private static double phi(double z) {
        int n = 20_000;
        double a = -10;
        double h = (z - a) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double x = a + i * h;
            double f = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
            sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        return sum * h / 3;
    }

    @Test
    void withoutShiftTheClassifiersAucIsOneHalfWithinItsInterval() {
        RunResult r = run(covariate(11, 2, 600, 0, 8));

        // Over 40 such data sets the fold-averaged AUC had mean 0.4994 and standard deviation 0.021; its interval,
        // which treats the folds as independent, covered 0.5 in 90% of them.
        int covered = 0;
        for (int i = 1; i <= 8; i++) {
            assertThat(r.metric("repeat-" + i + "/auc")).as("data set %d", i).isCloseTo(0.5, within(0.08));
            covered += r.metric("repeat-" + i + "/auc-lower95") < 0.5 && r.metric("repeat-" + i + "/auc-upper95") > 0.5 ? 1 : 0;
        }
        assertThat(covered).isGreaterThanOrEqualTo(6);
        assertThat(r.metric("auc")).isCloseTo(0.5, within(0.02));
    }

    @Test
    void withAShiftTheAucIsThatOfTheBestClassifierAndClearlyAboveOneHalf() {
        RunResult r = run(covariate(12, 2, 600, 1.0, 3));
        double best = phi(1.0 / Math.sqrt(2));

        assertThat(best).isCloseTo(0.7602, within(1e-4));
        for (int i = 1; i <= 3; i++) {
            assertThat(r.metric("repeat-" + i + "/auc")).as("data set %d", i).isCloseTo(best, within(0.04));
            assertThat(r.metric("repeat-" + i + "/auc-lower95")).as("data set %d", i).isGreaterThan(0.68);
        }
    }

    /**
     * Closed forms for y = x_1 + x_1^2/2 + x_2 + x_2^2/2 + 0.1 eps with x_1 ~ N(m, 1), x_2 ~ N(0, 1) at test.
     * Fitted to N(0, I), the best line is 1 + x_1 + x_2 (E[x^3] = 0), whose test residual x_1^2/2 + x_2^2/2 - 1
     * has mean (1 + m^2)/2 + 1/2 - 1 and variance (2 + 4 m^2)/4 + 1/2, plus the noise 0.01. Fitted to the
     * test distribution the best line leaves Var(x_1^2/2) - Cov(x_1, x_1^2/2)^2 = (2 + 4 m^2)/4 - m^2 = 1/2,
     * the same 1/2 for x_2, and the noise.
     */
    private static double[] closedFormTestErrors(double m) {
        double mean = (1 + m * m) / 2 + 0.5 - 1;
        double unweighted = mean * mean + (2 + 4 * m * m) / 4 + 0.5 + 0.01;
        double best = 0.5 + 0.5 + 0.01;
        return new double[] {Math.sqrt(unweighted), Math.sqrt(best)};
    }

    @Test
    void importanceWeightsLowerTheTestErrorOnEveryDataSetOfSeveralSeedsTowardsTheBestPossible() {
        double[] theory = closedFormTestErrors(1.5);
        assertThat(theory[0]).isCloseTo(2.1273, within(1e-4));
        for (long seed : new long[] {1, 2, 3}) {
            RunResult r = run(covariate(seed, 2, 1000, 1.5, 3));

            for (int i = 1; i <= 3; i++) {
                String p = "repeat-" + i + "/";
                assertThat(r.metric(p + "weighted-test-rmse")).as("seed %d, data set %d", seed, i)
                        .isLessThan(0.7 * r.metric(p + "unweighted-test-rmse"));
            }
            assertThat(r.metric("weighted-wins")).isEqualTo(3);
            assertThat(r.metric("unweighted-test-rmse")).as("seed %d", seed).isCloseTo(theory[0], within(0.15 * theory[0]));
            assertThat(r.metric("weighted-test-rmse")).as("seed %d", seed).isCloseTo(theory[1], within(0.2 * theory[1]));
            assertThat(r.metric("improvement")).as("seed %d", seed).isGreaterThan(0.4);
        }
    }

    @Test
    void withoutShiftTheWeightsChangeLittle() {
        RunResult r = run(covariate(4, 2, 800, 0, 2));

        for (int i = 1; i <= 2; i++) {
            String p = "repeat-" + i + "/";
            assertThat(r.metric(p + "effective-sample-size")).isGreaterThan(0.9 * 800);
            assertThat(r.metric(p + "weighted-test-rmse")).isCloseTo(r.metric(p + "unweighted-test-rmse"),
                    within(0.05 * r.metric(p + "unweighted-test-rmse")));
        }
    }

    private static String concept(String thresholds, double noise) {
        return """
                {"task": "concept-shift", "seed": 3,
                 "concept": {"inputs": 2, "train-rows": 800, "test-rows": 2000, "thresholds": THRESHOLDS, "label-noise": NOISE},
                 "model": {"layers": [{"type": "linear", "outputs": 1}]},
                 "optimizer": {"type": "adam", "lr": 0.1},
                 "training": {"epochs": 40, "batch-size": 64}}
                """.replace("THRESHOLDS", thresholds).replace("NOISE", Double.toString(noise));
    }

    @Test
    void aModelOfOneRegionFailsWhereTheRulesDisagreeAndTheRegionAsInputFixesIt() {
        RunResult r = run(concept("[-1, 1]", 0));
        // S = x_1 + x_2 ~ N(0, 2): the rules disagree when -1 < S < 1.
        double disagree = phi(1 / Math.sqrt(2)) - phi(-1 / Math.sqrt(2));

        assertThat(r.metric("rule-disagreement/region-2")).isCloseTo(disagree, within(1e-6));
        assertThat(r.metric("one-region/region-1-error")).isLessThan(0.03);
        assertThat(r.metric("one-region/region-2-error")).isCloseTo(disagree, within(0.04));
        // Without the region the best rule is wrong on half the disputed rows of each region.
        assertThat(r.metric("pooled/worst-error")).isGreaterThan(disagree / 2 - 0.04);
        assertThat(r.metric("with-region/worst-error")).isLessThan(0.03);
    }

    @Test
    void labelNoiseSetsTheFloorOfEveryError() {
        RunResult r = run(concept("[0, 0.5, -0.5]", 0.1));
        double disagree = phi(0.5 / Math.sqrt(2)) - phi(0);

        assertThat(r.metric("rule-disagreement/region-2")).isCloseTo(0.1 + 0.8 * disagree, within(1e-6));
        assertThat(r.metric("with-region/region-1-error")).isCloseTo(0.1, within(0.03));
        assertThat(r.metric("with-region/region-3-error")).isCloseTo(0.1, within(0.03));
        assertThat(r.metric("one-region/region-3-error")).isCloseTo(0.1 + 0.8 * disagree, within(0.04));
    }

    @Test
    void theConceptTasksNormalCdfIsAccurate() {
        for (double z : new double[] {-3, -1, -0.2, 0, 0.7, 2.5}) {
            assertThat(ConceptShiftTask.normalCdf(z)).as("z = %s", z).isCloseTo(phi(z), within(2e-7));
        }
    }

    /** Kaggle-shaped files; the test rows' Area is drawn from a distribution moved by {@code areaShift}. */
    private static DataContext houses(Path dir, double areaShift) throws IOException {
        SplittableRandom random = new SplittableRandom(8);
        StringBuilder train = new StringBuilder("Id,Area,Rooms,Zone,SalePrice\n");
        StringBuilder test = new StringBuilder("Id,Area,Rooms,Zone\n");
        String[] zones = {"RL", "RM", "FV", "NA"};
        for (int i = 1; i <= 600; i++) {
            boolean isTest = i > 300;
            double area = 1000 + 300 * random.nextGaussian() + (isTest ? areaShift : 0);
            int rooms = 1 + random.nextInt(6);
            String zone = zones[random.nextInt(zones.length)];
            double price = 20 + 0.06 * area + 5 * rooms + (zone.equals("FV") ? 30 : 0) + random.nextGaussian() * 5;
            String row = i + "," + String.format(Locale.ROOT, "%.1f", area) + "," + rooms + "," + zone;
            if (isTest) {
                test.append(row).append('\n');
            } else {
                train.append(row).append(',').append(String.format(Locale.ROOT, "%.2f", price)).append('\n');
            }
        }
        Files.writeString(dir.resolve("train.csv"), train, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("test.csv"), test, StandardCharsets.UTF_8);
        Map<String, Path> files = Map.of("kaggle_house_train", dir.resolve("train.csv"), "kaggle_house_test", dir.resolve("test.csv"));
        return FilesOnly.of(files::get);
    }

    private RunResult adversarial(DataContext data) {
        return adversarial(data, null);
    }

    /** Runs adversarial validation, writing its files into {@code folder} unless that is null. */
    private RunResult adversarial(DataContext data, RunFolder folder) {
        String json = """
                {"task": "adversarial-validation", "seed": 2,
                 "dataset": {"type": "kaggle-house"},
                 "preprocessing": {"steps": [{"type": "standardize"}, {"type": "fill-missing"}, {"type": "one-hot"}]},
                 "classifier": {"folds": 5, "optimizer": {"type": "adam", "lr": 0.05}, "training": {"epochs": 20, "batch-size": 32}},
                 "model": {"layers": [{"type": "linear", "outputs": 1}]},
                 "loss": {"type": "mse"},
                 "optimizer": {"type": "adam", "lr": 5},
                 "training": {"epochs": 30, "batch-size": 16, "metric": "rmse"},
                 "validation": {"folds": 3}}
                """;
        ExperimentRunner runner = new ExperimentRunner(CpuKernels::new, lines::add, data);
        return folder == null ? runner.run(read(json)) : runner.run(read(json), folder);
    }

    @Test
    void adversarialValidationFindsNoShiftBetweenRowsDrawnAlike(@TempDir Path dir) throws IOException {
        RunResult r = adversarial(houses(dir, 0));

        assertThat(r.metric("auc")).isCloseTo(0.5, within(0.08));
        // The interval brackets the estimate and is narrow enough to say something (how often it covers
        // 0.5 without a shift is ShiftDetectorTests' business: one data set is one draw).
        assertThat(r.metric("auc-lower95")).isLessThan(r.metric("auc"));
        assertThat(r.metric("auc-upper95")).isGreaterThan(r.metric("auc"));
        assertThat(r.metric("auc-upper95") - r.metric("auc-lower95")).isLessThan(0.3);
        // Without a shift the weights are near 1, so reweighting barely moves the validation error.
        double plain = r.metric("unweighted/avg-valid-rmse");
        assertThat(r.metric("weighted/avg-valid-rmse")).isCloseTo(plain, within(0.1 * plain));
    }

    @Test
    void adversarialValidationFindsAShiftedColumnAndNamesItFirst(@TempDir Path dir) throws IOException {
        RunResult r = adversarial(houses(dir, 300));
        // Area moved by one standard deviation: the best AUC is Phi(1 / sqrt(2)).
        double best = phi(1 / Math.sqrt(2));

        assertThat(r.metric("auc")).isCloseTo(best, within(0.05));
        assertThat(r.metric("auc-lower95")).isGreaterThan(0.65);
        assertThat(r.metric("feature-auc/Area")).isCloseTo(best, within(0.05));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("\\s+1\\. Area\\s+AUC 0\\.7.*"));
    }

    @Test
    void theFeaturePlotNamesEachFeatureBesideItsBarInTheOrderOfTheTable(@TempDir Path dir) throws IOException {
        adversarial(houses(dir, 300), RunFolder.at(dir.resolve("run")));

        List<String> table = Files.readAllLines(dir.resolve("run").resolve("feature-aucs.csv")).stream().skip(1)
                .map(row -> row.split(",")[1]).toList();
        SvgFile svg = SvgFile.parse(Files.readAllBytes(dir.resolve("run").resolve("feature-aucs.svg")));

        assertThat(table).startsWith("Area");
        assertThat(svg.texts("categories")).extracting(SvgFile.Text::content).containsExactlyElementsOf(table);
        assertThat(svg.texts("title")).extracting(SvgFile.Text::content).noneMatch(t -> t.contains("feature-aucs.csv"));
        svg.assertReadable();
    }
}
