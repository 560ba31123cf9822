package org.djx.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees from ./djx when their own CSV is wrong, and how djx data lists an experiment's own files. */
class OwnCsvLauncherTests {
    private static final String EXPERIMENT = """
            {"task": "k-fold",
             "data-hub": {"people": {"file": "people.csv", "sha1": "0123456789abcdef0123456789abcdef01234567"}},
             "dataset": {"type": "csv", "train": "TRAIN", "target": "label", "id": "id", "problem": "classification"},
             "preprocessing": {"steps": [{"type": "standardize"}]},
             "model": {"layers": [{"type": "linear", "outputs": 2}]},
             "loss": {"type": "softmax-cross-entropy"},
             "optimizer": {"type": "adam"},
             "training": {"epochs": 2, "metric": "accuracy"},
             "validation": {"folds": 2, "stratified": true}}
            """;

    private static Path write(Path dir, String train, String csv) throws Exception {
        Files.writeString(dir.resolve("train.csv"), csv);
        Path file = dir.resolve("own.json");
        Files.writeString(file, EXPERIMENT.replace("TRAIN", train));
        return file;
    }

    @Test
    void aRepeatedIdStopsTheRunWithItsPlaceAndNoTrace(@TempDir Path dir) throws Exception {
        Path file = write(dir, "train.csv", "id,a,label\n1,0.5,yes\n2,0.1,no\n1,0.7,yes\n4,0.2,no\n");
        Path out = dir.resolve("out");

        Launcher.Result run = Launcher.djx("run", file.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(dir.resolve("train.csv") + ":4: record 4, column 'id' (field 1): the id '1' repeats")
                .doesNotContain("\tat ").doesNotContain("Exception");
        // The run folder says the run failed; it holds no results.
        assertThat(out.resolve("summary.json")).doesNotExist();
        assertThat(Files.readString(out.resolve("status.json"))).contains("FAILED");
    }

    @Test
    void validateFindsAMalformedTableBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Path file = write(dir, "train.csv", "id,a,label\n1,0.5,yes\n2,\"0.1,no\n");

        Launcher.Result run = Launcher.djx("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(file + ": the dataset cannot be read: " + dir.resolve("train.csv") + ":3: record 3")
                .contains("the double quote that opens this field is never closed").doesNotContain("\tat ");
    }

    @Test
    void validateSaysWhenAHubFileIsNotCachedInsteadOfDownloadingIt(@TempDir Path dir) throws Exception {
        Path file = write(dir, "hub:people", "unused");
        Path cache = Files.createDirectories(dir.resolve("cache"));

        Launcher.Result run = Launcher.djx(Map.of("DJX_DATA", cache.toString()), "validate", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(file + ": valid (task k-fold, 1 layer); its data was not checked: data-hub file 'people'"
                + " is not in the cache folder " + cache);
        try (var files = Files.list(cache)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void djxDataListsTheFilesAnExperimentDeclares(@TempDir Path dir) throws Exception {
        Path file = write(dir, "hub:people", "unused");
        Path cache = Files.createDirectories(dir.resolve("cache"));

        Launcher.Result list = Launcher.djx(Map.of("DJX_DATA", cache.toString()), "data", "list", "--experiment", file.toString());
        Launcher.Result fetch = Launcher.djx(Map.of("DJX_DATA", cache.toString()), "data", "fetch", "--experiment", file.toString(),
                "people");

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).containsPattern("(?m)^people\\s+people\\.csv\\s+missing\\s+\\(no URL: put the file in the cache folder\\)$")
                .containsPattern("(?m)^kaggle_house_train\\s");
        assertThat(fetch.exitCode()).isEqualTo(2);
        assertThat(fetch.err()).contains("data-hub file 'people' is not in the cache folder " + cache
                + " (set by DJX_DATA), and it has no URL to download it from. Put people.csv (SHA-1"
                + " 0123456789abcdef0123456789abcdef01234567) there");
    }
}
