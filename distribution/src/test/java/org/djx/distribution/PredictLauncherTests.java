package org.djx.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** djx predict through the real launcher: a saved model gives its run's submission.csv, and bad input is refused. */
class PredictLauncherTests {
    private static final Path SHARED = Launcher.ROOT.resolveSibling("shared").resolve("datasets");

    private static String data() {
        String data = System.getenv("DJX_DATA") != null ? System.getenv("DJX_DATA") : Files.isDirectory(SHARED) ? SHARED.toString() : null;
        assumeThat(data).as("the house-price files (DJX_DATA or ../shared/datasets)").isNotNull();
        return data;
    }

    @Test
    void aSavedModelPredictsItsRunsSubmissionByteForByte(@TempDir Path dir) throws Exception {
        String data = data();
        Path run = dir.resolve("run");
        Launcher.Result trained = Launcher.djx(Map.of("DJX_DATA", data), "run", "--quiet", "experiments/house-prices-submission.json",
                "--out", run.toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();

        Path out = dir.resolve("predictions.csv");
        Launcher.Result predicted = Launcher.djx("predict", run.toString(), Path.of(data, "kaggle_house_pred_test.csv").toString(),
                "--out", out.toString());

        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        assertThat(predicted.err()).contains("wrote " + out + ": 1459 predictions");
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(run.resolve("submission.csv")));

        // The output never replaces the model, the rows or a file nobody asked to replace.
        String rows = Path.of(data, "kaggle_house_pred_test.csv").toString();
        for (String[] c : new String[][] {
            {run.resolve("model.json").toString(), "is inside the model's folder"},
            {rows, "is the file of rows to predict"},
            {out.toString(), "exists; add --force to replace it"},
            {dir.resolve("nowhere/p.csv").toString(), "does not exist; create it first"}}) {
            Launcher.Result refused = Launcher.djx("predict", run.toString(), rows, "--out", c[0]);
            assertThat(refused.exitCode()).as(c[0]).isEqualTo(2);
            assertThat(refused.err()).as(c[0]).contains("--out " + c[0] + ": ").contains(c[1]);
        }
        assertThat(Files.readAllBytes(run.resolve("model.json"))).isNotEmpty();
        assertThat(Launcher.djx("predict", run.toString(), rows, "--out", out.toString(), "--force").exitCode()).isZero();

        // A model a newer djx wrote is refused, even in the same format.
        Path json = run.resolve("model.json");
        Files.writeString(json, Files.readString(json).replaceFirst("\"djx-version\" : \"[^\"]*\"", "\"djx-version\" : \"99.0.0\""));
        Launcher.Result newer = Launcher.djx("predict", run.toString(), rows);
        assertThat(newer.exitCode()).isEqualTo(2);
        assertThat(newer.err()).contains("written by djx 99.0.0, newer than this djx 0.2.0; load it with djx 99.0.0 or later");
    }

    @Test
    void aFolderWithoutAModelIsRefusedWithoutATrace(@TempDir Path dir) throws Exception {
        Path rows = Files.writeString(dir.resolve("rows.csv"), "a,b\n1,2\n");

        Launcher.Result r = Launcher.djx("predict", dir.toString(), rows.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("cannot read " + dir.resolve("model.json"))
                .contains("expected the folder of a run that saved a model").doesNotContain("\tat ");
    }
}
