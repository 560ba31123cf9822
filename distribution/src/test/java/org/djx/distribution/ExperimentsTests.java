package org.djx.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every experiment in experiments/ is a regression test: run through the real launcher, it must exit 0
 * with every band it declares under "expect" held.
 */
class ExperimentsTests {
    private static final Path SHARED = Launcher.ROOT.resolveSibling("shared").resolve("datasets");

    static Stream<String> experiments() throws IOException {
        try (Stream<Path> files = Files.list(Launcher.ROOT.resolve("experiments"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
            assertThat(names).as("experiment files").hasSizeGreaterThanOrEqualTo(7);
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void holdsEveryBandItDeclares(String name, @TempDir Path out) throws Exception {
        String text = Files.readString(Launcher.ROOT.resolve("experiments").resolve(name));
        Map<String, String> environment = new HashMap<>();
        // The Kaggle files and the tables the classification experiments declare in their data-hub sections.
        if (text.contains("\"kaggle-house\"") || text.contains("\"hub:")) {
            String data = System.getenv("DJX_DATA") != null ? System.getenv("DJX_DATA")
                    : Files.isDirectory(SHARED) ? SHARED.toString() : null;
            if (data == null && "true".equals(System.getenv("DJX_REQUIRE_DATA"))) {
                throw new AssertionError("the data files are in neither DJX_DATA nor ../shared/datasets,"
                        + " and DJX_REQUIRE_DATA is true");
            }
            assumeThat(data).as("the data files (DJX_DATA or ../shared/datasets)").isNotNull();
            environment.put("DJX_DATA", data);
        }
        int declared = text.split("\"expect\"", -1).length == 2
                ? (int) text.substring(text.indexOf("\"expect\"")).lines().filter(l -> l.contains("\"min\"")
                        || l.contains("\"max\"") || l.contains("\"equals\"")).count()
                : 0;

        Launcher.Result r = Launcher.djx(environment, "run", "experiments/" + name, "--out", out.resolve("run").toString());

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(declared).as("bands declared by " + name).isPositive();
        assertThat(r.out().lines().filter(l -> l.startsWith("expectation ") && l.contains(": held (")))
                .as(r.out()).hasSize(declared);
        assertThat(r.out()).doesNotContain("BROKEN");
        Path run = out.resolve("run");
        assertThat(Files.readString(run.resolve("status.json"))).contains("\"status\" : \"COMPLETED\"");
        for (String file : List.of("experiment.json", "summary.json", "provenance.json", "report.html")) {
            assertThat(run.resolve(file)).as(file).isNotEmptyFile();
        }
        assertThat(Files.readString(run.resolve("report.html"))).startsWith("<!DOCTYPE html>").endsWith("</html>\n");

        // The run folder's experiment.json, every default written out, reproduces the run: the same results
        // under the same names, so every band holds again. A sweep's runs are each such a file already (SweepTests
        // checks the resolved sweep on a small one), and the house-price sweep takes a minute: it runs once here.
        if (text.contains("\"sweep\"")) {
            assertThat(run.resolve("trials.csv")).isNotEmptyFile();
            assertThat(run.resolve("best.json")).isNotEmptyFile();
            return;
        }
        Launcher.Result again = Launcher.djx(environment, "run", "--quiet", run.resolve("experiment.json").toString(),
                "--out", out.resolve("again").toString());
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(results(out.resolve("again"))).isEqualTo(results(run));
    }

    private static JsonNode results(Path run) throws IOException {
        return new ObjectMapper().readTree(run.resolve("summary.json").toFile()).get("results");
    }
}
