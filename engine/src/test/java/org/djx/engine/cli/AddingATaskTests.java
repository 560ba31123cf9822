package org.djx.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.djx.api.spi.Config;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.experiment.ExperimentSchema;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.report.RunResult;
import org.djx.engine.run.ExperimentRunner;
import org.djx.engine.task.Bound;
import org.djx.engine.task.Form;
import org.djx.engine.task.Job;
import org.djx.engine.task.ResultNames;
import org.djx.engine.task.Section;
import org.djx.engine.task.Task;
import org.djx.engine.task.TaskContext;
import org.djx.engine.task.TaskInput;
import org.djx.engine.task.TaskRegistry;
import org.djx.engine.tasks.BuiltInTasks;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding a task is one class and one registration: a throwaway task, declared here, is read, checked,
 * described, put into the schema and run by the same code as the built-in ones, with nothing else changed.
 */
class AddingATaskTests {
    /** Sums the squares 1^2 .. n^2, scaled: the closed form n(n+1)(2n+1)/6 checks the run. */
    public static final class SquaresTask implements Task {
        static final Section SQUARES = new Section("squares", "Which squares to sum.", Form.parameters(List.of(
                ParameterSpec.integer("count", "How many squares.").asRequired().atLeast(1).atMost(1000),
                ParameterSpec.number("scale", "What each square is multiplied by.").withDefault(1.0).greaterThan(0))),
                "{\"count\": 3}");

        record Spec(int count, double scale) {
        }

        @Override
        public String name() {
            return "squares";
        }

        @Override
        public String description() {
            return "Sums the first squares.";
        }

        @Override
        public List<Section> sections() {
            return List.of(SQUARES);
        }

        @Override
        public Job read(TaskInput in) {
            Bound squares = in.section("squares");
            if (squares == null) {
                return null;
            }
            Config c = squares.config();
            if (c.integer("count") == 13) {
                in.problem("$.squares.count", "13 squares are unlucky");
                return null;
            }
            return Job.of(new Spec(c.integer("count"), c.number("scale")), ResultNames.of("sum"), SquaresTask::run);
        }

        private static RunResult run(Spec spec, TaskContext context) {
            double sum = 0;
            for (int i = 1; i <= spec.count(); i++) {
                sum += spec.scale() * i * i;
            }
            context.out().result("sum " + sum);
            context.writeText("sum.txt", sum + "\n");
            return RunResult.builder(context.name()).metric("sum", sum).build();
        }
    }

    /** The one registration. */
    private static final TaskRegistry TASKS = new TaskRegistry(
            Stream.concat(BuiltInTasks.tasks().stream(), Stream.of(new SquaresTask())).toList());
    private static final PluginRegistry PLUGINS = PluginLoader.load(List.of());

    private static String[] launch(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(PLUGINS, TASKS, args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void theReaderChecksItsSectionAndTheRunnerRunsIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("sum.json"), "{\"task\": \"squares\", \"squares\": {\"count\": 4, \"scale\": 0.5}}");
        Experiment experiment = new ExperimentReader(PLUGINS, TASKS).read(file);

        RunResult result = new ExperimentRunner(CpuKernels::new, line -> { }).run(experiment);

        assertThat(result.metric("sum")).isEqualTo(0.5 * 4 * 5 * 9 / 6);
        assertThat(experiment.resolved()).contains("\"scale\" : 0.5");
    }

    @Test
    void validateAndRunReportItsProblemsAtTheirPaths(@TempDir Path dir) throws Exception {
        Path bound = Files.writeString(dir.resolve("bound.json"), "{\"task\": \"squares\", \"squares\": {\"count\": 0, \"scal\": 1}}");
        Path unlucky = Files.writeString(dir.resolve("unlucky.json"), "{\"task\": \"squares\", \"squares\": {\"count\": 13}}");
        Path good = Files.writeString(dir.resolve("good.json"), "{\"task\": \"squares\", \"squares\": {\"count\": 2},"
                + " \"expect\": {\"sum\": {\"equals\": 5}}}");
        Path misspelt = Files.writeString(dir.resolve("misspelt.json"), "{\"task\": \"squares\", \"squares\": {\"count\": 2},"
                + " \"expect\": {\"summ\": {\"equals\": 5}}}");

        String[] validate = launch("validate", bound.toString(), unlucky.toString(), good.toString(), misspelt.toString());
        String[] run = launch("run", "--quiet", "--runs", dir.resolve("runs").toString(), good.toString(), unlucky.toString());

        assertThat(validate[0]).isEqualTo("2");
        assertThat(validate[2]).contains("bound.json:1:42: at $.squares.count: count must be in [1, 1000], found 0")
                .contains("at $.squares.scal: unknown key 'scal'").contains("(did you mean 'scale'?)")
                .contains("unlucky.json:1:42: at $.squares.count: 13 squares are unlucky");
        assertThat(validate[1]).contains("good.json: valid (task squares)");
        // An expectation names a result the task declares; a typo is found before anything runs.
        assertThat(validate[2]).contains("misspelt.json:1:65: at $.expect.summ: task 'squares' produces no result 'summ';"
                + " its results are: sum (did you mean 'sum'?)");
        // Every file is checked before the first one runs.
        assertThat(run[0]).isEqualTo("2");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void describeListsItsSectionWithTypesBoundsAndDefaults() {
        String[] describe = launch("describe", "squares");

        assertThat(describe[0]).isEqualTo("0");
        assertThat(describe[1]).contains("task 'squares': Sums the first squares.")
                .containsPattern("squares +object +required +Which squares to sum\\.")
                .containsPattern("count +integer in \\[1, 1000\\] +required +How many squares\\.")
                .containsPattern("scale +number > 0 +1\\.0 +What each square is multiplied by\\.");
    }

    @Test
    void theSchemaAllowsItsSectionWithItAndNowhereElse() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(ExperimentSchema.generate(PLUGINS, TASKS).toString()
                .getBytes(StandardCharsets.UTF_8));

        assertThat(schema.at("/properties/task/enum").toString()).contains("\"squares\"");
        JsonNode rule = null;
        for (JsonNode r : schema.get("allOf")) {
            if (r.at("/if/properties/task/const").asText().equals("squares")) {
                rule = r;
            }
        }
        assertThat(rule).isNotNull();
        assertThat(rule.at("/then/required").toString()).isEqualTo("[\"squares\"]");
        assertThat(rule.at("/then/properties/squares/properties/count/minimum").asDouble()).isEqualTo(1.0);
        assertThat(rule.at("/then/properties/squares/properties/scale/exclusiveMinimum").asDouble()).isEqualTo(0.0);
        assertThat(schema.get("unevaluatedProperties").asBoolean()).isFalse();
    }
}
