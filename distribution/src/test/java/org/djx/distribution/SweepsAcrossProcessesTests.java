package org.djx.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.djx.api.data.DataContext;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.run.LocalTrialExecutor;
import org.djx.engine.run.ProcessTrialExecutor;
import org.djx.engine.sweep.TrialOutcome;
import org.djx.engine.sweep.TrialRequest;
import org.djx.engine.tasks.BuiltInTasks;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep's runs crossing process boundaries: in a second JVM through {@code djx trial}, and across a kill. */
class SweepsAcrossProcessesTests {
    /**
     * An MLP with dropout and shuffled batches, so that every run draws from its random streams: 4 points, 2 seeds each,
     * EPOCHS to fill in.
     */
    static final String SWEEP = """
            {"task": "train", "name": "noisy-line", "seed": 5,
             "model": {"inputs": 2, "layers": [{"type": "linear", "outputs": 16}, {"type": "relu"}, {"type": "dropout", "p": 0.2},
                                                {"type": "linear", "outputs": 1}]},
             "data": {"inputs": [[1, 0], [2, 1], [3, 0], [4, 1], [5, 0], [6, 1], [7, 0], [8, 1]],
                      "targets": [[2.1], [4.9], [6.2], [8.8], [10.1], [13.2], [14.0], [16.9]]},
             "loss": {"type": "mse"}, "optimizer": {"type": "adam", "lr": 0.01},
             "training": {"epochs": EPOCHS, "batch-size": 3},
             "sweep": {"repeats": 2, "objective": {"result": "final-loss"},
                       "parameters": {"optimizer.lr": {"values": [0.003, 0.01, 0.03, 0.1]}}}}
            """;

    private static final DataContext NO_DATA = new DataContext() {
        @Override
        public Path fetch(String name) {
            throw new IllegalStateException("these sweeps load no data");
        }

        @Override
        public Path extract(String name) {
            throw new IllegalStateException("these sweeps load no data");
        }
    };

    private static ExperimentReader reader() {
        return new ExperimentReader(PluginLoader.load(List.of()), BuiltInTasks.registry());
    }

    @Test
    void eachRunGivesInASecondJvmExactlyTheOutcomeOfThisOne() {
        Experiment sweep = reader().read(JsonDocument.parse("noisy-line.json",
                SWEEP.replace("EPOCHS", "200").getBytes(StandardCharsets.UTF_8)), Path.of("noisy-line.json"));
        LocalTrialExecutor here = new LocalTrialExecutor(reader(), CpuKernels::new, NO_DATA);
        ProcessTrialExecutor there = new ProcessTrialExecutor(List.of("bash", Launcher.ROOT.resolve("djx").toString(), "trial"),
                Map.of());

        assertThat(sweep.sweep().requests()).hasSize(8);
        for (TrialRequest request : sweep.sweep().requests()) {
            TrialOutcome local = here.run(request);
            TrialOutcome remote = there.run(request);
            assertThat(local.status()).isEqualTo(TrialOutcome.Status.COMPLETED);
            assertThat(remote.status()).as(remote.message()).isEqualTo(local.status());
            // Double.equals compares the bits: every result, to the last one.
            assertThat(remote.results()).as("trial %d, repeat %d", request.trial(), request.repeat())
                    .isEqualTo(local.results()).containsKey("final-loss");
        }
    }

    @Test
    void aSweepKilledMidwayResumesToTheTableOfAnUninterruptedOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("noisy-line.json");
        Files.writeString(file, SWEEP.replace("EPOCHS", "6000"));
        Launcher.Result whole = Launcher.djx("run", file.toString(), "--quiet", "--threads", "2", "--out",
                dir.resolve("whole").toString());
        assertThat(whole.exitCode()).as(whole.err()).isZero();

        Path stopped = dir.resolve("stopped");
        Process run = new ProcessBuilder("bash", Launcher.ROOT.resolve("djx").toString(), "run", file.toString(), "--quiet",
                "--threads", "1", "--out", stopped.toString()).directory(Launcher.ROOT.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long recorded = 0;
        for (int wait = 0; wait < 6000 && recorded < 3 && run.isAlive(); wait++) {
            Thread.sleep(10);
            recorded = SweepFolders.records(stopped);
        }
        // The launcher execs the JVM, so this is the JVM itself, killed without a chance to clean up.
        run.destroyForcibly();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long left = SweepFolders.records(stopped);
        assertThat(left).as("records when the sweep was killed").isBetween(3L, 7L);
        assertThat(stopped.resolve("trials.csv")).doesNotExist();

        Launcher.Result resumed = Launcher.djx("run", "--resume", stopped.toString(), "--threads", "2");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming: " + left + " of 8 runs are recorded");
        assertThat(SweepFolders.tableWithoutSeconds(stopped.resolve("trials.csv")))
                .isEqualTo(SweepFolders.tableWithoutSeconds(dir.resolve("whole/trials.csv")));
        assertThat(Files.readString(stopped.resolve("best.json"))).isEqualTo(Files.readString(dir.resolve("whole/best.json")));
    }
}
