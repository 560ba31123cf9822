package org.djx.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.report.RunFolder;
import org.djx.engine.sweep.TrialExecutor;
import org.djx.engine.sweep.TrialOutcome;
import org.djx.engine.tasks.BuiltInTasks;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep whose runs happen elsewhere learns from their outcomes which local files they read, and as which bytes. */
class TrialsElsewhereTests {
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    @Test
    void theFilesRunsReadElsewhereAreTheSweepsProvenanceAndOtherBytesFailTheRun(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("line.json"), """
                {"task": "train", "seed": 1,
                 "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                 "data": {"inputs": [[1], [2]], "targets": [[2], [4]]},
                 "loss": {"type": "mse"}, "optimizer": {"type": "sgd", "lr": 0.1},
                 "training": {"epochs": 2},
                 "sweep": {"objective": {"result": "final-loss"}, "parameters": {"optimizer.lr": {"values": [0.1, 0.2]}}}}
                """);
        Experiment sweep = new ExperimentReader(PluginLoader.load(List.of()), BuiltInTasks.registry()).read(file);
        // Trial 1 read data/rows.csv as A; trial 2, on a machine with another copy, as B.
        TrialExecutor elsewhere = request -> new TrialOutcome(TrialOutcome.Status.COMPLETED,
                Map.of("final-loss", request.trial() * 1.0), "", 0.5, Map.of("data/rows.csv", request.trial() == 1 ? SHA_A : SHA_B));

        new ExperimentRunner(CpuKernels::new, line -> { }).withThreads(1).withTrialsElsewhere(elsewhere)
                .run(sweep, RunFolder.at(dir.resolve("run")));

        JsonNode locals = new ObjectMapper().readTree(dir.resolve("run/provenance.json").toFile()).get("local-files");
        assertThat(locals).hasSize(1);
        assertThat(locals.get(0).get("path").asText()).isEqualTo("data/rows.csv");
        assertThat(locals.get(0).get("resolved").asText()).isEqualTo(dir.resolve("data/rows.csv").toString());
        assertThat(locals.get(0).get("sha256").asText()).isEqualTo(SHA_A);
        List<String> table = Files.readAllLines(dir.resolve("run/trials.csv"));
        assertThat(table.get(2)).contains(",FAILED,").contains("the run read data/rows.csv as bytes of SHA-256 " + SHA_B
                + ", but an earlier run read it as " + SHA_A + ": the executors' copies of the file differ");
    }
}
