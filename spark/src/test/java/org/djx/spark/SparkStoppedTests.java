package org.djx.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.djx.engine.data.DataCache;
import org.djx.engine.data.DataHub;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.report.RunFolder;
import org.djx.engine.run.ExperimentRunner;
import org.djx.engine.sweep.ExecutorStoppedException;
import org.djx.engine.tasks.BuiltInTasks;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark stopped in the middle of a sweep, as Ctrl-C stops it through Spark's own shutdown hook: the sweep stops, with
 * no trials.csv or best.json that would look final, and keeps the records a resume continues from. Its own context,
 * since it stops it.
 */
class SparkStoppedTests {
    private static boolean hasARecord(Path run) throws java.io.IOException {
        if (!Files.isDirectory(run.resolve("trials"))) {
            return false;
        }
        try (var records = Files.list(run.resolve("trials"))) {
            return records.anyMatch(p -> p.toString().endsWith(".json"));
        }
    }

    @Test
    void aSweepWhoseSparkStopsEndsWithoutATableAndKeepsItsRecords(@TempDir Path dir) throws Exception {
        PluginRegistry plugins = PluginLoader.load(List.of());
        Path file = Files.writeString(dir.resolve("line.json"), """
                {"task": "train", "name": "line", "seed": 1,
                 "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 8}, {"type": "relu"}, {"type": "linear", "outputs": 1}]},
                 "data": {"inputs": [[1], [2], [3], [4]], "targets": [[2], [4], [6], [8]]},
                 "loss": {"type": "mse"}, "optimizer": {"type": "adam", "lr": 0.01},
                 "training": {"epochs": 20000, "batch-size": 2},
                 "sweep": {"objective": {"result": "final-loss"},
                           "parameters": {"optimizer.lr": {"values": [0.001, 0.002, 0.004, 0.008, 0.016, 0.032]}}}}
                """);
        JavaSparkContext spark = new JavaSparkContext(new SparkConf().setMaster("local[1]").setAppName("djx stop test")
                .set("spark.ui.enabled", "false").set("spark.driver.bindAddress", "127.0.0.1").set("spark.driver.host", "127.0.0.1"));
        Path out = dir.resolve("run");
        Thread stopper = new Thread(() -> {
            try {
                // Once a run is recorded, stop Spark as its shutdown hook would.
                while (!hasARecord(out)) {
                    Thread.sleep(20);
                }
                spark.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        stopper.start();
        try {
            assertThatThrownBy(() -> new ExperimentRunner(CpuKernels::new, line -> { },
                    DataHub.fromPlugins(plugins, DataCache.fromEnvironment(System.getenv())))
                    .withThreads(1).withTrials(new SparkTrialExecutor(spark, new TrialTask()))
                    .run(new ExperimentReader(plugins, BuiltInTasks.registry()).read(file), RunFolder.at(out)))
                    .isInstanceOf(ExecutorStoppedException.class)
                    .hasMessage("Spark was stopped before the sweep ended; djx run --resume continues it");
        } finally {
            stopper.join(60_000);
            spark.stop();
        }
        // Stopped, not failed: as Ctrl-C leaves it, whichever of Spark's and djx's shutdown hooks comes first.
        assertThat(Files.readString(out.resolve("status.json"))).contains("\"status\" : \"INTERRUPTED\"");
        assertThat(out.resolve("trials.csv")).doesNotExist();
        assertThat(out.resolve("best.json")).doesNotExist();
        try (var records = Files.list(out.resolve("trials"))) {
            assertThat(records.filter(p -> p.toString().endsWith(".json")).count()).isBetween(1L, 5L);
        }
    }
}
