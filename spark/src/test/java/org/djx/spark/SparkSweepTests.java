package org.djx.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.djx.engine.data.DataCache;
import org.djx.engine.data.DataHub;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.report.RunFolder;
import org.djx.engine.report.RunResult;
import org.djx.engine.run.ExperimentRunner;
import org.djx.engine.run.LocalTrialExecutor;
import org.djx.engine.sweep.TrialCodec;
import org.djx.engine.tasks.BuiltInTasks;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps whose runs are Spark tasks, on one SparkContext in local mode with retries ({@code local[2,3]}: two cores, a
 * task tried up to three times), against the same sweeps on the local executor: trials.csv and best.json must be the
 * same, run for run and bit for bit. The standalone cluster, with an executor killed, is tested end to end through
 * ./djx in the distribution module.
 */
class SparkSweepTests {
    private static final PluginRegistry PLUGINS = PluginLoader.load(List.of());
    private static JavaSparkContext spark;

    /** An MLP with dropout and shuffled batches, so that every run draws from its random streams. */
    private static final String LINE = """
            {"task": "train", "name": "noisy-line", "seed": 5,
             "model": {"inputs": 2, "layers": [{"type": "linear", "outputs": 16}, {"type": "relu"}, {"type": "dropout", "p": 0.2},
                                                {"type": "linear", "outputs": 1}]},
             "data": {"inputs": [[1, 0], [2, 1], [3, 0], [4, 1], [5, 0], [6, 1], [7, 0], [8, 1]],
                      "targets": [[2.1], [4.9], [6.2], [8.8], [10.1], [13.2], [14.0], [16.9]]},
             "loss": {"type": "mse"}, "optimizer": {"type": "adam", "lr": 0.01},
             "training": {"epochs": 300, "batch-size": 3},
             "sweep": {"repeats": 2, "objective": {"result": "final-loss"},
                       "parameters": {"optimizer.lr": {"values": [0.003, 0.01, 0.03, 0.1]}}}}
            """;

    @BeforeAll
    static void startSpark() {
        // Everything on the loopback address, and no web UI: nothing a test needs listens beyond this machine.
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2,3]").setAppName("djx spark tests")
                .set("spark.ui.enabled", "false").set("spark.driver.bindAddress", "127.0.0.1").set("spark.driver.host", "127.0.0.1"));
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static Experiment read(Path file) {
        return new ExperimentReader(PLUGINS, BuiltInTasks.registry()).read(file);
    }

    private static DataHub hub() {
        return DataHub.fromPlugins(PLUGINS, DataCache.fromEnvironment(System.getenv()));
    }

    /** Runs the sweep as djx run does, its runs in this JVM. */
    private static RunResult locally(Experiment sweep, Path out) {
        return new ExperimentRunner(CpuKernels::new, line -> { }, hub()).withThreads(2)
                .withTrialsFrom(recording -> new LocalTrialExecutor(new ExperimentReader(PLUGINS, BuiltInTasks.registry()),
                        CpuKernels::new, recording))
                .run(sweep, RunFolder.at(out));
    }

    /** Runs the sweep with its runs as Spark tasks, each through {@code task}. */
    private static RunResult onSpark(Experiment sweep, Path out, Function<String, String> task) {
        SparkTrialExecutor executor = new SparkTrialExecutor(spark, task);
        return new ExperimentRunner(CpuKernels::new, line -> { }, hub()).withThreads(executor.parallelism())
                .withTrialsElsewhere(executor).run(sweep, RunFolder.at(out));
    }

    /** trials.csv without its wall times, which no two runs share. */
    static List<String> withoutSeconds(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        int seconds = List.of(lines.get(0).split(",")).indexOf("seconds");
        List<String> rows = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(seconds);
            rows.add(String.join(",", cells));
        }
        return rows;
    }

    private static void assertSameSweep(Path local, Path spark) throws Exception {
        assertThat(withoutSeconds(spark.resolve("trials.csv"))).isEqualTo(withoutSeconds(local.resolve("trials.csv")));
        if (Files.exists(local.resolve("best.json"))) {
            assertThat(Files.readString(spark.resolve("best.json"))).isEqualTo(Files.readString(local.resolve("best.json")));
        }
    }

    @Test
    void aSweepOnSparkGivesTheTableOfTheLocalExecutorBitForBit(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("noisy-line.json"), LINE);

        RunResult local = locally(read(file), dir.resolve("local"));
        RunResult onSpark = onSpark(read(file), dir.resolve("spark"), new TrialTask());

        // A row per point, its two seeds' mean and deviation.
        assertThat(withoutSeconds(dir.resolve("spark/trials.csv"))).hasSize(5).filteredOn(row -> !row.startsWith("rank"))
                .allMatch(row -> row.contains("COMPLETED"));
        assertSameSweep(dir.resolve("local"), dir.resolve("spark"));
        assertThat(onSpark.metrics()).isEqualTo(local.metrics());
    }

    /** Writes a small regression table beside a k-fold sweep that names it by a relative path. */
    private static Path tableSweep(Path dir) throws Exception {
        Random random = new Random(3);
        StringBuilder csv = new StringBuilder("id,a,b,y\n");
        for (int r = 0; r < 120; r++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%d,%.5f,%.5f,%.5f%n", r, a, b, 3 + a - 2 * b + 0.1 * random.nextGaussian()));
        }
        Files.createDirectories(dir.resolve("tables"));
        Files.writeString(dir.resolve("tables/rows.csv"), csv);
        return Files.writeString(dir.resolve("table-sweep.json"), """
                {"task": "k-fold", "seed": 2,
                 "dataset": {"type": "csv", "train": "tables/rows.csv", "target": "y", "id": "id"},
                 "preprocessing": {"steps": [{"type": "standardize"}]},
                 "model": {"layers": [{"type": "linear", "outputs": 8}, {"type": "relu"}, {"type": "linear", "outputs": 1}]},
                 "loss": {"type": "mse"}, "optimizer": {"type": "adam", "lr": 0.01},
                 "training": {"epochs": 30, "batch-size": 16, "metric": "rmse"},
                 "validation": {"folds": 3},
                 "sweep": {"objective": {"result": "avg-valid-rmse"},
                           "parameters": {"optimizer.lr": {"values": [0.003, 0.03]}}}}
                """);
    }

    @Test
    void aSweepOfATableBesideItsFileReadsTheSameRowsOnTheExecutors(@TempDir Path dir, @TempDir Path elsewhere) throws Exception {
        Path file = tableSweep(dir);

        locally(read(file), dir.resolve("local"));
        onSpark(read(file), elsewhere.resolve("spark"), new TrialTask());

        assertThat(withoutSeconds(elsewhere.resolve("spark/trials.csv"))).hasSize(3).filteredOn(row -> !row.startsWith("rank"))
                .allMatch(row -> row.contains("COMPLETED"));
        assertSameSweep(dir.resolve("local"), elsewhere.resolve("spark"));
        // The executors read the table; their outcomes named it, and the sweep's provenance lists it as the local one does.
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var local = json.readTree(dir.resolve("local/provenance.json").toFile()).get("local-files");
        var spark = json.readTree(elsewhere.resolve("spark/provenance.json").toFile()).get("local-files");
        assertThat(local).hasSize(1);
        assertThat(spark).isEqualTo(local);
    }

    @Test
    void aHubFileMissingOnTheExecutorFailsThatRunWithTheMessageItGivesLocally(@TempDir Path dir) throws Exception {
        tableSweep(dir);
        Path file = Files.writeString(dir.resolve("absent.json"), """
                {"task": "k-fold", "seed": 2,
                 "data-hub": {"djx-spark-test-absent": {"file": "djx-spark-test-absent.csv",
                                                         "sha1": "0123456789abcdef0123456789abcdef01234567"}},
                 "dataset": {"type": "csv", "train": "tables/rows.csv", "target": "y", "id": "id"},
                 "preprocessing": {"steps": [{"type": "standardize"}]},
                 "model": {"layers": [{"type": "linear", "outputs": 1}]},
                 "loss": {"type": "mse"}, "optimizer": {"type": "adam"},
                 "training": {"epochs": 2, "metric": "rmse"}, "validation": {"folds": 2},
                 "sweep": {"objective": {"result": "avg-valid-rmse"},
                           "parameters": {"dataset.train": {"values": ["tables/rows.csv", "hub:djx-spark-test-absent"]}}}}
                """);

        locally(read(file), dir.resolve("local"));
        onSpark(read(file), dir.resolve("spark"), new TrialTask());

        List<String> rows = withoutSeconds(dir.resolve("spark/trials.csv"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2)).contains("FAILED").contains("data-hub file 'djx-spark-test-absent' is not in the cache folder");
        assertSameSweep(dir.resolve("local"), dir.resolve("spark"));
    }

    /** Fails the first attempt of every run of trial 2, as a lost executor or a broken node would. */
    static final class FirstAttemptOfTrial2Fails implements Function<String, String> {
        private static final long serialVersionUID = 1L;
        static final AtomicInteger FAILED = new AtomicInteger();

        @Override
        public String call(String request) throws Exception {
            if (TrialCodec.readRequest(request).trial() == 2 && TaskContext.get().attemptNumber() == 0) {
                FAILED.incrementAndGet();
                throw new IllegalStateException("injected: the first attempt of trial 2 fails");
            }
            return new TrialTask().call(request);
        }
    }

    @Test
    void aRunWhoseFirstAttemptFailsIsRetriedAndTheTableIsTheSame(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("noisy-line.json"), LINE);
        FirstAttemptOfTrial2Fails.FAILED.set(0);

        locally(read(file), dir.resolve("local"));
        onSpark(read(file), dir.resolve("spark"), new FirstAttemptOfTrial2Fails());

        // Trial 2 has two runs (repeats), each failed once and passed on its second attempt.
        assertThat(FirstAttemptOfTrial2Fails.FAILED.get()).isEqualTo(2);
        assertSameSweep(dir.resolve("local"), dir.resolve("spark"));
    }

    /** Fails every attempt of trial 3's first run. */
    static final class Trial3AlwaysFails implements Function<String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String call(String request) throws Exception {
            var r = TrialCodec.readRequest(request);
            if (r.trial() == 3 && r.repeat() == 0) {
                throw new IllegalStateException("injected: trial 3 fails on every node");
            }
            return new TrialTask().call(request);
        }
    }

    @Test
    void aRunThatFailsOnEveryAttemptIsRecordedAsFailedAndTheSweepGoesOn(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("noisy-line.json"), LINE);

        onSpark(read(file), dir.resolve("spark"), new Trial3AlwaysFails());

        List<String> rows = withoutSeconds(dir.resolve("spark/trials.csv"));
        assertThat(rows).hasSize(5);
        assertThat(rows.stream().filter(row -> row.contains("FAILED")).toList()).singleElement().asString()
                .contains(",3,").contains("Spark could not run it: Job aborted due to stage failure: Task 0 in stage")
                .contains("failed 3 times");
        assertThat(rows.stream().filter(row -> row.contains("COMPLETED"))).hasSize(3);
    }
}
