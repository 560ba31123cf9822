package org.djx.plugins.csv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds real data files as {@link RealHouseFilesTests} does: in {@code DJX_DATA}, or in the
 * {@code shared/datasets} folder beside the checkout. A test without them is skipped, unless
 * DJX_REQUIRE_DATA is true (as .ci/run sets it where the shared folder exists); then it fails.
 */
final class SharedDatasets {
    private SharedDatasets() {
    }

    /** Returns the folder that holds every one of {@code fileNames}, or aborts or fails the test. */
    static Path folderWith(String... fileNames) {
        String env = System.getenv("DJX_DATA");
        if (env != null && !env.isBlank() && holdsAll(Path.of(env), fileNames)) {
            return Path.of(env);
        }
        // tests run in plugins/csv; shared/ sits beside the checkout
        Path beside = Path.of("").toAbsolutePath().resolve("../../../shared/datasets").normalize();
        if (holdsAll(beside, fileNames)) {
            return beside;
        }
        String why = Arrays.toString(fileNames) + " are in neither DJX_DATA nor ../../../shared/datasets";
        if ("true".equals(System.getenv("DJX_REQUIRE_DATA"))) {
            Assertions.fail(why + ", and DJX_REQUIRE_DATA is true");
        }
        Assumptions.abort(why);
        throw new AssertionError("unreachable");
    }

    private static boolean holdsAll(Path dir, String... fileNames) {
        return Arrays.stream(fileNames).allMatch(name -> Files.isRegularFile(dir.resolve(name)));
    }
}
