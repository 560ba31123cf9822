package org.djx.engine.run;

import org.djx.engine.data.SharedDatasets;
import org.djx.engine.report.RunFolder;
import org.djx.engine.report.RunResult;
import org.djx.engine.tasks.BuiltInTasks;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** D2L 4.10 on the real Kaggle files, where this machine has them (CI points DJX_DATA at them). */
class HousePricesTests {
    private final List<String> lines = new ArrayList<>();

    private RunResult run(String name, Path out) {
        Path data = SharedDatasets.require();
        Experiment experiment = new ExperimentReader(PluginLoader.load(List.of()), BuiltInTasks.registry())
                .read(Path.of("..", "experiments", name + ".json"));
        return new ExperimentRunner(CpuKernels::new, lines::add, SharedDatasets.context(data)).run(experiment, RunFolder.at(out));
    }

    @Test
    void kFoldReproducesD2lsAverageValidLogRmse(@TempDir Path out) throws Exception {
        RunResult r = run("house-prices-kfold", out);

        assertThat(r.metric("features")).isEqualTo(331);
        assertThat(lines).filteredOn(l -> l.startsWith("fold ")).hasSize(5)
                .allMatch(l -> l.matches("fold [1-5], train log rmse 0\\.\\d{6}, valid log rmse 0\\.\\d{6}"));
        // D2L printed 0.170594; PyTorch gives 0.1708 on this machine.
        assertThat(r.metric("avg-valid-log-rmse")).isBetween(0.160, 0.180);
        assertThat(r.metric("avg-train-log-rmse")).isBetween(0.150, 0.180);
        assertThat(lines).anyMatch(l -> l.startsWith("5-fold validation: avg train log rmse: "));
        assertThat(out.resolve("folds.png")).exists();
        assertThat(out.resolve("folds.svg")).exists();
        assertThat(Files.readAllLines(out.resolve("metrics.csv"))).hasSize(1 + 5 * 100 * 2);
    }

    @Test
    void twoRunsOfTheKFoldFileWriteIdenticalMetrics(@TempDir Path out) throws Exception {
        run("house-prices-kfold", out.resolve("first"));
        run("house-prices-kfold", out.resolve("second"));

        assertThat(Files.readAllBytes(out.resolve("second/metrics.csv"))).isEqualTo(Files.readAllBytes(out.resolve("first/metrics.csv")));
        assertThat(Files.readString(out.resolve("second/experiment.json")))
                .isEqualTo(Files.readString(out.resolve("first/experiment.json")));
    }

    @Test
    void theGenericCsvSourceGivesTheKaggleSourcesNumbersBitForBit(@TempDir Path out) throws Exception {
        RunResult kaggle = run("house-prices-kfold", out.resolve("kaggle"));
        RunResult csv = run("house-prices-csv", out.resolve("csv"));

        assertThat(csv.metrics()).isEqualTo(kaggle.metrics());
        assertThat(Files.readAllBytes(out.resolve("csv/metrics.csv"))).isEqualTo(Files.readAllBytes(out.resolve("kaggle/metrics.csv")));
        assertThat(Files.readString(out.resolve("csv/preprocessing.txt"))).isEqualTo(Files.readString(out.resolve("kaggle/preprocessing.txt")));
    }

    @Test
    void submissionPredictsEveryTestRowWithAPositivePrice(@TempDir Path out) throws Exception {
        run("house-prices-submission", out);

        List<String> csv = Files.readAllLines(out.resolve("submission.csv"));
        assertThat(csv.get(0)).isEqualTo("Id,SalePrice");
        assertThat(csv).hasSize(1 + 1459);
        assertThat(csv.get(1)).startsWith("1461,");
        assertThat(csv.get(1459)).startsWith("2919,");
        for (String row : csv.subList(1, csv.size())) {
            double price = Double.parseDouble(row.split(",")[1]);
            assertThat(price).isFinite().isPositive();
        }
    }
}
