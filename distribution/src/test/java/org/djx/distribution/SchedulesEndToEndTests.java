package org.djx.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Learning-rate schedules through the launcher on the module path: the schedule kind is found, listed,
 * described and in the schema; a train run under one completes with a falling loss; a bad one exits 2.
 */
class SchedulesEndToEndTests {
    /** A linear fit of y = 2 x1 - x2 + 0.5, exact on these 12 rows, with AdamW under cosine annealing. */
    private static final String ADAMW_COSINE = """
            {"task": "train",
             "description": "A linear fit of y = 2 x1 - x2 + 0.5 with AdamW under cosine annealing.",
             "model": {"inputs": 2, "layers": [{"type": "linear", "outputs": 1}]},
             "data": {"inputs": [[0, 0], [1, 0], [0, 1], [1, 1], [2, 1], [1, 2], [-1, 0], [0, -1], [2, -1], [-1, 2], [0.5, 0.5], [-0.5, 1.5]],
                      "targets": [[0.5], [2.5], [-0.5], [1.5], [3.5], [0.5], [-1.5], [1.5], [5.5], [-3.5], [1.0], [-2.0]]},
             "loss": {"type": "mse"},
             "optimizer": {"type": "adamw", "lr": 0.1},
             "schedule": {"type": "cosine"},
             "training": {"epochs": 40, "batch-size": 4, "report-every": 10}}
            """;

    @Test
    void aTrainExperimentWithAdamwAndCosineRunsAndItsLossGoesDown(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("adamw-cosine.json"), ADAMW_COSINE);
        Path run = dir.resolve("run");

        Launcher.Result r = Launcher.djx("run", file.toString(), "--out", run.toString());

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("training on 12 examples with mse loss and adamw under the cosine schedule, at most 40"
                + " epochs, batch size 4").contains("stopped after 40 epochs: the epoch limit was reached");
        List<Double> losses = Files.readAllLines(run.resolve("metrics.csv")).stream().skip(1)
                .map(line -> line.split(",")).filter(f -> f[3].equals("loss")).map(f -> Double.parseDouble(f[4])).toList();
        assertThat(losses).hasSize(40);
        // Predictions start near 0, so the first epoch's loss is about the targets' mean square; a fit of an exact
        // linear rule ends far below it.
        assertThat(losses.get(0)).isGreaterThan(1);
        assertThat(losses.get(39)).isLessThan(losses.get(0) / 1000);
        assertThat(Files.readString(run.resolve("experiment.json"))).contains("\"schedule\" : {").contains("\"eta-min\" : 0.0");
        assertThat(Files.readString(run.resolve("provenance.json"))).containsPattern(
                "\"kind\" : \"schedule\",\\s*\"name\" : \"cosine\",\\s*\"module\" : \"org.djx.plugins.optim\"");
    }

    @Test
    void pluginsDescribeAndSchemaKnowTheScheduleKind(@TempDir Path dir) throws Exception {
        Launcher.Result plugins = Launcher.djx("plugins");
        Launcher.Result describe = Launcher.djx("describe", "linear-warmup");
        Launcher.Result task = Launcher.djx("describe", "k-fold");
        Path schema = dir.resolve("schema.json");
        Launcher.Result written = Launcher.djx("schema", "--out", schema.toString());

        assertThat(plugins.exitCode()).isZero();
        for (String name : List.of("step", "cosine", "linear-warmup")) {
            assertThat(plugins.out()).containsPattern("(?m)^schedule\\s+" + name + "\\s+org\\.djx\\.plugins\\.optim\\s+0\\.2\\.0\\s+\\S*djx-plugin-optim-0\\.2\\.0\\.jar$");
        }
        assertThat(plugins.out()).containsPattern("(?m)^optimizer\\s+adamw\\s+org\\.djx\\.plugins\\.optim\\s");
        assertThat(describe.out()).startsWith("schedule 'linear-warmup': ").contains("start-factor").contains("total-iters");
        assertThat(task.out()).containsPattern("(?m)^  schedule +schedule \\(cosine \\| linear-warmup \\| step\\) +optional ");
        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(Files.readString(schema)).contains("\"schedule\" : {").contains("\"$ref\" : \"#/$defs/schedule\"");
    }

    @Test
    void aBadScheduleExitsTwoWithItsPathAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), ADAMW_COSINE.replace("{\"type\": \"cosine\"}",
                "{\"type\": \"cosine\", \"t-max\": 0}").replace("{\"type\": \"adamw\", \"lr\": 0.1}",
                "{\"type\": \"sgd\", \"lr\": 0.1, \"nesterov\": true}"));

        Launcher.Result r = Launcher.djx("validate", file.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("2 problems")
                .contains(file + ":8:42: at $.schedule.t-max: t-max must be >= 1, found 0")
                .contains("at $.optimizer.nesterov: Nesterov momentum needs a momentum > 0 and dampening 0")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }
}
