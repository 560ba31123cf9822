package org.djx.engine.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.djx.api.DataException;
import org.djx.api.data.DataContext;
import org.djx.api.data.Dataset;
import org.djx.api.data.NumericColumn;
import org.djx.api.data.Table;
import org.djx.api.spi.Config;
import org.djx.api.spi.DatasetSource;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.report.RunResult;
import org.junit.jupiter.api.Test;

/** The metric meets the dataset's targets: log-rmse needs positive ones, which a dataset of any finite targets may not have. */
class TabularTargetsTests {
    /** y = x - 10.5 for x = 1 .. 20: ten targets below zero, and a dataset rule that allows any finite target. */
    public static final class CenteredSource implements DatasetSource {
        @Override
        public String name() {
            return "centered";
        }

        @Override
        public String description() {
            return "y = x - 10.5.";
        }

        @Override
        public Dataset load(Config config, DataContext context) {
            double[] x = new double[20];
            double[] y = new double[20];
            for (int i = 0; i < 20; i++) {
                x[i] = i + 1;
                y[i] = x[i] - 10.5;
            }
            return Dataset.of(new Table(List.of(new NumericColumn("x", x), new NumericColumn("y", y))), "y");
        }
    }

    private static Experiment read(String metric) {
        List<PluginDescriptor> all = new ArrayList<>(PluginLoader.load(List.of()).all());
        all.add(PluginDescriptor.of(PluginKind.DATASET, new CenteredSource()));
        String json = """
                {"task": "k-fold", "dataset": {"type": "centered"}, "preprocessing": {"steps": [{"type": "standardize"}]},
                 "model": {"layers": [{"type": "linear", "outputs": 1}]},
                 "loss": {"type": "mse"}, "optimizer": {"type": "sgd", "lr": 0.1},
                 "training": {"epochs": 300, "batch-size": 10, "metric": "METRIC"}, "validation": {"folds": 2}}
                """.replace("METRIC", metric);
        return new ExperimentReader(PluginRegistry.of(all, List.of()), BuiltInTasks.registry())
                .read(JsonDocument.parse("centered.json", json.getBytes(StandardCharsets.UTF_8)), Path.of("centered.json"));
    }

    @Test
    void logRmseOnTargetsBelowZeroIsAClearErrorBeforeAnyFit() {
        List<String> lines = new ArrayList<>();

        DataException e = catchThrowableOfType(DataException.class, () -> Experiments.runner(lines::add).run(read("log-rmse")));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo("the metric log-rmse takes the logarithm of each target, but the target column 'y'"
                + " is -9.5 in training row 1; use \"metric\": \"rmse\" in the training section");
        assertThat(lines).noneMatch(l -> l.startsWith("fold "));
    }

    @Test
    void rmseOnTheSameTargetsFitsTheLine() {
        RunResult r = Experiments.run(read("rmse"));

        // y = x - 10.5 is a straight line in standardized x too, so the fit converges to it, and even the
        // validation half, which lies outside the training half's range, is predicted to within a few hundredths.
        assertThat(r.metric("avg-train-rmse")).isLessThan(0.01);
        assertThat(r.metric("avg-valid-rmse")).isLessThan(0.05);
    }
}
