package org.djx.engine.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.djx.api.DataException;
import org.djx.api.data.DataContext;
import org.djx.engine.data.FilesOnly;

/** Finds the real house-price files for tests: DJX_DATA, else the shared folder beside the checkout. */
final class SharedDatasets {
    private static final Map<String, String> FILES = Map.of(
            "kaggle_house_train", "kaggle_house_pred_train.csv",
            "kaggle_house_test", "kaggle_house_pred_test.csv");

    private SharedDatasets() {
    }

    /** Returns the folder holding both files, or null when this machine has none. */
    static Path folder() {
        String env = System.getenv("DJX_DATA");
        for (Path candidate : new Path[] {env == null ? null : Path.of(env), Path.of("..", "..", "shared", "datasets")}) {
            if (candidate != null && FILES.values().stream().allMatch(f -> Files.isRegularFile(candidate.resolve(f)))) {
                return candidate;
            }
        }
        return null;
    }

    /** Returns a data context that serves the two files from {@code folder}. */
    static DataContext context(Path folder) {
        return FilesOnly.of(name -> {
            String file = FILES.get(name);
            if (file == null) {
                throw new DataException("unknown data file " + name);
            }
            return folder.resolve(file);
        });
    }
}
