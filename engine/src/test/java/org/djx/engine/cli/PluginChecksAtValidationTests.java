package org.djx.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.djx.api.Parameter;
import org.djx.api.data.DataContext;
import org.djx.api.data.Dataset;
import org.djx.api.data.NumericColumn;
import org.djx.api.data.Table;
import org.djx.api.spi.DatasetSource;
import org.djx.api.spi.Config;
import org.djx.api.spi.Loss;
import org.djx.api.spi.LossFactory;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.tasks.BuiltInTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loss or optimizer that refuses values valid one by one but not together ({@code config.error}) is
 * refused by {@code validate}, and by {@code run} before the first file runs, not when its turn comes.
 */
class PluginChecksAtValidationTests {
    /** A squared error on predictions clipped to [low, high]; low must be below high. */
    public static final class ClippedLossFactory implements LossFactory {
        @Override
        public String name() {
            return "clipped";
        }

        @Override
        public String description() {
            return "Squared error of predictions clipped to [low, high].";
        }

        @Override
        public List<ParameterSpec> configuration() {
            return List.of(ParameterSpec.number("low", "Lower clip.").withDefault(0.0),
                    ParameterSpec.number("high", "Upper clip.").withDefault(1.0));
        }

        @Override
        public Loss create(Config config) {
            if (config.number("low") >= config.number("high")) {
                throw config.error("high", "high must exceed low, found low = " + config.number("low"));
            }
            return (predictions, targets, weights, gradient) -> 0;
        }
    }

    /** Plain gradient descent whose Nesterov variant needs a momentum. */
    public static final class StepperOptimizerFactory implements OptimizerFactory {
        @Override
        public String name() {
            return "stepper";
        }

        @Override
        public String description() {
            return "Gradient descent.";
        }

        @Override
        public List<ParameterSpec> configuration() {
            return List.of(ParameterSpec.number("momentum", "Momentum.").withDefault(0.0).atLeast(0).lessThan(1),
                    ParameterSpec.bool("nesterov", "Nesterov's look-ahead.").withDefault(false));
        }

        @Override
        public Optimizer create(Config config, List<Parameter> parameters) {
            if (config.bool("nesterov") && config.number("momentum") == 0) {
                throw config.error("nesterov", "Nesterov's look-ahead needs a momentum > 0");
            }
            return () -> { };
        }
    }

    /** A generated dataset whose rows must be at least 10. */
    public static final class PickyDatasetSource implements DatasetSource {
        @Override
        public String name() {
            return "picky";
        }

        @Override
        public String description() {
            return "Rows of y = x.";
        }

        @Override
        public List<ParameterSpec> configuration() {
            return List.of(ParameterSpec.integer("rows", "How many rows.").withDefault(20).atLeast(1));
        }

        @Override
        public void check(Config config) {
            if (config.integer("rows") < 10) {
                throw config.error("rows", "fewer than 10 rows cannot fill 5 folds of 2");
            }
        }

        @Override
        public Dataset load(Config config, DataContext context) {
            double[] x = new double[config.integer("rows")];
            java.util.Arrays.setAll(x, i -> i + 1);
            return Dataset.of(new Table(List.of(new NumericColumn("x", x), new NumericColumn("y", x))), "y");
        }
    }

    private static final PluginRegistry PLUGINS = plugins();

    private static PluginRegistry plugins() {
        List<PluginDescriptor> all = new ArrayList<>(PluginLoader.load(List.of()).all());
        all.add(PluginDescriptor.of(PluginKind.LOSS, new ClippedLossFactory()));
        all.add(PluginDescriptor.of(PluginKind.OPTIMIZER, new StepperOptimizerFactory()));
        all.add(PluginDescriptor.of(PluginKind.DATASET, new PickyDatasetSource()));
        return PluginRegistry.of(all, List.of());
    }

    private static String experiment(String loss, String optimizer) {
        return """
                {"task": "train",
                 "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                 "data": {"inputs": [[1], [2]], "targets": [[2], [4]]},
                 "loss": LOSS,
                 "optimizer": OPTIMIZER,
                 "training": {"epochs": 2}}
                """.replace("LOSS", loss).replace("OPTIMIZER", optimizer);
    }

    private static String[] launch(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(PLUGINS, BuiltInTasks.registry(), args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void validateReportsEachPluginsOwnRefusalAtItsKey(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), experiment("{\"type\": \"clipped\", \"low\": 2, \"high\": 1}",
                "{\"type\": \"stepper\", \"nesterov\": true}"));

        String[] validate = launch("validate", bad.toString());

        assertThat(validate[0]).isEqualTo("2");
        assertThat(validate[2]).contains("bad.json:4:48: at $.loss.high: high must exceed low, found low = 2.0")
                .contains("bad.json:5:47: at $.optimizer.nesterov: Nesterov's look-ahead needs a momentum > 0")
                .doesNotContain("\tat ");
    }

    @Test
    void runRefusesEveryFileBeforeTheFirstRuns(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.json"), experiment("{\"type\": \"clipped\"}",
                "{\"type\": \"stepper\", \"momentum\": 0.5, \"nesterov\": true}"));
        Path bad = Files.writeString(dir.resolve("bad.json"), experiment("{\"type\": \"clipped\"}",
                "{\"type\": \"stepper\", \"nesterov\": true}"));
        Path runs = dir.resolve("runs");

        String[] run = launch("run", "--runs", runs.toString(), good.toString(), bad.toString());
        String[] alone = launch("run", "--quiet", "--runs", runs.toString(), good.toString());

        assertThat(run[0]).isEqualTo("2");
        assertThat(run[2]).contains("at $.optimizer.nesterov: Nesterov's look-ahead needs a momentum > 0");
        assertThat(run[1]).doesNotContain("epoch");
        // The good file alone runs, so only the bad one stopped the first run.
        assertThat(alone[0]).isEqualTo("0");
        try (var folders = Files.list(runs)) {
            assertThat(folders.toList()).hasSize(1);
        }
    }

    @Test
    void aDatasetSourceChecksItsConfigurationBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("picky.json"), """
                {"task": "k-fold",
                 "dataset": {"type": "picky", "rows": 4},
                 "preprocessing": {"steps": []},
                 "model": {"layers": [{"type": "linear", "outputs": 1}]},
                 "loss": {"type": "mse"}, "optimizer": {"type": "sgd", "lr": 0.01}, "training": {"epochs": 1, "metric": "rmse"},
                 "validation": {"folds": 2}}
                """);

        String[] validate = launch("validate", file.toString());

        assertThat(validate[0]).isEqualTo("2");
        assertThat(validate[2]).contains("picky.json:2:39: at $.dataset.rows: fewer than 10 rows cannot fill 5 folds of 2");
    }

    @Test
    void aPluginsRefusalIsReportedAlongsideTheFilesOtherProblems(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("both.json"), experiment("{\"type\": \"clipped\", \"low\": 2, \"high\": 1}",
                "{\"type\": \"sgd\", \"lr\": 0.1}").replace("\"epochs\": 2", "\"epochs\": 2, \"epoch\": 1"));

        String[] validate = launch("validate", file.toString());

        assertThat(validate[0]).isEqualTo("2");
        assertThat(validate[2]).contains("2 problems").contains("at $.training.epoch: unknown key 'epoch'")
                .contains("at $.loss.high: high must exceed low");
    }
}
