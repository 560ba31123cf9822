package org.djx.engine.tasks;

import org.djx.engine.run.ExperimentRunner;
import org.djx.engine.spec.EpochLoss;
import org.djx.engine.tasks.KFoldTask;
import org.djx.engine.report.RunFolder;
import org.djx.engine.report.RunResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.djx.api.ConfigurationException;
import org.djx.api.data.DataContext;
import org.djx.engine.data.FilesOnly;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.spec.TrainingSpec;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The k-fold and submission tasks end to end on generated files shaped like Kaggle's (an Id, numeric
 * and categorical columns with NA, the price last), so they run on machines without the real data.
 */
class TabularTasksTests {
    private final List<String> lines = new ArrayList<>();

    /** Writes a train/test pair whose price is a known function of the features, plus noise. */
    private static DataContext generate(Path dir, int trainRows, int testRows) throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder train = new StringBuilder("Id,Area,Rooms,Zone,SalePrice\n");
        StringBuilder test = new StringBuilder("Id,Area,Rooms,Zone\n");
        String[] zones = {"RL", "RM", "FV", "NA"};
        for (int i = 1; i <= trainRows + testRows; i++) {
            double area = 500 + random.nextDouble() * 2000;
            int rooms = 1 + random.nextInt(6);
            String zone = zones[random.nextInt(zones.length)];
            String areaCell = random.nextInt(10) == 0 ? "NA" : String.format(Locale.ROOT, "%.1f", area);
            double price = 20 + 0.06 * area + 5 * rooms + (zone.equals("FV") ? 30 : 0) + random.nextGaussian() * 5;
            if (i <= trainRows) {
                train.append(i).append(',').append(areaCell).append(',').append(rooms).append(',').append(zone).append(',')
                        .append(String.format(Locale.ROOT, "%.2f", price)).append('\n');
            } else {
                test.append(i).append(',').append(areaCell).append(',').append(rooms).append(',').append(zone).append('\n');
            }
        }
        Files.writeString(dir.resolve("train.csv"), train, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("test.csv"), test, StandardCharsets.UTF_8);
        Map<String, Path> files = Map.of("kaggle_house_train", dir.resolve("train.csv"), "kaggle_house_test", dir.resolve("test.csv"));
        return FilesOnly.of(files::get);
    }

    private static Experiment read(String json) {
        return new ExperimentReader(PluginLoader.load(List.of()), BuiltInTasks.registry())
                .read(JsonDocument.parse("t.json", json.getBytes(StandardCharsets.UTF_8)), Path.of("t.json"));
    }

    private static String experiment(String task, String extra) {
        return """
                {"task": "TASK", "seed": 5,
                 "dataset": {"type": "kaggle-house"},
                 "preprocessing": {"steps": [{"type": "standardize"}, {"type": "fill-missing"}, {"type": "one-hot"}]},
                 "model": {"layers": [{"type": "linear", "outputs": 1}]},
                 "loss": {"type": "mse"},
                 "optimizer": {"type": "adam", "lr": 5},
                 "training": {"epochs": 40, "batch-size": 16}EXTRA}
                """.replace("TASK", task).replace("EXTRA", extra);
    }

    @Test
    void kFoldPrintsAFoldLinePerFoldAndTheAverages(@TempDir Path dir) throws IOException {
        DataContext data = generate(dir, 90, 10);
        Path out = dir.resolve("run");

        RunResult r = new ExperimentRunner(CpuKernels::new, lines::add, data)
                .run(read(experiment("k-fold", ", \"validation\": {\"folds\": 3}")), RunFolder.at(out));

        // Area, Rooms, then Zone's three categories and its missing indicator.
        assertThat(r.metric("features")).isEqualTo(6);
        assertThat(lines).filteredOn(l -> l.startsWith("fold ")).hasSize(3);
        assertThat(lines).anyMatch(l -> l.startsWith("3-fold validation: avg train log rmse: "));
        double average = (r.metric("fold-1/valid-log-rmse") + r.metric("fold-2/valid-log-rmse") + r.metric("fold-3/valid-log-rmse")) / 3;
        assertThat(r.metric("avg-valid-log-rmse")).isEqualTo(average);
        // The prices follow the features closely, so a trained linear model is far better than chance.
        assertThat(r.metric("avg-valid-log-rmse")).isLessThan(0.3);
        assertThat(Files.readAllLines(out.resolve("metrics.csv"))).hasSize(1 + 3 * 40 * 2)
                .contains("1,40,valid,log-rmse," + r.metric("fold-1/valid-log-rmse"));
        // Every fold's curves, one panel each.
        assertThat(org.djx.engine.report.SvgFile.parse(Files.readAllBytes(out.resolve("folds.svg"))).texts())
                .extracting(org.djx.engine.report.SvgFile.Text::content).contains("fold 1", "fold 2", "fold 3");
        assertThat(out.resolve("folds.png")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("preprocessing.txt"))).contains("standardize Area: mean ");
    }

    @Test
    void trainFoldFitsEachFoldsStatisticsOnItsTrainingRowsAlone(@TempDir Path dir) throws IOException {
        DataContext data = generate(dir, 90, 10);
        Path out = dir.resolve("run");
        String json = experiment("k-fold", ", \"validation\": {\"folds\": 3}")
                .replace("\"preprocessing\": {", "\"preprocessing\": {\"fit-on\": \"train-fold\", ");

        RunResult r = new ExperimentRunner(CpuKernels::new, lines::add, data).run(read(json), RunFolder.at(out));

        String text = Files.readString(out.resolve("preprocessing.txt"));
        // Fold 2 validates on rows 31-60, so its statistics come from rows 1-30 and 61-90: 60 rows.
        assertThat(text).contains("fold 2:\nfitted on fold 2's training rows (60)");
        double[] area = areaColumn(dir);
        double sum = 0;
        int count = 0;
        for (int row = 0; row < 90; row++) {
            if ((row < 30 || row >= 60) && !Double.isNaN(area[row])) {
                sum += area[row];
                count++;
            }
        }
        double foldMean = sum / count;
        String fold2 = text.substring(text.indexOf("fold 2:\n"), text.indexOf("fold 3:\n"));
        assertThat(fold2).contains("standardize Area: mean " + foldMean + ",");
        // Each fold's width is a result; it is the feature count its preprocessing.txt section ends with.
        for (int i = 1; i <= 3; i++) {
            String section = text.substring(text.indexOf("fold " + i + ":\n"));
            int width = Integer.parseInt(section.substring(section.indexOf("features: ") + 10, section.indexOf('\n', section.indexOf("features: "))));
            assertThat(r.metric("fold-" + i + "/features")).isEqualTo(width);
        }
        assertThat(r.metric("avg-valid-log-rmse")).isLessThan(0.3);
    }

    @Test
    void aLogTargetModelReportsItsMetricOnThePricesScale(@TempDir Path dir) throws IOException {
        DataContext data = generate(dir, 90, 10);
        String json = experiment("k-fold", ", \"validation\": {\"folds\": 3}")
                .replace("\"preprocessing\": {", "\"preprocessing\": {\"target-transform\": \"log-standardize\", ")
                .replace("\"lr\": 5", "\"lr\": 0.05");

        RunResult r = new ExperimentRunner(CpuKernels::new, lines::add, data).run(read(json), RunFolder.at(dir.resolve("run")));

        // On the log scale a standardized target starts near log RMSE 1; trained, it is far better than chance.
        assertThat(r.metric("avg-valid-log-rmse")).isLessThan(0.3);
        assertThat(Files.readString(dir.resolve("run").resolve("preprocessing.txt")))
                .contains("fold 1:\ntarget: log, then standardized with mean ");
    }

    /** Area of each training row as the file has it, NaN where missing. */
    private static double[] areaColumn(Path dir) throws IOException {
        List<String> rows = Files.readAllLines(dir.resolve("train.csv"));
        double[] area = new double[rows.size() - 1];
        for (int r = 1; r < rows.size(); r++) {
            String cell = rows.get(r).split(",")[1];
            area[r - 1] = cell.equals("NA") ? Double.NaN : Double.parseDouble(cell);
        }
        return area;
    }

    @Test
    void theSameFileGivesBitwiseTheSameMetrics(@TempDir Path dir) throws IOException {
        DataContext data = generate(dir, 60, 5);
        Experiment e = read(experiment("k-fold", ", \"validation\": {\"folds\": 2}"));

        new ExperimentRunner(CpuKernels::new, line -> { }, data).run(e, RunFolder.at(dir.resolve("a")));
        new ExperimentRunner(CpuKernels::new, line -> { }, data).run(e, RunFolder.at(dir.resolve("b")));

        assertThat(Files.readAllBytes(dir.resolve("b/metrics.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("a/metrics.csv")));
    }

    @Test
    void aBatchMeanEpochLossLeavesTrainingAndTheMetricsAsTheyAre(@TempDir Path dir) throws IOException {
        // The epoch loss is only reported; the fold metrics come from a full pass either way.
        DataContext data = generate(dir, 60, 5);
        Experiment full = read(experiment("k-fold", ", \"validation\": {\"folds\": 2}"));
        Experiment mean = read(experiment("k-fold", ", \"validation\": {\"folds\": 2}")
                .replace("\"batch-size\": 16}", "\"batch-size\": 16, \"epoch-loss\": \"batch-mean\"}"));
        assertThat(((KFoldTask.Spec) mean.job().spec()).setup().trainer().epochLoss()).isEqualTo(EpochLoss.BATCH_MEAN);

        new ExperimentRunner(CpuKernels::new, line -> { }, data).run(full, RunFolder.at(dir.resolve("full")));
        new ExperimentRunner(CpuKernels::new, line -> { }, data).run(mean, RunFolder.at(dir.resolve("mean")));

        assertThat(Files.readAllBytes(dir.resolve("mean/metrics.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("full/metrics.csv")));
    }

    @Test
    void foldsOnSeveralThreadsGiveBitwiseTheSameMetricsAsOneThread(@TempDir Path dir) throws IOException {
        DataContext data = generate(dir, 90, 5);
        Experiment e = read(experiment("k-fold", ", \"validation\": {\"folds\": 4}"));
        List<String> sequential = new ArrayList<>();
        List<String> parallel = new ArrayList<>();

        new ExperimentRunner(CpuKernels::new, sequential::add, data).withThreads(1).run(e, RunFolder.at(dir.resolve("one")));
        new ExperimentRunner(CpuKernels::new, parallel::add, data).withThreads(4).run(e, RunFolder.at(dir.resolve("four")));

        assertThat(Files.readAllBytes(dir.resolve("four/metrics.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("one/metrics.csv")));
        assertThat(parallel.stream().filter(l -> l.startsWith("fold ")).toList())
                .isEqualTo(sequential.stream().filter(l -> l.startsWith("fold ")).toList())
                .extracting(l -> l.substring(0, 6)).containsExactly("fold 1", "fold 2", "fold 3", "fold 4");
    }

    @Test
    void moreFoldsThanRowsIsAClearError(@TempDir Path dir) throws IOException {
        DataContext data = generate(dir, 3, 1);

        assertThatThrownBy(() -> new ExperimentRunner(CpuKernels::new, lines::add, data)
                .run(read(experiment("k-fold", ", \"validation\": {\"folds\": 5}")), RunFolder.at(dir.resolve("run"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("5 folds need at least 5 rows, but the data has 3");
    }

    @Test
    void submissionWritesOnePositivePricePerTestRow(@TempDir Path dir) throws IOException {
        DataContext data = generate(dir, 80, 7);
        Path out = dir.resolve("run");

        new ExperimentRunner(CpuKernels::new, lines::add, data).run(read(experiment("submission", "")), RunFolder.at(out));

        List<String> csv = Files.readAllLines(out.resolve("submission.csv"));
        assertThat(csv.get(0)).isEqualTo("Id,SalePrice");
        assertThat(csv).hasSize(8);
        for (int i = 1; i < csv.size(); i++) {
            String[] cells = csv.get(i).split(",");
            assertThat(cells[0]).isEqualTo(String.valueOf(80 + i));
            assertThat(Double.parseDouble(cells[1])).isFinite().isPositive();
        }
    }
}
