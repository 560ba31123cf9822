package org.djx.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.djx.api.ConfigurationException;
import org.djx.api.DataException;
import org.djx.engine.data.DataCache;
import org.djx.engine.data.DataHub;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.report.RunFolder;
import org.djx.engine.report.RunResult;
import org.djx.engine.tasks.PredictionsCsv;
import org.djx.engine.serving.SavedModel;
import org.djx.engine.tasks.BuiltInTasks;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own table, end to end and without code: a CSV beside the experiment file with an id column, a text
 * target, a categorical feature and missing cells, cross-validated and then predicted.
 */
class OwnCsvTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SIZES = {"small", "medium", "large"};

    /**
     * Writes rows whose class is set by x + y (small below -1, large above 1), with a colour that carries no
     * signal, some cells empty or NA, and ids that do not follow the row order.
     */
    private static void writeTables(Path dir, int trainRows, int testRows) throws Exception {
        Random random = new Random(7);
        StringBuilder train = new StringBuilder("key,x,y,colour,size\n");
        StringBuilder test = new StringBuilder("key,x,y,colour\n");
        for (int r = 0; r < trainRows + testRows; r++) {
            double x = random.nextGaussian() * 1.5;
            double y = random.nextGaussian() * 1.5;
            String colour = new String[] {"red", "green", "blue"}[random.nextInt(3)];
            String yCell = r % 17 == 3 ? "NA" : String.format(Locale.ROOT, "%.4f", y);
            String colourCell = r % 13 == 5 ? "" : colour;
            String size = SIZES[x + y < -1 ? 0 : x + y > 1 ? 2 : 1];
            String line = "k" + (1000 - r) + "," + String.format(Locale.ROOT, "%.4f", x) + "," + yCell + "," + colourCell;
            if (r < trainRows) {
                train.append(line).append(',').append(size).append('\n');
            } else {
                test.append(line).append('\n');
            }
        }
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/train.csv"), train);
        Files.writeString(dir.resolve("data/test.csv"), test);
    }

    private static String experiment(String task, String extra) {
        return """
                {"task": "TASK", "seed": 1,
                 "dataset": {"type": "csv", "train": "data/train.csv", "test": "data/test.csv", "target": "size",
                             "id": "key", "problem": "classification"},
                 "preprocessing": {"fit-on": "train", "steps": [
                     {"type": "standardize"}, {"type": "fill-missing", "value": 0}, {"type": "one-hot", "dummy-na": true}]},
                 "model": {"layers": [{"type": "linear", "outputs": 16}, {"type": "relu"}, {"type": "linear", "outputs": 3}]},
                 "loss": {"type": "softmax-cross-entropy"},
                 "optimizer": {"type": "adam", "lr": 0.01},
                 "training": {"epochs": 40, "batch-size": 16, "metric": "accuracy"}EXTRA}
                """.replace("TASK", task).replace("EXTRA", extra);
    }

    private static Experiment read(Path dir, String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return new ExperimentReader(PluginLoader.load(List.of()), BuiltInTasks.registry()).read(file);
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void aTableWithATextTargetMissingCellsAndAnIdIsCrossValidatedWithNoCode(@TempDir Path dir) throws Exception {
        writeTables(dir, 240, 30);
        // Run from another folder than the experiment's: the paths are the experiment's, not the working directory's.
        Experiment e = read(dir, "kfold.json", experiment("k-fold", ", \"validation\": {\"folds\": 4, \"stratified\": true}"));
        Path out = dir.resolve("run");

        RunResult r = new ExperimentRunner(CpuKernels::new, line -> { }).run(e, RunFolder.at(out));

        // x, y and three colours plus a missing-colour indicator; key and size are not features.
        assertThat(r.metric("features")).isEqualTo(6);
        // The classes follow x + y, which a small network learns well on held-out rows.
        assertThat(r.metric("avg-valid-accuracy")).isGreaterThan(0.85).isLessThanOrEqualTo(1.0);
        List<String> confusion = lines(out.resolve("confusion.csv"));
        assertThat(confusion.get(0)).endsWith(",large,medium,small");
        long counted = 0;
        long right = 0;
        for (int t = 1; t <= 3; t++) {
            String[] cells = confusion.get(t).split(",");
            for (int p = 1; p <= 3; p++) {
                counted += Long.parseLong(cells[p]);
                right += t == p ? Long.parseLong(cells[p]) : 0;
            }
        }
        // Stratified folds cover every row once: the matrix counts all 240, and its diagonal is the accuracy's.
        assertThat(counted).isEqualTo(240);
        double foldMean = 0;
        for (int f = 1; f <= 4; f++) {
            foldMean += r.metric("fold-" + f + "/valid-accuracy") / 4;
        }
        assertThat(right / 240.0).isCloseTo(foldMean, org.assertj.core.data.Offset.offset(0.01));
        String preprocessing = Files.readString(out.resolve("preprocessing.txt"));
        assertThat(preprocessing).contains("column y: numeric, ").contains("column colour: categorical, 3 values, ")
                .contains("classes (output order): large, medium, small");
        // The local file is named as written, and its bytes are pinned by their SHA-256.
        JsonNode locals = JSON.readTree(out.resolve("provenance.json").toFile()).get("local-files");
        assertThat(locals).hasSize(2);
        for (int i = 0; i < 2; i++) {
            String path = i == 0 ? "data/train.csv" : "data/test.csv";
            assertThat(locals.get(i).get("path").asText()).isEqualTo(path);
            byte[] bytes = Files.readAllBytes(dir.resolve(path));
            assertThat(locals.get(i).get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
    }

    @Test
    void aSubmissionWritesClassNamesAndProbabilitiesThatAgree(@TempDir Path dir) throws Exception {
        writeTables(dir, 240, 30);
        Experiment e = read(dir, "submit.json", experiment("submission", ", \"submission\": {\"probabilities\": true}"));
        Path out = dir.resolve("run");

        RunResult r = new ExperimentRunner(CpuKernels::new, line -> { }).run(e, RunFolder.at(out));

        assertThat(r.metric("predictions")).isEqualTo(30);
        List<String> rows = lines(out.resolve("submission.csv"));
        assertThat(rows.get(0)).isEqualTo("key,size,p(large),p(medium),p(small)");
        List<String> testIds = new ArrayList<>();
        for (String line : lines(dir.resolve("data/test.csv")).subList(1, 31)) {
            testIds.add(line.split(",")[0]);
        }
        List<String> classes = List.of("large", "medium", "small");
        for (int i = 1; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",");
            assertThat(cells[0]).isEqualTo(testIds.get(i - 1));
            double[] p = {Double.parseDouble(cells[2]), Double.parseDouble(cells[3]), Double.parseDouble(cells[4])};
            assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
            int best = p[1] > p[0] ? (p[2] > p[1] ? 2 : 1) : (p[2] > p[0] ? 2 : 0);
            assertThat(cells[1]).as("row %d", i).isEqualTo(classes.get(best));
        }
    }

    @Test
    void aSweepReadsTheFilesBesideItsOwnFileAndEachTrialIsTheRunOnItsOwn(@TempDir Path dir) throws Exception {
        writeTables(dir, 120, 5);
        String single = experiment("k-fold", ", \"validation\": {\"folds\": 3, \"stratified\": true}");
        Experiment sweep = read(dir, "sweep.json", single.substring(0, single.lastIndexOf('}'))
                + ", \"sweep\": {\"objective\": {\"result\": \"avg-valid-accuracy\"},"
                + " \"parameters\": {\"optimizer.lr\": {\"values\": [0.003, 0.03]}}}}");
        Path out = dir.resolve("sweep-run");

        RunResult r = new ExperimentRunner(CpuKernels::new, line -> { }).withThreads(2)
                .withTrialsFrom(data -> new LocalTrialExecutor(new ExperimentReader(PluginLoader.load(List.of()),
                        BuiltInTasks.registry()), CpuKernels::new, data))
                .run(sweep, RunFolder.at(out));

        // Each trial is the experiment run on its own with its learning rate, bit for bit; an accuracy is maximized
        // without being told.
        double[] best = new double[2];
        for (int t = 0; t < 2; t++) {
            Experiment alone = read(dir, "alone.json", single.replace("\"lr\": 0.01", "\"lr\": " + (t == 0 ? "0.003" : "0.03")));
            best[t] = new ExperimentRunner(CpuKernels::new, line -> { }).run(alone).metric("avg-valid-accuracy");
        }
        assertThat(r.metric("best/avg-valid-accuracy")).isEqualTo(Math.max(best[0], best[1]));
        // The copies in the run folder find the same files from there: best.json runs on its own, and a resumed
        // sweep (its file read from the run folder) runs a lost trial again with the same result.
        RunResult fromBest = new ExperimentRunner(CpuKernels::new, line -> { }).run(new ExperimentReader(
                PluginLoader.load(List.of()), BuiltInTasks.registry()).read(out.resolve("best.json")));
        assertThat(fromBest.metric("avg-valid-accuracy")).isEqualTo(r.metric("best/avg-valid-accuracy"));
        try (var records = Files.list(out.resolve("trials"))) {
            Files.delete(records.sorted().findFirst().orElseThrow());
        }
        Experiment resumed = new ExperimentReader(PluginLoader.load(List.of()), BuiltInTasks.registry()).read(out.resolve("sweep.json"));
        RunResult again = new ExperimentRunner(CpuKernels::new, line -> { })
                .withTrialsFrom(data -> new LocalTrialExecutor(new ExperimentReader(PluginLoader.load(List.of()),
                        BuiltInTasks.registry()), CpuKernels::new, data))
                .run(resumed, RunFolder.resume(out));
        assertThat(again.metric("best/avg-valid-accuracy")).isEqualTo(r.metric("best/avg-valid-accuracy"));
        assertThat(again.metric("completed-trials")).isEqualTo(2);
        // The sweep's provenance names the files its trials read, as a single run's does.
        JsonNode locals = JSON.readTree(out.resolve("provenance.json").toFile()).get("local-files");
        assertThat(locals).extracting(n -> n.get("path").asText()).containsExactly("data/train.csv", "data/test.csv");
    }

    @Test
    void kFoldsFinalModelIsTheSubmissionsModelAndPredictsItsSubmissionBitForBit(@TempDir Path dir) throws Exception {
        writeTables(dir, 120, 12);
        Experiment kFold = read(dir, "kfold.json", experiment("k-fold", ", \"validation\": {\"folds\": 3, \"final-model\": true}"));
        Experiment submission = read(dir, "submit.json", experiment("submission", ", \"submission\": {\"probabilities\": true}"));

        RunResult r = new ExperimentRunner(CpuKernels::new, line -> { }).run(kFold, RunFolder.at(dir.resolve("kfold")));
        new ExperimentRunner(CpuKernels::new, line -> { }).run(submission, RunFolder.at(dir.resolve("submit")));

        assertThat(r.metric("final/train-accuracy")).isBetween(0.5, 1.0);
        SavedModel model = SavedModel.load(dir.resolve("kfold"));
        List<java.util.Map<String, String>> rows = new ArrayList<>();
        List<String> lines = lines(dir.resolve("data/test.csv"));
        String[] header = lines.get(0).split(",", -1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            java.util.Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], cells[c]);
            }
            rows.add(row);
        }
        List<String> ids = rows.stream().map(row -> row.get("key")).toList();
        String predicted = PredictionsCsv.of("key", ids, "size", model.predict(rows), true);
        assertThat(predicted).isEqualTo(Files.readString(dir.resolve("submit/submission.csv")));
    }

    @Test
    void aTestRowWhoseOutputsOverflowStopsTheSubmissionBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        writeTables(dir, 120, 5);
        List<String> test = new ArrayList<>(lines(dir.resolve("data/test.csv")));
        String[] cells = test.get(3).split(",", -1);
        cells[1] = "1e300";
        test.set(3, String.join(",", cells));
        Files.write(dir.resolve("data/test.csv"), test);
        // In float32 the standardized 1e300 is infinite, and so are the logits.
        Experiment e = read(dir, "submit.json", experiment("submission", "").replace("\"model\": {", "\"model\": {\"dtype\": \"float32\", "));
        Path out = dir.resolve("run");

        assertThatThrownBy(() -> new ExperimentRunner(CpuKernels::new, line -> { }).run(e, RunFolder.at(out)))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("the prediction for test row 3 (key " + cells[0] + ") is not a number");
        assertThat(out.resolve("submission.csv")).doesNotExist();
    }

    @Test
    void validateFindsWhatOnlyTheClassesCanTell(@TempDir Path dir) throws Exception {
        writeTables(dir, 60, 5);
        String base = experiment("k-fold", ", \"validation\": {\"folds\": 3}");
        DataHub hub = DataHub.fromPlugins(PluginLoader.load(List.of()), DataCache.at(dir.resolve("cache"), "a test's"));
        String[][] cases = {
            {"\"metric\": \"accuracy\"", "\"metric\": \"auc\"", "the metric auc scores two classes, but dataset 'csv' has 3"},
            {"\"outputs\": 3", "\"outputs\": 4", "the network's last layer has 4 outputs, but the dataset has 3 classes"},
            {"\"fit-on\": \"train\"", "\"fit-on\": \"train\", \"target-transform\": \"log\"",
                "target-transform log transforms numbers, but dataset 'csv' predicts classes"},
            {"\"metric\": \"accuracy\"", "\"metric\": \"rmse\"", "the metric rmse scores numbers"},
        };
        for (String[] c : cases) {
            Experiment e = read(dir, "check.json", base.replace(c[0], c[1]).replace("\"outputs\": 3", c[1].contains("rmse")
                    ? "\"outputs\": 1" : c[1].contains("outputs") ? c[1] : "\"outputs\": 3"));
            assertThatThrownBy(() -> DatasetCheck.check(e, hub)).as(c[1]).hasMessageContaining(c[2]);
        }
        assertThat(DatasetCheck.check(read(dir, "fine.json", base), hub)).isNull();
    }

    @Test
    void softmaxCrossEntropyOnOneLogitIsAMistakeOfTheFileNotOfThePlugin(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/train.csv"), "key,x,y,colour,size\nk1,1,2,red,yes\nk2,2,1,blue,no\nk3,0,1,red,yes\nk4,1,0,blue,no\n");
        Files.writeString(dir.resolve("data/test.csv"), "key,x,y,colour\nk5,1,1,red\n");
        Experiment e = read(dir, "one.json", experiment("k-fold", ", \"validation\": {\"folds\": 2}").replace("\"outputs\": 3", "\"outputs\": 1"));
        DataHub hub = DataHub.fromPlugins(PluginLoader.load(List.of()), DataCache.at(dir.resolve("cache"), "a test's"));

        assertThatThrownBy(() -> DatasetCheck.check(e, hub)).isInstanceOf(ConfigurationException.class)
                .hasMessage("the network ends in 1 output, the logit of 'yes', but the loss softmax-cross-entropy needs an output"
                        + " per class; use the loss bce-with-logits, or end the model with 2 outputs");
    }

    @Test
    void aRegressionMetricOnAClassificationIsRefusedBeforeTraining(@TempDir Path dir) throws Exception {
        writeTables(dir, 60, 5);
        Experiment e = read(dir, "wrong.json", experiment("k-fold", ", \"validation\": {\"folds\": 3}")
                .replace("\"metric\": \"accuracy\"", "\"metric\": \"rmse\"").replace("\"outputs\": 3", "\"outputs\": 1"));

        assertThatThrownBy(() -> new ExperimentRunner(CpuKernels::new, line -> { }).run(e))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is a classification (classes [large, medium, small])")
                .hasMessageContaining("the metric rmse scores numbers");
    }

    @Test
    void aNetworkWithTheWrongNumberOfOutputsNamesTheClasses(@TempDir Path dir) throws Exception {
        writeTables(dir, 60, 5);
        Experiment e = read(dir, "narrow.json", experiment("k-fold", ", \"validation\": {\"folds\": 3}")
                .replace("\"outputs\": 3", "\"outputs\": 2"));

        assertThatThrownBy(() -> new ExperimentRunner(CpuKernels::new, line -> { }).run(e))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("the network's last layer has 2 outputs, but the dataset has 3 classes [large, medium, small];"
                        + " end the model with 3 outputs, one per class (loss softmax-cross-entropy)");
    }

    @Test
    void aMissingLocalFileIsNamedAsWrittenAndAsResolved(@TempDir Path dir) throws Exception {
        Experiment e = read(dir, "missing.json", experiment("k-fold", ", \"validation\": {\"folds\": 3}"));

        assertThatThrownBy(() -> new ExperimentRunner(CpuKernels::new, line -> { }).run(e))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("the data file 'data/train.csv' (" + dir.toRealPath().resolve("data/train.csv"))
                .hasMessageContaining("relative to the experiment file's folder")
                .hasMessageContaining("does not exist");
    }
}
