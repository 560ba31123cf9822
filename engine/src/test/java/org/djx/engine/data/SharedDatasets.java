package org.djx.engine.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.djx.api.DataException;
import org.djx.api.data.DataContext;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real house-price files for the engine's tests, one rule for all of them: DJX_DATA, else the
 * shared folder beside the checkout. Where neither has them a test that needs them is skipped, unless
 * DJX_REQUIRE_DATA is true (.ci/run sets it where the shared folder exists): then it fails, so a run
 * cannot go green without the real-data tests.
 */
public final class SharedDatasets {
    private static final Map<String, String> FILES = Map.of(
            "kaggle_house_train", "kaggle_house_pred_train.csv",
            "kaggle_house_test", "kaggle_house_pred_test.csv");

    private SharedDatasets() {
    }

    /** Returns the folder holding both files, or null when this machine has none. */
    public static Path folder() {
        String env = System.getenv("DJX_DATA");
        for (Path candidate : new Path[] {env == null ? null : Path.of(env), Path.of("..", "..", "shared", "datasets")}) {
            if (candidate != null && FILES.values().stream().allMatch(f -> Files.isRegularFile(candidate.resolve(f)))) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Returns the folder holding both files; where there is none, skips the calling test, or fails it when
     * DJX_REQUIRE_DATA is true.
     */
    public static Path require() {
        Path folder = folder();
        if (folder == null) {
            String why = "the house-price files are in neither DJX_DATA nor ../../shared/datasets";
            if ("true".equals(System.getenv("DJX_REQUIRE_DATA"))) {
                Assertions.fail(why + ", and DJX_REQUIRE_DATA is true");
            }
            Assumptions.abort(why);
        }
        return folder;
    }

    /** Returns a data context that serves the two files from {@code folder}. */
    public static DataContext context(Path folder) {
        return FilesOnly.of(name -> {
            String file = FILES.get(name);
            if (file == null) {
                throw new DataException("unknown data file " + name);
            }
            return folder.resolve(file);
        });
    }
}
