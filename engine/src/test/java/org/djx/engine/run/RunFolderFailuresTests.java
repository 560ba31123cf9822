package org.djx.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.djx.api.ConfigurationException;
import org.djx.api.DataException;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.report.RunFolder;
import org.djx.engine.report.RunResult;
import org.djx.engine.task.Bound;
import org.djx.engine.task.Form;
import org.djx.engine.task.Job;
import org.djx.engine.task.ResultNames;
import org.djx.engine.task.Section;
import org.djx.engine.task.Task;
import org.djx.engine.task.TaskContext;
import org.djx.engine.task.TaskInput;
import org.djx.engine.task.TaskRegistry;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder whose files cannot be written (a full disk, something in the way): status.json and summary.json
 * never contradict, the first error is the one reported, and no partial file stays behind. A task of the test
 * puts a folder where the runner will write one of its files, which fails the write as a full disk would.
 */
class RunFolderFailuresTests {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Blocks {@code blocked} in the run folder, then fails with {@code fail} unless it is empty. */
    public static final class SabotageTask implements Task {
        @Override
        public String name() {
            return "sabotage";
        }

        @Override
        public String description() {
            return "Blocks a file of its own run folder.";
        }

        @Override
        public List<Section> sections() {
            return List.of(new Section("sabotage", "What to break.", Form.parameters(List.of(
                    ParameterSpec.string("folder", "The run folder."), ParameterSpec.string("blocked", "The file to block."),
                    ParameterSpec.string("fail", "The error to throw, if any.").withDefault(""))), "{}"));
        }

        @Override
        public Job read(TaskInput in) {
            Bound s = in.section("sabotage");
            return Job.of(s, ResultNames.of("answer"), SabotageTask::run);
        }

        private static RunResult run(Bound s, TaskContext context) {
            Path blocked = Path.of(s.config().string("folder")).resolve(s.config().string("blocked"));
            try {
                Files.deleteIfExists(blocked);
                Files.createDirectories(blocked.resolve("in-the-way"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (!s.config().string("fail").isEmpty()) {
                throw new DataException(s.config().string("fail"));
            }
            return RunResult.builder(context.name()).metric("answer", 42).build();
        }
    }

    private static Experiment read(Path folder, String blocked, String fail) {
        String json = ("{\"task\": \"sabotage\", \"sabotage\": {\"folder\": \"FOLDER\", \"blocked\": \"BLOCKED\", \"fail\": \"FAIL\"}}")
                .replace("FOLDER", folder.toString()).replace("BLOCKED", blocked).replace("FAIL", fail);
        return new ExperimentReader(PluginLoader.load(List.of()), new TaskRegistry(List.of(new SabotageTask())))
                .read(JsonDocument.parse("sabotage.json", json.getBytes(StandardCharsets.UTF_8)), Path.of("sabotage.json"));
    }

    private static Throwable run(Path folder, String blocked, String fail) {
        return catchThrowable(() -> new ExperimentRunner(CpuKernels::new, line -> { }).run(read(folder, blocked, fail),
                RunFolder.at(folder)));
    }

    private static List<String> partFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")).toList();
        }
    }

    @Test
    void aSummaryThatCannotBeWrittenLeavesAFailedStatusWithTheReasonAndNoSummary(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("run");

        Throwable e = run(folder, "summary.json", "");

        assertThat(e).isInstanceOf(ConfigurationException.class).hasMessageStartingWith("cannot write " + folder.resolve("summary.json"));
        assertThat(JSON.readTree(folder.resolve("status.json").toFile()).get("status").asText()).isEqualTo("FAILED");
        assertThat(JSON.readTree(folder.resolve("status.json").toFile()).get("reason").asText()).startsWith("cannot write");
        assertThat(folder.resolve("summary.json")).isDirectory();
        assertThat(partFiles(folder)).isEmpty();
        // What was written before the failure stays: the run's other files are intact.
        assertThat(folder.resolve("experiment.json")).isRegularFile();
        assertThat(folder.resolve("provenance.json")).isRegularFile();
    }

    @Test
    void aStatusThatCannotBeWrittenAtTheEndTakesTheCompletedSummaryWithIt(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("run");

        Throwable e = run(folder, "status.json", "");

        assertThat(e).isInstanceOf(ConfigurationException.class).hasMessageStartingWith("cannot write " + folder.resolve("status.json"));
        // status.json is a folder in the way: no file says RUNNING or COMPLETED, and no summary says COMPLETED either.
        assertThat(folder.resolve("summary.json")).doesNotExist();
        assertThat(partFiles(folder)).isEmpty();
    }

    @Test
    void theFirstErrorIsReportedEvenWhenItsStatusCannotBeWritten(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("run");

        Throwable e = run(folder, "status.json", "the data ran out");

        assertThat(e).isInstanceOf(DataException.class).hasMessage("the data ran out");
        assertThat(e.getSuppressed()).singleElement().satisfies(s -> assertThat(s.getMessage())
                .startsWith("cannot write " + folder.resolve("status.json")));
    }
}
