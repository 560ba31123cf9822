package org.djx.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A k-fold run with checkpoints, killed outright (SIGKILL: no shutdown hook, no last write) in the middle of its second
 * fold, then resumed with {@code djx run --resume RUN_FOLDER}, ends with the files of a run that was never killed.
 */
class CheckpointKillTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EPOCHS = 400;

    private static final String EXPERIMENT = """
            {"task": "k-fold", "name": "killed", "seed": 9,
             "dataset": {"type": "csv", "train": "data/train.csv", "target": "y", "id": "id"},
             "preprocessing": {"fit-on": "train", "steps": [{"type": "standardize"}, {"type": "one-hot"}]},
             "model": {"layers": [{"type": "linear", "outputs": 32}, {"type": "relu"}, {"type": "dropout", "p": 0.1},
                                  {"type": "linear", "outputs": 1}]},
             "loss": {"type": "mse"},
             "optimizer": {"type": "adam", "lr": 0.003},
             "training": {"epochs": EPOCHS, "batch-size": 32, "metric": "rmse", "checkpoint-every": 10},
             "validation": {"folds": 3, "final-model": true}}
            """.replace("EPOCHS", Integer.toString(EPOCHS));

    private static Path write(Path dir) throws Exception {
        Random random = new Random(4);
        StringBuilder csv = new StringBuilder("id,a,b,group,y\n");
        for (int r = 0; r < 900; r++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            int group = random.nextInt(4);
            double y = Math.sin(a) + 0.5 * b * b + group + 0.1 * random.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%d,%.5f,%.5f,g%d,%.5f%n", r, a, b, group, y));
        }
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/train.csv"), csv);
        Path file = dir.resolve("killed.json");
        Files.writeString(file, EXPERIMENT);
        return file;
    }

    /** Returns the metadata in a safetensors file's header. */
    private static JsonNode metadata(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        long length = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return JSON.readTree(new String(bytes, 8, (int) length, StandardCharsets.UTF_8)).get("__metadata__");
    }

    @Test
    void aRunKilledInItsSecondFoldResumesToTheFilesOfAnUninterruptedRun(@TempDir Path dir) throws Exception {
        Path file = write(dir);
        Path whole = dir.resolve("whole");
        Launcher.Result uninterrupted = Launcher.djx("run", file.toString(), "--quiet", "--threads", "1", "--out", whole.toString());
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();

        Path killed = dir.resolve("killed");
        // From another working directory: the copy the run keeps finds the data beside the experiment file.
        Process run = new ProcessBuilder("bash", Launcher.ROOT.resolve("djx").toString(), "run", file.toString(), "--quiet",
                "--threads", "1", "--out", killed.toString()).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Path second = killed.resolve("checkpoints/fold-2.safetensors");
        for (int wait = 0; wait < 12_000 && !Files.exists(second) && run.isAlive(); wait++) {
            Thread.sleep(5);
        }
        // The launcher execs the JVM, so this is the JVM itself, killed without a chance to clean up.
        run.destroyForcibly();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // Killed while fold 2 trained: fold 1's last checkpoint says it ended, fold 2's that it had not.
        assertThat(metadata(killed.resolve("checkpoints/fold-1.safetensors")).get("ended").asText()).isEqualTo("MAX_EPOCHS");
        JsonNode fold2 = metadata(second);
        assertThat(fold2.has("ended")).isFalse();
        assertThat(fold2.get("epochs").asInt()).isBetween(10, EPOCHS - 10);
        assertThat(killed.resolve("summary.json")).doesNotExist();
        assertThat(JSON.readTree(killed.resolve("status.json").toFile()).get("status").asText()).isEqualTo("RUNNING");

        Launcher.Result resumed = Launcher.djx("run", "--resume", killed.toString(), "--threads", "1");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("fold 1 of 3: ended at epoch " + EPOCHS + " of " + EPOCHS
                        + " (the epoch limit was reached), as its checkpoint says")
                .contains("fold 2 of 3: goes on from its checkpoint after epoch " + fold2.get("epochs").asInt() + " of " + EPOCHS);
        assertThat(killed.resolve("metrics.csv")).hasSameBinaryContentAs(whole.resolve("metrics.csv"));
        assertThat(killed.resolve("preprocessing.txt")).hasSameBinaryContentAs(whole.resolve("preprocessing.txt"));
        // Written by two JVMs: the same bytes, metadata and all.
        for (String name : List.of("checkpoints/fold-1.safetensors", "checkpoints/fold-2.safetensors",
                "checkpoints/fold-3.safetensors", "checkpoints/final-model.safetensors", "model.safetensors", "model.json")) {
            assertThat(killed.resolve(name)).as(name).hasSameBinaryContentAs(whole.resolve(name));
        }
        JsonNode expected = JSON.readTree(whole.resolve("summary.json").toFile());
        JsonNode actual = JSON.readTree(killed.resolve("summary.json").toFile());
        assertThat(actual.get("results")).isEqualTo(expected.get("results"));
        assertThat(actual.get("status").asText()).isEqualTo("COMPLETED");
    }
}
