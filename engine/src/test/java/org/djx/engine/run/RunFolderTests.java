package org.djx.engine.run;

import org.djx.engine.report.RunFolder;
import org.djx.engine.report.RunOutput;
import org.djx.engine.report.RunResult;
import org.djx.engine.tasks.BuiltInTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.djx.api.ConfigurationException;
import org.djx.api.DataException;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run folder holds after a run ends each way it can, and that only a finished run looks finished. */
class RunFolderTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRAIN = """
            {"task": "train", "name": "line",
             "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
             "data": {"inputs": [[1], [2], [3]], "targets": [[2], [4], [6]]},
             "loss": {"type": "mse"}, "optimizer": {"type": "sgd", "lr": LR},
             "training": {"epochs": 200},
             "expect": {"final-loss": {"max": 1e-3}}}
            """;

    private static Experiment read(Path dir, String text) throws Exception {
        Path file = dir.resolve("line.json");
        Files.writeString(file, text);
        return new ExperimentReader(PluginLoader.load(List.of()), BuiltInTasks.registry()).read(file);
    }

    private static JsonNode json(Path file) throws Exception {
        return JSON.readTree(file.toFile());
    }

    @Test
    void aCompletedRunHasItsSummaryProvenanceResolvedExperimentAndReport(@TempDir Path dir) throws Exception {
        Experiment e = read(dir, TRAIN.replace("LR", "0.05"));
        Path out = dir.resolve("run");

        RunResult r = new ExperimentRunner(CpuKernels::new, line -> { }).run(e, RunFolder.at(out));

        assertThat(json(out.resolve("status.json")).get("status").asText()).isEqualTo("COMPLETED");
        JsonNode summary = json(out.resolve("summary.json"));
        assertThat(summary.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(summary.get("results").get("final-loss").asDouble()).isEqualTo(r.metric("final-loss"));
        assertThat(summary.get("all-expectations-held").asBoolean()).isTrue();
        JsonNode provenance = json(out.resolve("provenance.json"));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(dir.resolve("line.json"))));
        assertThat(provenance.get("experiment-sha256").asText()).isEqualTo(sha256);
        assertThat(provenance.get("plugins")).extracting(p -> p.get("name").asText())
                .containsExactly("normal", "linear", "mse", "sgd");
        // Every default filled in: the file sets none of these.
        JsonNode resolved = json(out.resolve("experiment.json"));
        assertThat(resolved.get("training").get("batch-size").asInt()).isEqualTo(64);
        assertThat(resolved.get("seed").asInt()).isZero();
        assertThat(resolved.get("model").get("init").get("std").asDouble()).isEqualTo(0.01);
        assertThat(resolved.get("optimizer").get("weight-decay").asDouble()).isZero();
        String report = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(report).startsWith("<!DOCTYPE html>").contains("data:image/png;base64,").contains("final-loss")
                .doesNotContain("http://").doesNotContain("https://");
        assertThat(r.expectationsHeld()).isTrue();
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertThat(metrics).hasSize(1 + 200).startsWith("fold,epoch,split,metric,value")
                .contains("0,200,train,loss," + r.metric("final-loss"));
        // What the trained line does: y = 2x within what its final mean squared error allows each of the 3 examples.
        double allowed = Math.sqrt(3 * r.metric("final-loss"));
        for (int row = 0; row < 3; row++) {
            assertThat(r.metric("prediction[" + row + "]")).isCloseTo(2.0 * (row + 1), org.assertj.core.data.Offset.offset(allowed));
        }
        assertThat(Files.readAllLines(out.resolve("predictions.csv"))).hasSize(4).startsWith("example,target,prediction")
                .contains("3,6.0," + r.metric("prediction[2]"));
    }

    @Test
    void aHoldoutIsKeptOutOfTrainingAndScoredWithTheLoss(@TempDir Path dir) throws Exception {
        String json = """
                {"task": "train", "name": "held", "seed": 3,
                 "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                 "data": {"inputs": [[-2], [-1.5], [-1], [-0.5], [-0.2], [0.2], [0.5], [1], [1.5], [2]],
                          "targets": [[0], [0], [0], [0], [0], [1], [1], [1], [1], [1]]},
                 "loss": {"type": "bce-with-logits"}, "optimizer": {"type": "sgd", "lr": 1},
                 "training": {"epochs": 50, "batch-size": 8}, "validation": {"holdout": 0.3}}
                """;
        Path out = dir.resolve("run");

        RunResult r = new ExperimentRunner(CpuKernels::new, line -> { }).run(read(dir, json), RunFolder.at(out));

        // Three of ten held out; their loss, worked out here from the logits in predictions.csv, is the result.
        List<String> rows = Files.readAllLines(out.resolve("predictions.csv"));
        assertThat(rows.get(0)).isEqualTo("example,split,target,prediction");
        double sum = 0;
        int held = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            if (cells[1].equals("holdout")) {
                double z = Double.parseDouble(cells[3]);
                double y = Double.parseDouble(cells[2]);
                sum += Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0) - y * z;
                held++;
            }
        }
        assertThat(held).isEqualTo(3);
        assertThat(r.metric("holdout-loss")).isCloseTo(sum / held, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Files.readAllLines(out.resolve("metrics.csv"))).hasSize(1 + 2 * 50).contains("0,50,valid,loss," + r.metric("holdout-loss"));
        // The same seed holds out the same examples.
        RunResult again = new ExperimentRunner(CpuKernels::new, line -> { }).run(read(dir, json), RunFolder.at(dir.resolve("again")));
        assertThat(Files.readAllLines(dir.resolve("again").resolve("predictions.csv"))).isEqualTo(rows);
        assertThat(again.metric("holdout-accuracy")).isEqualTo(r.metric("holdout-accuracy"));
    }

    @Test
    void aHoldoutThatKeepsNoExampleOutIsRefusedAtValidation(@TempDir Path dir) {
        assertThatThrownBy(() -> read(dir, TRAIN.replace("LR", "0.05").replace("\"training\": {\"epochs\": 200},",
                "\"training\": {\"epochs\": 200}, \"validation\": {\"holdout\": 0.1},")))
                .hasMessageContaining("$.validation.holdout").hasMessageContaining("keeps 0 out");
    }

    @Test
    void aLogitClassifiersRunReportsItsAccuracyOnTheExamples(@TempDir Path dir) throws Exception {
        // Label 1 exactly where x > 0: a logistic regression separates them, so every label is right.
        Experiment e = read(dir, """
                {"task": "train", "name": "signs",
                 "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                 "data": {"inputs": [[-2], [-1], [-0.5], [0.5], [1], [2]], "targets": [[0], [0], [0], [1], [1], [1]]},
                 "loss": {"type": "bce-with-logits"}, "optimizer": {"type": "sgd", "lr": 1},
                 "training": {"epochs": 300, "batch-size": 6}}
                """);

        RunResult r = new ExperimentRunner(CpuKernels::new, line -> { }).run(e, RunFolder.at(dir.resolve("run")));

        assertThat(r.metric("accuracy")).isEqualTo(1.0);
        for (int row = 0; row < 6; row++) {
            boolean labelOne = row >= 3;
            assertThat(r.metric("prediction[" + row + "]")).as("logit of example %d", row + 1)
                    .matches(p -> labelOne ? p > 0 : p < 0);
        }
        // One label flipped: no line can get it, so at most 5 of 6.
        Experiment flipped = read(dir, Files.readString(dir.resolve("line.json")).replace("[[0], [0], [0], [1], [1], [1]]",
                "[[0], [0], [1], [1], [1], [1]]"));
        RunResult f = new ExperimentRunner(CpuKernels::new, line -> { }).run(flipped, RunFolder.at(dir.resolve("flipped")));
        long right = java.util.stream.IntStream.range(0, 6).filter(row -> (f.metric("prediction[" + row + "]") > 0) == (row >= 2)).count();
        assertThat(f.metric("accuracy")).isEqualTo(right / 6.0);
    }

    @Test
    void aSoftmaxClassifiersAccuracyCountsOneLabelPerExample(@TempDir Path dir) throws Exception {
        // Three classes by the sign and size of x; the class of the largest logit is the prediction.
        Experiment e = read(dir, """
                {"task": "train", "name": "thirds",
                 "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 3}]},
                 "data": {"inputs": [[-3], [-2], [0], [0.1], [2], [3]],
                          "targets": [[1, 0, 0], [1, 0, 0], [0, 1, 0], [0, 1, 0], [0, 0, 1], [0, 0, 1]]},
                 "loss": {"type": "softmax-cross-entropy"}, "optimizer": {"type": "sgd", "lr": 0.5},
                 "training": {"epochs": 2000, "batch-size": 6}}
                """);

        RunResult r = new ExperimentRunner(CpuKernels::new, line -> { }).run(e, RunFolder.at(dir.resolve("run")));

        // Counted by hand from the printed logits: an example is right when its largest logit is its class's.
        int right = 0;
        for (int row = 0; row < 6; row++) {
            int best = 0;
            for (int c = 1; c < 3; c++) {
                if (r.metric("prediction[" + row + "][" + c + "]") > r.metric("prediction[" + row + "][" + best + "]")) {
                    best = c;
                }
            }
            right += best == row / 2 ? 1 : 0;
        }
        assertThat(r.metric("accuracy")).isEqualTo(right / 6.0).isGreaterThanOrEqualTo(5 / 6.0);
    }

    @Test
    void aDivergedRunSaysSoAndKeepsTheLastFiniteLoss(@TempDir Path dir) throws Exception {
        Experiment e = read(dir, TRAIN.replace("LR", "50"));
        Path out = dir.resolve("run");
        List<String> lines = new java.util.ArrayList<>();

        RunResult r = new ExperimentRunner(CpuKernels::new, lines::add).run(e, RunFolder.at(out));

        assertThat(r.diverged()).isTrue();
        assertThat(json(out.resolve("status.json")).get("status").asText()).isEqualTo("DIVERGED");
        assertThat(json(out.resolve("summary.json")).get("stopped-because").asText()).isEqualTo("the loss became non-finite");
        assertThat(lines).anyMatch(l -> l.startsWith("diverged: the loss became ") && l.contains("last finite loss"));
        assertThat(r.expectationsHeld()).isFalse();
        // Every epoch up to the one that diverged is in metrics.csv, and the status and report say where it diverged.
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        int epochs = (int) r.metric("epochs");
        assertThat(metrics).hasSize(1 + epochs);
        assertThat(metrics.get(epochs)).startsWith("0," + epochs + ",train,loss,").matches(".*,(NaN|Infinity)$");
        assertThat(json(out.resolve("status.json")).get("reason").asText()).isEqualTo("the loss became "
                + r.metric("final-loss") + " in epoch " + epochs);
        assertThat(Files.readString(out.resolve("report.html"))).contains(">DIVERGED<").contains("in epoch " + epochs)
                .contains("data:image/png;base64,");
        assertThat(out.resolve("until-stopped-loss.png")).isNotEmptyFile();
    }

    @Test
    void aRunThatDivergesInItsFirstEpochSaysSoAndDrawsNoEmptyPlot(@TempDir Path dir) throws Exception {
        Experiment e = read(dir, TRAIN.replace("LR", "1e300"));
        Path out = dir.resolve("run");
        List<String> lines = new java.util.ArrayList<>();

        RunResult r = new ExperimentRunner(CpuKernels::new, lines::add).run(e, RunFolder.at(out));

        assertThat(r.metric("epochs")).isEqualTo(1);
        assertThat(lines).anyMatch(l -> l.startsWith("diverged: the loss became ") && l.contains("no epoch ended with a finite loss"));
        assertThat(Files.readAllLines(out.resolve("metrics.csv"))).hasSize(2);
        assertThat(out.resolve("until-stopped-loss.png")).doesNotExist();
        assertThat(Files.readString(out.resolve("report.html"))).contains(">DIVERGED<").doesNotContain("data:image/png");
    }

    @Test
    void aFailedRunIsMarkedFailedWithoutASummary(@TempDir Path dir) throws Exception {
        Experiment e = read(dir, """
                {"task": "k-fold", "dataset": {"type": "kaggle-house"},
                 "preprocessing": {"steps": [{"type": "standardize"}, {"type": "fill-missing"}, {"type": "one-hot"}]},
                 "model": {"layers": [{"type": "linear", "outputs": 1}]},
                 "loss": {"type": "mse"}, "optimizer": {"type": "adam"}, "training": {"epochs": 1},
                 "validation": {"folds": 2}}
                """);
        Path out = dir.resolve("run");

        assertThatThrownBy(() -> new ExperimentRunner(CpuKernels::new, line -> { }).run(e, RunFolder.at(out)))
                .isInstanceOf(DataException.class);

        JsonNode status = json(out.resolve("status.json"));
        assertThat(status.get("status").asText()).isEqualTo("FAILED");
        assertThat(status.get("reason").asText()).contains("kaggle_house_train");
        assertThat(out.resolve("summary.json")).doesNotExist();
        // A report still says how the run ended, and why; it had no epoch to draw.
        String report = Files.readString(out.resolve("report.html"));
        assertThat(report).contains(">FAILED<").contains("kaggle_house_train").doesNotContain("data:image/png");
        assertThat(out.resolve("metrics.csv")).doesNotExist();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void anInterruptedRunSaysInterrupted(@TempDir Path dir) throws Exception {
        Experiment e = read(dir, TRAIN.replace("LR", "0.05").replace("\"epochs\": 200", "\"epochs\": 100000"));
        Path out = dir.resolve("run");
        ExperimentRunner[] runner = new ExperimentRunner[1];
        runner[0] = new ExperimentRunner(CpuKernels::new, line -> {
            // The first epoch line stands in for Ctrl-C: the hook marks the run, then the run stops.
            if (line.startsWith("epoch 1,")) {
                runner[0].markInterrupted();
                throw new IllegalStateException("interrupted");
            }
        });

        assertThatThrownBy(() -> runner[0].run(e, RunFolder.at(out))).hasMessage("interrupted");

        // The failure that follows an interruption does not overwrite it.
        assertThat(json(out.resolve("status.json")).get("status").asText()).isEqualTo("INTERRUPTED");
        assertThat(out.resolve("summary.json")).doesNotExist();
        // What the run computed before the stop is kept: epoch 1's loss, and a report that shows it and says why it ended.
        assertThat(Files.readAllLines(out.resolve("metrics.csv"))).hasSize(2).element(1).asString().startsWith("0,1,train,loss,");
        String report = Files.readString(out.resolve("report.html"));
        assertThat(report).contains(">INTERRUPTED<").contains("stopped by the user").contains("data:image/png;base64,")
                .doesNotContain("interrupted</p>");
        assertThat(out.resolve("until-stopped-loss.png")).isNotEmptyFile();
    }

    @Test
    void anInterruptAsTheRunEndsIsWhatTheConsoleSaysLast(@TempDir Path dir) throws Exception {
        Experiment e = read(dir, TRAIN.replace("LR", "0.05"));
        Path out = dir.resolve("run");
        List<String> lines = new java.util.ArrayList<>();
        ExperimentRunner[] runner = new ExperimentRunner[1];
        runner[0] = new ExperimentRunner(CpuKernels::new, line -> {
            lines.add(line);
            // Ctrl-C after the last epoch, as the results are printed.
            if (line.startsWith("stopped after ")) {
                runner[0].markInterrupted();
            }
        });

        runner[0].run(e, RunFolder.at(out));

        assertThat(json(out.resolve("status.json")).get("status").asText()).isEqualTo("INTERRUPTED");
        assertThat(out.resolve("summary.json")).doesNotExist();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("run folder: " + out + " (interrupted as the run ended: status.json"
                + " says INTERRUPTED, and no summary was written)");
    }

    @Test
    void aRunThatFailsMidwayKeepsEveryEpochItComputed(@TempDir Path dir) throws Exception {
        Experiment e = read(dir, TRAIN.replace("LR", "0.05").replace("\"epochs\": 200", "\"epochs\": 100000"));
        Path out = dir.resolve("run");
        RunOutput failingAtEpoch37 = new RunOutput() {
            @Override
            public void line(String text) {
            }

            @Override
            public void progress(String stage, int done, int total, String detail) {
                if (done == 37) {
                    // By now epoch 37 is on disk: nothing buffered would survive a crash here.
                    try {
                        assertThat(Files.readAllLines(out.resolve("metrics.csv"))).hasSize(1 + 37);
                    } catch (java.io.IOException unreadable) {
                        throw new java.io.UncheckedIOException(unreadable);
                    }
                    throw new IllegalStateException("the console went away");
                }
            }
        };

        assertThatThrownBy(() -> new ExperimentRunner(CpuKernels::new, failingAtEpoch37).run(e, RunFolder.at(out)))
                .hasMessage("the console went away");

        // The same 37 epochs, run to their end, give the same figures: the stopped file lost nothing and invented nothing.
        Path whole = dir.resolve("whole");
        new ExperimentRunner(CpuKernels::new, line -> { }).run(read(dir, TRAIN.replace("LR", "0.05")
                .replace("\"epochs\": 200", "\"epochs\": 37")), RunFolder.at(whole));
        assertThat(Files.readAllLines(out.resolve("metrics.csv"))).isEqualTo(Files.readAllLines(whole.resolve("metrics.csv")));
        assertThat(json(out.resolve("status.json")).get("status").asText()).isEqualTo("FAILED");
        assertThat(Files.readString(out.resolve("report.html"))).contains(">FAILED<").contains("the console went away")
                .contains("data:image/png;base64,");
    }

    @Test
    void anExistingNonEmptyOutputFolderIsRefusedAndLeftAlone(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(out.resolve("keep.txt"), "mine");

        assertThatThrownBy(() -> RunFolder.at(out)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("already exists and is not empty");
        assertThat(out.resolve("keep.txt")).hasContent("mine");
        try (var files = Files.list(out)) {
            assertThat(files).hasSize(1);
        }
    }
}
