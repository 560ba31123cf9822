package org.djx.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.djx.api.ConfigurationException;
import org.djx.api.DataException;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.report.RunFolder;
import org.djx.engine.report.RunOutput;
import org.djx.engine.tasks.BuiltInTasks;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with checkpoints that stops partway (here by an error thrown as an epoch ends, before that epoch's
 * checkpoint; {@code CheckpointKillTests} kills the process) and is run again in its folder ends with the files of a
 * run that never stopped, byte for byte: the shuffle, dropout's masks, Adam's moments and the curves all go on where
 * they were.
 */
class CheckpointResumeTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The files whose every byte must not depend on whether the run was interrupted. */
    private static final String[] SAME = {"metrics.csv", "folds.csv", "confusion.csv", "preprocessing.txt", "submission.csv",
            "model.json", "model.safetensors"};

    /** A regression table: y = 2 x1 - x2 + a category's offset + noise, with a few missing cells. */
    private static void writeTables(Path dir) throws Exception {
        Random random = new Random(11);
        StringBuilder train = new StringBuilder("id,x1,x2,kind,y\n");
        StringBuilder test = new StringBuilder("id,x1,x2,kind\n");
        for (int r = 0; r < 200; r++) {
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            int kind = random.nextInt(3);
            double y = 10 + 2 * x1 - x2 + kind + 0.1 * random.nextGaussian();
            String cells = r + "," + String.format(Locale.ROOT, "%.5f", x1) + "," + (r % 19 == 4 ? "" : String.format(Locale.ROOT,
                    "%.5f", x2)) + "," + "abc".charAt(kind);
            if (r < 160) {
                train.append(cells).append(',').append(String.format(Locale.ROOT, "%.5f", y)).append('\n');
            } else {
                test.append(cells).append('\n');
            }
        }
        Files.writeString(dir.resolve("train.csv"), train);
        Files.writeString(dir.resolve("test.csv"), test);
    }

    private static String experiment(String task, String training, String extra) {
        return """
                {"task": "TASK", "seed": 3,
                 "dataset": {"type": "csv", "train": "train.csv", "test": "test.csv", "target": "y", "id": "id"},
                 "preprocessing": {"fit-on": "train", "target-transform": "standardize", "steps": [
                     {"type": "standardize"}, {"type": "fill-missing", "value": 0}, {"type": "one-hot"}]},
                 "model": {"layers": [{"type": "linear", "outputs": 12}, {"type": "relu"}, {"type": "dropout", "p": 0.2},
                                      {"type": "linear", "outputs": 1}]},
                 "loss": {"type": "mse"},
                 "optimizer": {"type": "adam", "lr": 0.01, "weight-decay": 0.001},
                 "schedule": {"type": "cosine"},
                 "training": {"epochs": 12, "batch-size": 16, "metric": "rmse"TRAINING}EXTRA}
                """.replace("TASK", task).replace("TRAINING", training).replace("EXTRA", extra);
    }

    private static Experiment read(Path dir, String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return new ExperimentReader(PluginLoader.load(List.of()), BuiltInTasks.registry()).read(file);
    }

    /** Stands for a kill: throws once, as fit {@code stage} ends epoch {@code epoch}, before its checkpoint. */
    private static RunOutput stoppingAt(String stage, int epoch) {
        AtomicBoolean stopped = new AtomicBoolean();
        return new RunOutput() {
            @Override
            public void line(String text) {
            }

            @Override
            public void progress(String s, int done, int total, String detail) {
                if (s.equals(stage) && done == epoch && stopped.compareAndSet(false, true)) {
                    throw new IllegalStateException("stopped at " + stage + ", epoch " + epoch);
                }
            }
        };
    }

    private static ExperimentRunner runner(RunOutput out, int threads) {
        return new ExperimentRunner(CpuKernels::new, out).withThreads(threads);
    }

    private static void assertSameFiles(Path expected, Path actual) throws Exception {
        int compared = 0;
        for (String name : SAME) {
            if (Files.exists(expected.resolve(name))) {
                assertThat(actual.resolve(name)).as(name).exists().hasSameBinaryContentAs(expected.resolve(name));
                compared++;
            } else {
                assertThat(actual.resolve(name)).as(name).doesNotExist();
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(2);
        JsonNode a = JSON.readTree(expected.resolve("summary.json").toFile());
        JsonNode b = JSON.readTree(actual.resolve("summary.json").toFile());
        assertThat(b.get("results")).isEqualTo(a.get("results"));
        assertThat(b.get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void aKFoldRunStoppedInItsSecondFoldResumesToTheNumbersOfAnUninterruptedOne(@TempDir Path dir) throws Exception {
        writeTables(dir);
        String validation = ", \"validation\": {\"folds\": 3, \"final-model\": true}";
        Experiment plain = read(dir, "plain.json", experiment("k-fold", "", validation));
        Experiment checkpointed = read(dir, "checkpointed.json", experiment("k-fold", ", \"checkpoint-every\": 5", validation));
        runner(line -> { }, 1).run(plain, RunFolder.at(dir.resolve("plain")));
        // Checkpoints change no number.
        runner(line -> { }, 1).run(checkpointed, RunFolder.at(dir.resolve("whole")));
        assertSameFiles(dir.resolve("plain"), dir.resolve("whole"));

        Path run = dir.resolve("stopped");
        assertThatThrownBy(() -> runner(stoppingAt("fold 2 of 3", 8), 1).run(checkpointed, RunFolder.at(run)))
                .hasMessage("stopped at fold 2 of 3, epoch 8");
        // Fold 1 ended, fold 2 saved after epoch 5 (its epoch-8 checkpoint never came), fold 3 never started.
        assertThat(run.resolve("checkpoints/fold-1.safetensors")).exists();
        assertThat(run.resolve("checkpoints/fold-2.safetensors")).exists();
        assertThat(run.resolve("checkpoints/fold-3.safetensors")).doesNotExist();
        assertThat(JSON.readTree(run.resolve("status.json").toFile()).get("status").asText()).isEqualTo("FAILED");

        List<String> said = new ArrayList<>();
        runner(said::add, 1).run(checkpointed, RunFolder.resume(run));

        assertSameFiles(dir.resolve("plain"), run);
        assertThat(said).contains("fold 1 of 3: ended at epoch 12 of 12 (the epoch limit was reached), as its checkpoint says",
                "fold 2 of 3: goes on from its checkpoint after epoch 5 of 12");
    }

    @Test
    void stoppedAtEveryEpochOfASubmissionItResumesToTheSameSubmissionAndModel(@TempDir Path dir) throws Exception {
        writeTables(dir);
        Experiment e = read(dir, "submit.json", experiment("submission", ", \"checkpoint-every\": 2", ""));
        runner(line -> { }, 1).run(e, RunFolder.at(dir.resolve("whole")));
        for (int epoch = 1; epoch <= 12; epoch++) {
            Path run = dir.resolve("stopped-" + epoch);
            int at = epoch;
            assertThatThrownBy(() -> runner(stoppingAt("training", at), 1).run(e, RunFolder.at(run)))
                    .hasMessageContaining("stopped at training");
            runner(line -> { }, 1).run(e, RunFolder.resume(run));
            assertSameFiles(dir.resolve("whole"), run);
        }
    }

    @Test
    void foldsTrainedAtOnceResumeAsWell(@TempDir Path dir) throws Exception {
        writeTables(dir);
        Experiment e = read(dir, "kfold.json", experiment("k-fold", ", \"checkpoint-every\": 3",
                ", \"validation\": {\"folds\": 4}"));
        runner(line -> { }, 1).run(e, RunFolder.at(dir.resolve("whole")));
        Path run = dir.resolve("stopped");
        assertThatThrownBy(() -> runner(stoppingAt("fold 3 of 4", 10), 2).run(e, RunFolder.at(run)))
                .hasMessageContaining("stopped at fold 3 of 4");

        runner(line -> { }, 2).run(e, RunFolder.resume(run));

        assertSameFiles(dir.resolve("whole"), run);
    }

    @Test
    void aFolderResumesOnlyItsOwnExperiment(@TempDir Path dir) throws Exception {
        writeTables(dir);
        Experiment e = read(dir, "a.json", experiment("submission", ", \"checkpoint-every\": 4", ""));
        Path run = dir.resolve("run");
        runner(line -> { }, 1).run(e, RunFolder.at(run));
        String status = Files.readString(run.resolve("status.json"));
        Experiment other = read(dir, "b.json", experiment("submission", ", \"checkpoint-every\": 4", "")
                .replace("\"lr\": 0.01", "\"lr\": 0.02"));

        assertThatThrownBy(() -> runner(line -> { }, 1).run(other, RunFolder.resume(run)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(run + " holds the checkpoints of another experiment: at $.optimizer.lr the kept file has 0.01 and"
                        + " this one 0.02 (" + run.resolve("checkpoints/experiment.json") + " is the file it ran); give a new"
                        + " folder with --out, or continue that run with djx run --resume " + run);
        // Refused before anything in the folder changed.
        assertThat(Files.readString(run.resolve("status.json"))).isEqualTo(status);
        // What does not change the numbers may change: the description, the expectations, how often checkpoints come.
        Experiment reworded = read(dir, "c.json", experiment("submission", ", \"checkpoint-every\": 3", "")
                .replace("{\"task\"", "{\"description\": \"the same run, described\", \"task\""));
        runner(line -> { }, 1).run(reworded, RunFolder.resume(run));
        // Nor does the order of the keys: the checkpoints, too, take the file as the same experiment.
        String reordered = experiment("submission", ", \"checkpoint-every\": 4", "").replace(", \"seed\": 3,", ",")
                .replace("\"loss\": {\"type\": \"mse\"},", "\"loss\": {\"type\": \"mse\"}, \"seed\": 3,");
        assertThat(reordered).isNotEqualTo(experiment("submission", ", \"checkpoint-every\": 4", ""));
        List<String> said = new ArrayList<>();
        runner(said::add, 1).run(read(dir, "d.json", reordered), RunFolder.resume(run));
        assertThat(said).contains("training: ended at epoch 12 of 12 (the epoch limit was reached), as its checkpoint says");
    }

    @Test
    void aRunStoppedBeforeItsFirstCheckpointCanBeResumedAndStaleSavesAreCleared(@TempDir Path dir) throws Exception {
        writeTables(dir);
        Experiment e = read(dir, "kfold.json", experiment("k-fold", ", \"checkpoint-every\": 10", ", \"validation\": {\"folds\": 2}"));
        runner(line -> { }, 1).run(e, RunFolder.at(dir.resolve("whole")));
        Path run = dir.resolve("stopped");
        assertThatThrownBy(() -> runner(stoppingAt("fold 1 of 2", 3), 1).run(e, RunFolder.at(run)))
                .hasMessageContaining("stopped at fold 1 of 2");
        // No checkpoint yet, but the copy a resume runs is there from the start.
        assertThat(run.resolve("checkpoints/experiment.json")).exists();
        assertThat(run.resolve("checkpoints/fold-1.safetensors")).doesNotExist();
        // A save that a kill interrupted leaves a partial file under a name no later save reuses.
        Path stale = Files.writeString(run.resolve("checkpoints/.fold-1.safetensors.4242.abc.part"), "half a checkpoint");

        runner(line -> { }, 1).run(e, RunFolder.resume(run));

        assertSameFiles(dir.resolve("whole"), run);
        assertThat(stale).doesNotExist();
    }

    @Test
    void aCheckpointIsNotTakenByARunWhoseDataChanged(@TempDir Path dir) throws Exception {
        writeTables(dir);
        Experiment e = read(dir, "submit.json", experiment("submission", ", \"checkpoint-every\": 4", ""));
        Path run = dir.resolve("run");
        assertThatThrownBy(() -> runner(stoppingAt("training", 6), 1).run(e, RunFolder.at(run)))
                .hasMessageContaining("stopped at training");
        // The same rows, the last target nudged: the same shapes, other numbers.
        String train = Files.readString(dir.resolve("train.csv"));
        Files.writeString(dir.resolve("train.csv"), train.substring(0, train.length() - 2) + "9\n");

        assertThatThrownBy(() -> runner(line -> { }, 1).run(e, RunFolder.resume(run)))
                .isInstanceOf(DataException.class)
                .hasMessage(run.resolve("checkpoints/model.safetensors") + ": this checkpoint was saved by a run that read other"
                        + " data: a local data file of the experiment has changed since (its SHA-256 differs); put the file"
                        + " back as it was, or remove the checkpoints folder to start over on the new data");
    }

    @Test
    void twoRunsCannotWorkInOneFolderAtOnce(@TempDir Path dir) throws Exception {
        writeTables(dir);
        Experiment e = read(dir, "submit.json", experiment("submission", ", \"checkpoint-every\": 4", ""));
        Path run = dir.resolve("run");
        java.util.concurrent.atomic.AtomicReference<Throwable> second = new java.util.concurrent.atomic.AtomicReference<>();
        RunOutput startsASecond = new RunOutput() {
            @Override
            public void line(String text) {
            }

            @Override
            public void progress(String stage, int done, int total, String detail) {
                if (done == 2 && second.get() == null) {
                    try {
                        runner(line -> { }, 1).run(e, RunFolder.resume(run));
                        second.set(new AssertionError("the second run was let in"));
                    } catch (ConfigurationException refused) {
                        second.set(refused);
                    }
                }
            }
        };

        runner(startsASecond, 1).run(e, RunFolder.at(run));

        assertThat(second.get()).isInstanceOf(ConfigurationException.class).hasMessage("another djx is running in " + run
                + " (it holds " + run.resolve(".lock") + "); wait for it to end, or give another folder");
        // Once the first run ended, the folder is free again.
        runner(line -> { }, 1).run(e, RunFolder.resume(run));
    }

    @Test
    void aCheckpointOfAnotherFitOrADamagedOneIsRefusedWithItsFile(@TempDir Path dir) throws Exception {
        writeTables(dir);
        Experiment e = read(dir, "kfold.json", experiment("k-fold", ", \"checkpoint-every\": 4",
                ", \"validation\": {\"folds\": 2}"));
        Path run = dir.resolve("run");
        runner(line -> { }, 1).run(e, RunFolder.at(run));
        Path one = run.resolve("checkpoints/fold-1.safetensors");
        Path two = run.resolve("checkpoints/fold-2.safetensors");
        Files.copy(one, two, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> runner(line -> { }, 1).run(e, RunFolder.resume(run)))
                .isInstanceOf(DataException.class)
                .hasMessage(two + ": this checkpoint belongs to the fit 'fold-1', not to 'fold-2'; a checkpoint stays under the"
                        + " name its run gave it");
        // Damaged: the reader's reason, and what to do.

        byte[] bytes = Files.readAllBytes(one);
        Files.write(two, java.util.Arrays.copyOf(bytes, bytes.length - 9));
        assertThatThrownBy(() -> runner(line -> { }, 1).run(e, RunFolder.resume(run)))
                .isInstanceOf(DataException.class).hasMessageStartingWith("the checkpoint " + two + " cannot be read (")
                .hasMessageContaining("reach past the end").hasMessageEndingWith("); remove it, and fit 'fold-2' starts from"
                        + " its first epoch");
    }
}
