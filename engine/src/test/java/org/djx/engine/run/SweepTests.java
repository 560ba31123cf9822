package org.djx.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.djx.api.data.DataContext;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.json.InvalidDocumentException;
import org.djx.engine.report.RunFolder;
import org.djx.engine.report.RunResult;
import org.djx.engine.sweep.TrialExecutor;
import org.djx.engine.tasks.Experiments;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps end to end: every run against the same experiment run on its own, resumption, validation. */
class SweepTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** y = 2x + 1 with noise-free data: a line fitted by SGD, whose final loss depends on lr and epochs. */
    private static final String LINE = """
            {"task": "train", "name": "line", "seed": 3,
             "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
             "data": {"inputs": [[1], [2], [3], [4]], "targets": [[3], [5], [7], [9]]},
             "loss": {"type": "mse"}, "optimizer": {"type": "sgd", "lr": 0.01},
             "training": {"epochs": 20, "batch-size": 2}
             SWEEP}
            """;
    private static final String GRID = """
            , "sweep": {"objective": {"result": "final-loss"},
                        "parameters": {"optimizer.lr": {"values": [0.01, 0.05]}, "training.epochs": {"values": [10, 30, 60]}}}
            """;

    private static final DataContext NO_DATA = Experiments.NO_DATA;

    private static Experiment read(String json) {
        return Experiments.read("line.json", json);
    }

    private static LocalTrialExecutor local() {
        return new LocalTrialExecutor(Experiments.reader(), CpuKernels::new, NO_DATA);
    }

    private static RunResult sweep(Experiment e, Path out, int threads, TrialExecutor executor) {
        return new ExperimentRunner(CpuKernels::new, line -> { }, NO_DATA).withThreads(threads).withTrials(executor)
                .run(e, out == null ? null : RunFolder.at(out));
    }

    /** trials.csv without its wall times, which no two runs share. */
    private static List<String> tableWithoutSeconds(Path csv) throws Exception {
        List<String> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        int seconds = List.of(lines.get(0).split(",")).indexOf("seconds");
        for (String line : lines) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(seconds);
            rows.add(String.join(",", cells));
        }
        return rows;
    }

    @Test
    void aGridRunsEveryCombinationFirstParameterSlowestEachAsTheExperimentRunOnItsOwn(@TempDir Path dir) throws Exception {
        RunResult r = sweep(read(LINE.replace("SWEEP", GRID)), dir.resolve("run"), 2, local());

        double[] lrs = {0.01, 0.01, 0.01, 0.05, 0.05, 0.05};
        int[] epochs = {10, 30, 60, 10, 30, 60};
        double best = Double.POSITIVE_INFINITY;
        int bestTrial = 0;
        for (int t = 0; t < 6; t++) {
            String single = LINE.replace("SWEEP", "").replace("\"lr\": 0.01", "\"lr\": " + lrs[t])
                    .replace("\"epochs\": 20", "\"epochs\": " + epochs[t]);
            double alone = Experiments.run(read(single)).metric("final-loss");
            assertThat(r.metric("trial-" + (t + 1) + "/final-loss")).as("trial %d", t + 1).isEqualTo(alone);
            if (alone < best) {
                best = alone;
                bestTrial = t + 1;
            }
        }
        assertThat(r.metric("trials")).isEqualTo(6);
        assertThat(r.metric("completed-trials")).isEqualTo(6);
        assertThat(r.metric("best-trial")).isEqualTo(bestTrial);
        assertThat(r.metric("best/final-loss")).isEqualTo(best);
        assertThat(r.metric("best/optimizer.lr")).isEqualTo(lrs[bestTrial - 1]);
        assertThat(r.metric("best/training.epochs")).isEqualTo(epochs[bestTrial - 1]);

        List<String> table = Files.readAllLines(dir.resolve("run/trials.csv"));
        assertThat(table.get(0)).isEqualTo("rank,trial,optimizer.lr,training.epochs,final-loss,final-loss-std,epochs,status,seconds,message");
        assertThat(table).hasSize(7);
        assertThat(table.get(1)).startsWith("1," + bestTrial + ",");
        // Ranked: each row's loss is at least the one above it.
        double previous = Double.NEGATIVE_INFINITY;
        for (String row : table.subList(1, 7)) {
            double loss = Double.parseDouble(row.split(",")[4]);
            assertThat(loss).isGreaterThanOrEqualTo(previous);
            previous = loss;
        }
        assertThat(dir.resolve("run/trials")).isDirectoryContaining("glob:**/trial-00006-repeat-0.json");
        assertThat(dir.resolve("run/final-loss-vs-optimizer-lr.png")).isRegularFile();
        assertThat(dir.resolve("run/best-so-far.svg")).isRegularFile();
        assertThat(Files.readString(dir.resolve("run/report.html"))).contains("Trials, best first");
    }

    @Test
    void theNumbersDoNotDependOnTheThreadCount(@TempDir Path dir) throws Exception {
        Experiment e = read(LINE.replace("SWEEP", GRID));
        RunResult one = sweep(e, dir.resolve("one"), 1, local());
        RunResult two = sweep(e, dir.resolve("two"), 2, local());

        assertThat(two.metrics()).isEqualTo(one.metrics());
        assertThat(tableWithoutSeconds(dir.resolve("two/trials.csv"))).isEqualTo(tableWithoutSeconds(dir.resolve("one/trials.csv")));
    }

    /** Stands for the process dying: nothing after it runs, and nothing is cleaned up by the sweep. */
    private static final class Killed extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aSweepStoppedMidwayResumesFromItsRecordsToTheTableOfAnUninterruptedOne(@TempDir Path dir) throws Exception {
        Experiment e = read(LINE.replace("SWEEP", GRID.replace("\"objective\"", "\"repeats\": 2, \"objective\"")));
        sweep(e, dir.resolve("whole"), 1, local());

        AtomicInteger started = new AtomicInteger();
        TrialExecutor dying = request -> {
            if (started.incrementAndGet() > 5) {
                throw new Killed();
            }
            return local().run(request);
        };
        Path out = dir.resolve("stopped");
        assertThatThrownBy(() -> sweep(e, out, 1, dying)).isInstanceOf(Killed.class);
        try (var records = Files.list(out.resolve("trials"))) {
            assertThat(records.count()).isEqualTo(5);
        }
        assertThat(out.resolve("trials.csv")).doesNotExist();

        AtomicInteger ran = new AtomicInteger();
        TrialExecutor counting = request -> {
            ran.incrementAndGet();
            return local().run(request);
        };
        RunResult resumed = new ExperimentRunner(CpuKernels::new, line -> { }, NO_DATA).withThreads(2).withTrials(counting)
                .run(e, RunFolder.resume(out));

        assertThat(ran.get()).isEqualTo(12 - 5);
        assertThat(tableWithoutSeconds(out.resolve("trials.csv"))).isEqualTo(tableWithoutSeconds(dir.resolve("whole/trials.csv")));
        assertThat(resumed.metric("best/final-loss-std")).isEqualTo(JSON.readTree(dir.resolve("whole/summary.json").toFile())
                .get("results").get("best/final-loss-std").asDouble());
    }

    @Test
    void aFolderOfAnotherSweepIsRefusedInsteadOfMixed(@TempDir Path dir) {
        sweep(read(LINE.replace("SWEEP", GRID)), dir.resolve("run"), 1, local());
        Experiment other = read(LINE.replace("SWEEP", GRID).replace("\"batch-size\": 2", "\"batch-size\": 4"));

        assertThatThrownBy(() -> new ExperimentRunner(CpuKernels::new, line -> { }, NO_DATA).withTrials(local())
                .run(other, RunFolder.resume(dir.resolve("run"))))
                .hasMessageContaining("holds another sweep: its sweep.json differs from this file");
        // Refused before anything changed: the folder still continues its own sweep.
        assertThat(Files.exists(dir.resolve("run/trials.csv"))).isTrue();
        RunResult again = new ExperimentRunner(CpuKernels::new, line -> { }, NO_DATA).withTrials(local())
                .run(read(LINE.replace("SWEEP", GRID)), RunFolder.resume(dir.resolve("run")));
        assertThat(again.metric("completed-trials")).isEqualTo(6);
    }

    @Test
    void theResolvedSweepInTheRunFolderGivesTheSameResults(@TempDir Path dir) throws Exception {
        RunResult r = sweep(read(LINE.replace("SWEEP", GRID)), dir.resolve("run"), 2, local());

        Experiment resolved = Experiments.reader().read(dir.resolve("run/experiment.json"));
        assertThat(resolved.sweep().requests()).hasSize(6);
        assertThat(sweep(resolved, null, 1, local()).metrics()).isEqualTo(r.metrics());
    }

    @Test
    void whenEveryTrialFailsTheSweepFailsAndAResumeRunsThemAgain(@TempDir Path dir) throws Exception {
        TrialExecutor broken = request -> new org.djx.engine.sweep.TrialOutcome(org.djx.engine.sweep.TrialOutcome.Status.FAILED,
                java.util.Map.of(), "the data file is gone", 0.1);
        Experiment e = read(LINE.replace("SWEEP", GRID));
        assertThatThrownBy(() -> sweep(e, dir.resolve("run"), 2, broken)).isInstanceOf(org.djx.api.ConfigurationException.class)
                .hasMessageContaining("no trial of the sweep completed; trial 1 failed: the data file is gone");
        assertThat(JSON.readTree(dir.resolve("run/status.json").toFile()).get("status").asText()).isEqualTo("FAILED");

        AtomicInteger ran = new AtomicInteger();
        RunResult resumed = new ExperimentRunner(CpuKernels::new, line -> { }, NO_DATA).withTrials(request -> {
            ran.incrementAndGet();
            return local().run(request);
        }).run(e, RunFolder.resume(dir.resolve("run")));
        assertThat(ran.get()).isEqualTo(6);
        assertThat(resumed.metric("completed-trials")).isEqualTo(6);
    }

    @Test
    void withHalvingOnlyAPointThatTrainedForTheFullBudgetCanBeTheBest(@TempDir Path dir) {
        // Points that reach the last rung all fail there: no best, rather than a best that best.json would not reproduce.
        Experiment e = read(LINE.replace("SWEEP", HALVING).replace("\"epochs\": 20", "\"epochs\": 18"));
        TrialExecutor lastRungFails = request -> request.rung() == 3
                ? new org.djx.engine.sweep.TrialOutcome(org.djx.engine.sweep.TrialOutcome.Status.DIVERGED,
                        java.util.Map.of("final-loss", Double.NaN), "the loss became NaN in epoch 12", 0.1)
                : local().run(request);

        RunResult r = sweep(e, dir.resolve("run"), 2, lastRungFails);

        assertThat(r.diverged()).isTrue();
        assertThat(r.metric("best-trial")).isNaN();
        assertThat(dir.resolve("run/best.json")).doesNotExist();
    }

    @Test
    void bestJsonRunsOnItsOwnToTheBestScoreBitForBit(@TempDir Path dir) throws Exception {
        RunResult r = sweep(read(LINE.replace("SWEEP", GRID)), dir.resolve("run"), 2, local());

        Experiment best = Experiments.reader().read(dir.resolve("run/best.json"));
        assertThat(best.sweep()).isNull();
        assertThat(Experiments.run(best).metric("final-loss")).isEqualTo(r.metric("best/final-loss"));
    }

    @Test
    void aRunThatDivergesIsRecordedAndTheSweepGoesOn(@TempDir Path dir) throws Exception {
        String sweep = """
                , "sweep": {"objective": {"result": "final-loss"}, "parameters": {"optimizer.lr": {"values": [0.01, 1e6]}}}
                """;
        RunResult r = sweep(read(LINE.replace("SWEEP", sweep)), dir.resolve("run"), 2, local());

        assertThat(r.metric("trials")).isEqualTo(2);
        assertThat(r.metric("completed-trials")).isEqualTo(1);
        assertThat(r.metric("best-trial")).isEqualTo(1);
        List<String> table = Files.readAllLines(dir.resolve("run/trials.csv"));
        assertThat(table.get(2)).startsWith(",2,1000000.0,,,").contains(",DIVERGED,");
    }

    private static final String HALVING = """
            , "sweep": {"objective": {"result": "final-loss"}, "scheduler": {"type": "halving", "min-epochs": 2, "reduction": 3},
                        "parameters": {"optimizer.lr": {"values": [0.001, 0.003, 0.01, 0.02, 0.03, 0.05]}}}
            """;

    @Test
    void successiveHalvingTrainsTheBestThirdThreeTimesAsLongAtEachRung(@TempDir Path dir) throws Exception {
        // 18 epochs in all: rungs of 2, 6 and 18 epochs; 6 points, then the best 2, then the best 1.
        Experiment e = read(LINE.replace("SWEEP", HALVING).replace("\"epochs\": 20", "\"epochs\": 18"));
        assertThat(e.sweep().rungs()).containsExactly(2, 6, 18);
        RunResult r = sweep(e, dir.resolve("run"), 2, local());

        double[] lrs = {0.001, 0.003, 0.01, 0.02, 0.03, 0.05};
        java.util.Map<Integer, Double> atTwo = new java.util.TreeMap<>();
        for (int t = 0; t < 6; t++) {
            atTwo.put(t + 1, alone(lrs[t], 2));
        }
        List<Integer> second = atTwo.entrySet().stream().sorted(java.util.Map.Entry.comparingByValue()).limit(2)
                .map(java.util.Map.Entry::getKey).toList();
        int third = alone(lrs[second.get(0) - 1], 6) <= alone(lrs[second.get(1) - 1], 6) ? second.get(0) : second.get(1);
        int other = second.get(0) == third ? second.get(1) : second.get(0);

        assertThat(r.metric("best-trial")).isEqualTo(third);
        assertThat(r.metric("best/final-loss")).isEqualTo(alone(lrs[third - 1], 18));
        assertThat(r.metric("trial-" + other + "/final-loss")).isEqualTo(alone(lrs[other - 1], 6));
        for (int t = 1; t <= 6; t++) {
            if (!second.contains(t)) {
                assertThat(r.metric("trial-" + t + "/final-loss")).as("trial %d stops at rung 1", t).isEqualTo(atTwo.get(t));
            }
        }
        try (var records = Files.list(dir.resolve("run/trials"))) {
            assertThat(records.count()).isEqualTo(6 + 2 + 1);
        }
        List<String> table = Files.readAllLines(dir.resolve("run/trials.csv"));
        assertThat(table.get(0)).contains(",epochs,rung,status,");
        assertThat(table.get(1)).startsWith("1," + third + ",").contains(",18.0,3,COMPLETED,");
        assertThat(table.get(2)).startsWith("2," + other + ",").contains(",6.0,2,COMPLETED,");
        // best.json trains for the experiment's own epochs, the last rung's.
        Experiment best = Experiments.reader().read(dir.resolve("run/best.json"));
        assertThat(Experiments.run(best).metric("final-loss")).isEqualTo(r.metric("best/final-loss"));
    }

    @Test
    void aHalvingSweepStoppedInItsSecondRungResumesToTheSameTable(@TempDir Path dir) throws Exception {
        Experiment e = read(LINE.replace("SWEEP", HALVING).replace("\"epochs\": 20", "\"epochs\": 18"));
        sweep(e, dir.resolve("whole"), 2, local());
        AtomicInteger started = new AtomicInteger();
        TrialExecutor dying = request -> {
            if (started.incrementAndGet() > 7) {
                throw new Killed();
            }
            return local().run(request);
        };
        Path out = dir.resolve("stopped");
        assertThatThrownBy(() -> sweep(e, out, 1, dying)).isInstanceOf(Killed.class);

        new ExperimentRunner(CpuKernels::new, line -> { }, NO_DATA).withThreads(2).withTrials(local()).run(e, RunFolder.resume(out));

        assertThat(tableWithoutSeconds(out.resolve("trials.csv"))).isEqualTo(tableWithoutSeconds(dir.resolve("whole/trials.csv")));
    }

    /** The final loss of the line experiment run on its own with this learning rate and number of epochs. */
    private static double alone(double lr, int epochs) {
        return Experiments.run(read(LINE.replace("SWEEP", "").replace("\"lr\": 0.01", "\"lr\": " + lr)
                .replace("\"epochs\": 20", "\"epochs\": " + epochs))).metric("final-loss");
    }

    @Test
    void aRandomSearchDrawsTheSamePointsForTheSameSeedWithinEachDomain() throws Exception {
        String sweep = """
                , "sweep": {"method": "random", "trials": 40, "objective": {"result": "final-loss"},
                  "parameters": {"optimizer.lr": {"log-uniform": [0.001, 0.1]}, "training.epochs": {"int-uniform": [5, 9]},
                                 "training.batch-size": {"choice": [1, 2, 4]}}}
                """;
        Experiment a = read(LINE.replace("SWEEP", sweep));
        Experiment b = read(LINE.replace("SWEEP", sweep));
        Experiment other = read(LINE.replace("SWEEP", sweep).replace("\"seed\": 3", "\"seed\": 4"));

        assertThat(a.sweep().points()).isEqualTo(b.sweep().points()).isNotEqualTo(other.sweep().points());
        List<Integer> epochs = new ArrayList<>();
        int belowHundredth = 0;
        for (var point : a.sweep().points()) {
            double lr = point.get("optimizer.lr").doubleValue();
            assertThat(lr).isBetween(0.001, 0.1);
            belowHundredth += lr < 0.01 ? 1 : 0;
            JsonNode e = point.get("training.epochs");
            assertThat(e.isIntegralNumber()).isTrue();
            epochs.add(e.intValue());
            assertThat(point.get("training.batch-size").intValue()).isIn(1, 2, 4);
        }
        assertThat(epochs).allMatch(v -> v >= 5 && v <= 9).contains(5, 9);
        // Log-uniform: half the draws fall in each decade; 40 draws put 10 to 30 below 0.01 with probability > 0.99.
        assertThat(belowHundredth).isBetween(10, 30);
    }

    @Test
    void aPathThatNamesNothingIsReportedWithTheKeysThatAreThere() {
        String sweep = """
                , "sweep": {"objective": {"result": "final-loss"}, "parameters": {"optimiser.lr": {"values": [0.1]},
                  "model.layers[3].outputs": {"values": [2]}}}
                """;
        assertThatThrownBy(() -> read(LINE.replace("SWEEP", sweep))).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("line.json:6:")
                .hasMessageContaining("at $.sweep.parameters['optimiser.lr']: 'optimiser.lr' names nothing in the experiment:"
                        + " the experiment has no key 'optimiser' (did you mean 'optimizer'?)")
                .hasMessageContaining("'model.layers[3].outputs' names nothing in the experiment: model.layers has 1 element,"
                        + " [0] to [0]; there is no [3]");
    }

    @Test
    void aPointThatMakesAnInvalidExperimentIsReportedWithItsCoordinates() {
        String sweep = """
                , "sweep": {"objective": {"result": "final-los"}, "parameters": {"optimizer.lr": {"values": [0.1, -1]}}}
                """;
        assertThatThrownBy(() -> read(LINE.replace("SWEEP", sweep))).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("task 'train' produces no result 'final-los'")
                .hasMessageContaining("(did you mean 'final-loss'?)");
        String fixed = sweep.replace("final-los\"", "final-loss\"");
        assertThatThrownBy(() -> read(LINE.replace("SWEEP", fixed))).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("at $.sweep.parameters['optimizer.lr'].values[1]: trial 2 (optimizer.lr = -1) is not a valid experiment:"
                        + " at $.optimizer.lr:");
    }

    @Test
    void theSectionsOwnMistakesAreReportedTogether() {
        String sweep = """
                , "sweep": {"method": "grid", "trials": 3, "repeat": 2, "objective": {"result": "final-loss", "goal": "lowest"},
                  "parameters": {"optimizer.lr": {"log-uniform": [0.1, 0.01]}, "seed": {"values": [1, 2]}}}
                """;
        assertThatThrownBy(() -> read(LINE.replace("SWEEP", sweep))).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("'repeat'").hasMessageContaining("did you mean 'repeats'")
                .hasMessageContaining("lowest")
                .hasMessageContaining("low 0.1 must be below high 0.01")
                .hasMessageContaining("a sweep cannot vary 'seed'; use \"repeats\"");
        String random = """
                , "sweep": {"method": "random", "objective": {"result": "final-loss"},
                  "parameters": {"optimizer.lr": {"uniform": [0.01, 0.1]}}}
                """;
        assertThatThrownBy(() -> read(LINE.replace("SWEEP", random))).hasMessageContaining("a random search needs the number of"
                + " points to draw, such as \"trials\": 20");
        String grid = """
                , "sweep": {"objective": {"result": "final-loss"}, "parameters": {"optimizer.lr": {"uniform": [0.01, 0.1]}}}
                """;
        assertThatThrownBy(() -> read(LINE.replace("SWEEP", grid))).hasMessageContaining("a grid needs a list of values, but"
                + " 'optimizer.lr' has a uniform distribution");
    }
}
