package org.djx.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTests {
    /** Maven runs each module's tests in the module's folder. */
    private static final String FORWARD_PASS = "../experiments/forward-pass.json";

    private record Outcome(int code, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        void hasNoStackTrace() {
            assertThat(err).doesNotContain("at org.").doesNotContain("at java.").doesNotContain("Exception")
                    .doesNotContain("internal error");
        }
    }

    private static Outcome djx(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void versionPrintsTheVersionAndExitsZero() {
        Outcome o = djx("--version");

        assertThat(o.code()).isZero();
        assertThat(o.outLines()).hasSize(2);
        assertThat(o.outLines().get(0)).startsWith("djx ");
        assertThat(o.outLines().get(1)).startsWith("Java " + Runtime.version());
        assertThat(o.err()).isEmpty();
    }

    @Test
    void runPrintsTheForwardPassOfTheShippedExperiment(@TempDir Path runs) {
        Outcome o = djx("run", FORWARD_PASS, "--runs", runs.toString());

        assertThat(o.code()).isZero();
        assertThat(o.outLines()).startsWith(
                "forward-pass: forward pass of 1 example through 6 layers",
                "Z1 = [0.57444252, 0.66818777, 0.75026011]",
                "Z2 = [0.62624937, 0.7710107]",
                "Y  = [0.31682708, 0.69627909]");
        assertThat(o.outLines()).filteredOn(l -> l.startsWith("expectation ")).hasSize(7).allMatch(l -> l.contains(": held ("));
        assertThat(o.err()).isEmpty();
    }

    @Test
    void aMisspeltPluginExitsTwoWithThePlaceAndTheChoicesAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path file = write(dir, "typo.json", """
                {
                  "task": "forward",
                  "model": {
                    "inputs": 2,
                    "layers": [
                      {"type": "linear", "outputs": 3},
                      {"type": "sigmiod"}
                    ]
                  },
                  "data": {"inputs": [[1, 2]]}
                }
                """);

        Outcome o = djx("run", file.toString());

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.out()).isEmpty();
        assertThat(o.err().strip()).isEqualTo(file + ":7:16: at $.model.layers[1].type: unknown layer 'sigmiod';"
                + " available: dropout, identity, linear, relu, sigmoid, tanh (did you mean 'sigmoid'?)");
        o.hasNoStackTrace();
    }

    @Test
    void validateReportsEveryProblemOfAFile(@TempDir Path dir) throws Exception {
        Path file = write(dir, "three.json", """
                {
                  "task": "train",
                  "model": {"inputs": 2, "layers": [{"type": "linaer", "outputs": 1}]},
                  "data": {"inputs": [[1, 2]], "targets": [[1]]},
                  "loss": {"type": "mse"},
                  "optimizer": {"type": "sgd", "lr": -1},
                  "training": {"epochs": "ten"}
                }
                """);

        Outcome o = djx("validate", file.toString());

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.out()).isEmpty();
        assertThat(o.err().lines().toList()).containsExactly(
                file + ": 3 problems",
                "  " + file + ":3:46: at $.model.layers[0].type: unknown layer 'linaer'; available: dropout, identity, linear,"
                        + " relu, sigmoid, tanh (did you mean 'linear'?)",
                "  " + file + ":6:38: at $.optimizer.lr: lr must be > 0, found -1.0",
                "  " + file + ":7:26: at $.training.epochs: expected an integer >= 1, found the string \"ten\"");
        o.hasNoStackTrace();
    }

    @Test
    void validateSaysWhichFilesAreValid() {
        Outcome o = djx("validate", FORWARD_PASS);

        assertThat(o.code()).isZero();
        assertThat(o.out().strip()).isEqualTo(Path.of(FORWARD_PASS) + ": valid (task forward, 6 layers)");
    }

    @Test
    void runChecksEveryFileBeforeRunningAny(@TempDir Path dir) throws Exception {
        Path bad = write(dir, "bad.json", "{\"task\": \"forward\"}");

        Outcome o = djx("run", FORWARD_PASS, bad.toString());

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.out()).as("the valid first file must not run").isEmpty();
        assertThat(o.err()).contains(bad.toString()).contains("missing section 'model'");
        o.hasNoStackTrace();
    }

    @Test
    void aMissingFileExitsTwo(@TempDir Path dir) {
        Path missing = dir.resolve("missing.json");

        Outcome o = djx("run", missing.toString());

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo(missing + ": no such file");
    }

    @Test
    void resumeRefusesWhatIsNotTheRunFolderOfASweepOrACheckpointedRunAndTouchesNothing(@TempDir Path dir) throws Exception {
        Outcome missing = djx("run", "--resume", dir.resolve("nothing-here").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--resume " + dir.resolve("nothing-here") + ": there is no such folder;"
                + " give the run folder of the run or sweep to continue").doesNotContain("Exception");

        Path plain = Files.createDirectory(dir.resolve("plain"));
        Path kept = write(plain, "summary.json", "{}");
        Outcome notASweep = djx("run", "--resume", plain.toString());
        assertThat(notASweep.code()).isEqualTo(2);
        assertThat(notASweep.err()).contains("--resume " + plain + ": there is nothing to resume here: this is not the run"
                + " folder of a sweep (it has no sweep.json) nor of a run that keeps checkpoints (it has no"
                + " checkpoints/experiment.json, which such a run writes as it starts; \"checkpoint-every\" in the training"
                + " section turns them on)").doesNotContain("Exception").doesNotContain("Usage:");
        try (var files = Files.list(plain)) {
            assertThat(files.toList()).containsExactly(kept);
        }
        assertThat(Files.readString(kept)).isEqualTo("{}");

        Outcome file = djx("run", "--resume", kept.toString());
        assertThat(file.code()).isEqualTo(2);
        assertThat(file.err()).contains(": this is a file;");
    }

    @Test
    void anExecutorThatIsNotInstalledOrAMasterWithoutOneIsAUsageError(@TempDir Path dir) throws Exception {
        Outcome unknown = djx("run", "--executor", "spark", "--master", "local[2]", dir.resolve("sweep.json").toString());
        assertThat(unknown.code()).isEqualTo(2);
        // Here, on the engine's own class path, djx-spark is not installed.
        assertThat(unknown.err()).contains("--executor spark: no such executor here; installed: local. The spark executor runs"
                + " on the class path with Spark's jars").doesNotContain("Exception");

        Outcome masterAlone = djx("run", "--master", "local[2]", dir.resolve("sweep.json").toString());
        assertThat(masterAlone.code()).isEqualTo(2);
        assertThat(masterAlone.err()).contains("--master names a cluster for --executor spark; add --executor spark, or leave"
                + " --master out").contains("Usage: djx run");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void trialRefusesStandardInputThatIsNotARequest() {
        java.io.InputStream in = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("{\"trial\": \"a\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Outcome o = djx("trial");
            assertThat(o.code()).isEqualTo(2);
            assertThat(o.err()).startsWith("djx trial: standard input is not a trial request: no 'repeat' in").doesNotContain("Exception");
            assertThat(o.out()).isEmpty();
        } finally {
            System.setIn(in);
        }
    }

    @Test
    void anInvalidBatchSizeIsAUserError(@TempDir Path dir) throws Exception {
        Path file = write(dir, "batch.json", """
                {
                  "task": "train",
                  "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                  "data": {"inputs": [[1]], "targets": [[1]]},
                  "loss": {"type": "mse"},
                  "optimizer": {"type": "sgd", "lr": 0.1},
                  "training": {"epochs": 1, "batch-size": 0}
                }
                """);

        Outcome o = djx("validate", file.toString());

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains(file + ":7:43: at $.training.batch-size:");
        o.hasNoStackTrace();
    }

    @Test
    void anUnknownSubcommandExitsTwo() {
        Outcome o = djx("trian", FORWARD_PASS);

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("Unmatched argument").contains("'trian'");
        assertThat(o.out()).isEmpty();
    }

    @Test
    void aMissingFileArgumentExitsTwo() {
        Outcome o = djx("run");

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("Missing required parameter: 'FILE'");
    }

    @Test
    void describeListsSgdsParametersWithLrRequired() {
        Outcome o = djx("describe", "sgd");

        assertThat(o.code()).isZero();
        assertThat(o.outLines().get(0)).startsWith("optimizer 'sgd': ");
        assertThat(o.outLines()).anySatisfy(l -> assertThat(l).matches("  lr +number > 0 +required +.*"));
        assertThat(o.outLines()).anySatisfy(l -> assertThat(l).matches("  weight-decay +number >= 0 +0\\.0 +.*"));
    }

    @Test
    void describeShowsAnExclusiveUpperBoundWithAParenthesis() {
        Outcome o = djx("describe", "adam");

        assertThat(o.code()).isZero();
        assertThat(o.outLines()).anySatisfy(l -> assertThat(l).matches("  beta1 +number in \\[0, 1\\) +0\\.9 +.*"));
        assertThat(o.outLines()).anySatisfy(l -> assertThat(l).matches("  beta2 +number in \\[0, 1\\) +0\\.999 +.*"));
    }

    @Test
    void describeShowsAScheduleWithItsKindAndParameters() {
        Outcome o = djx("describe", "cosine");

        assertThat(o.code()).isZero();
        assertThat(o.outLines().get(0)).startsWith("schedule 'cosine': Cosine annealing");
        assertThat(o.outLines()).anySatisfy(l -> assertThat(l).matches("  t-max +integer >= 1 +\\(none\\) +.*by default the run's epochs\\."));
        assertThat(o.outLines()).anySatisfy(l -> assertThat(l).matches("  eta-min +number >= 0 +0\\.0 +.*"));
    }

    @Test
    void describeOfATaskMarksTheScheduleOptionalAndTheOtherSectionsRequired() {
        for (String task : List.of("train", "k-fold", "submission")) {
            Outcome o = djx("describe", task);

            assertThat(o.code()).isZero();
            assertThat(o.outLines()).contains("sections:");
            assertThat(o.outLines()).as(task).anySatisfy(l -> assertThat(l)
                    .matches("  schedule +schedule \\(cosine \\| linear-warmup \\| step\\) +optional +The learning-rate schedule.*"));
            assertThat(o.outLines()).as(task).anySatisfy(l -> assertThat(l).matches("  optimizer +optimizer \\(.*\\) +required +.*"));
        }
        assertThat(djx("describe", "forward").out()).doesNotContain("schedule");
    }

    @Test
    void describeOfAMisspeltNameExitsTwoAndSuggestsTheClosest() {
        Outcome o = djx("describe", "adma");

        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo("no task or plugin is named 'adma' (did you mean 'adam'?); the tasks are forward, train,"
                + " gradient-curve, matrix-product, depth-statistics, k-fold, submission, covariate-shift, adversarial-validation,"
                + " concept-shift, and 'djx plugins' lists the plugins");
        o.hasNoStackTrace();
    }

    @Test
    void describeOfAPluginWithoutParametersSaysSo() {
        Outcome o = djx("describe", "sigmoid");

        assertThat(o.code()).isZero();
        assertThat(o.outLines()).contains("parameters: none");
    }

    @Test
    void theDistributionsPluginsFolderIsSearchedFirstWhenItExists(@TempDir Path home) throws Exception {
        String previous = System.getProperty(Main.HOME_PROPERTY);
        try {
            System.setProperty(Main.HOME_PROPERTY, home.toString());
            assertThat(Main.distributionPlugins()).isEmpty();
            Files.writeString(Files.createDirectory(home.resolve("plugins")).resolve("broken.jar"), "not a zip");

            Outcome o = djx("plugins");

            assertThat(Main.distributionPlugins()).contains(home.resolve("plugins"));
            assertThat(o.code()).isZero();
            assertThat(o.outLines().get(o.outLines().size() - 1)).endsWith("plugin folders: " + home.resolve("plugins"));
            assertThat(o.err()).contains(home.resolve("plugins").resolve("broken.jar") + ": is not a zip archive (it begins with 'not a zip')");
        } finally {
            if (previous == null) {
                System.clearProperty(Main.HOME_PROPERTY);
            } else {
                System.setProperty(Main.HOME_PROPERTY, previous);
            }
        }
    }

    @Test
    void pluginsListsEveryBuiltIn() {
        Outcome o = djx("plugins");

        assertThat(o.code()).isZero();
        assertThat(o.outLines().get(0)).matches("KIND +NAME +MODULE +VERSION +LOCATION");
        List<PluginDescriptor> builtIns = PluginLoader.load(List.of()).all();
        assertThat(builtIns).hasSize(26);
        for (PluginDescriptor d : builtIns) {
            assertThat(o.outLines()).as(d.name())
                    .anySatisfy(l -> assertThat(l).startsWith(d.kind().label() + " ").contains(" " + d.name() + " "));
        }
        assertThat(o.outLines()).hasSize(1 + builtIns.size() + 2);
        assertThat(o.outLines().get(o.outLines().size() - 1))
                .startsWith(builtIns.size() + " built in, 0 dropped in; no plugin folders (")
                .contains("--plugin-path DIR or DJX_PLUGIN_PATH");
        assertThat(o.err()).isEmpty();
    }

    @Test
    void aDivergedRunExitsFourAndABrokenBandThree(@TempDir Path dir) throws Exception {
        String train = """
                {"task": "train",
                 "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                 "data": {"inputs": [[1], [2], [3]], "targets": [[2], [4], [6]]},
                 "loss": {"type": "mse"}, "optimizer": {"type": "sgd", "lr": LR},
                 "training": {"epochs": 200},
                 "expect": {"final-loss": {"max": BAND}}}
                """;
        // lr 50 on y = 2x overshoots further with every step; lr 0.05 converges, but not below 1e-30.
        Path diverging = write(dir, "diverging.json", train.replace("LR", "50").replace("BAND", "1e-3"));
        Path broken = write(dir, "broken.json", train.replace("LR", "0.05").replace("BAND", "1e-30"));
        Path fine = write(dir, "fine.json", train.replace("LR", "0.05").replace("BAND", "1e-3"));

        Outcome d = djx("run", "--quiet", "--runs", dir.resolve("runs").toString(), diverging.toString());
        Outcome b = djx("run", "--quiet", "--runs", dir.resolve("runs").toString(), broken.toString());
        Outcome f = djx("run", "--quiet", "--runs", dir.resolve("runs").toString(), fine.toString());
        Outcome both = djx("run", "--quiet", "--runs", dir.resolve("runs").toString(), broken.toString(), diverging.toString());

        assertThat(d.code()).as(d.out() + d.err()).isEqualTo(4);
        assertThat(d.out()).contains("diverged: the loss became");
        assertThat(b.code()).as(b.out() + b.err()).isEqualTo(3);
        assertThat(f.code()).as(f.out() + f.err()).isZero();
        // A diverged run's numbers are no result, so it outranks a broken band.
        assertThat(both.code()).isEqualTo(4);
    }
}
