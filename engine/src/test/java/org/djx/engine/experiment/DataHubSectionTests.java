package org.djx.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.djx.api.data.DataFile;
import org.djx.engine.json.InvalidDocumentException;
import org.djx.engine.json.Location;
import org.djx.engine.json.Problem;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.tasks.BuiltInTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code data-hub} section of an experiment file: the files it declares, and each way an entry can be wrong,
 * placed at its JSON path and at the line:column of the offending value.
 */
class DataHubSectionTests {
    private static final String SHA1_A = "a9993e364706816aba3e25717850c26c9cd0d89d";
    private static final String SHA1_B = "84983e441c3bd26ebaae4aa1f95129e5e54670f1";

    @TempDir
    Path dir;

    /** A forward task, which needs no data, with {@code hub} as its data-hub section on lines 3 onwards. */
    private static String experiment(String hub) {
        return """
                {
                  "task": "forward", "model": {"inputs": 1, "layers": [{"type": "identity"}]}, "data": {"inputs": [[1]]},
                  "data-hub": HUB
                }
                """.replace("HUB", hub);
    }

    private Experiment read(String json) throws IOException {
        Path file = dir.resolve("exp.json");
        Files.writeString(file, json);
        return new ExperimentReader(PluginLoader.load(List.of()), BuiltInTasks.registry()).read(file);
    }

    private List<Problem> problems(String json) throws IOException {
        InvalidDocumentException e = catchThrowableOfType(InvalidDocumentException.class, () -> read(json));
        assertThat(e).as("the experiment should have been rejected").isNotNull();
        return e.problems();
    }

    /** Where the unique {@code marker} starts in {@code json}, counted from 1 like an editor. */
    private static Location at(String json, String marker) {
        int index = json.indexOf(marker);
        assertThat(index).as("marker %s", marker).isNotNegative();
        assertThat(json.indexOf(marker, index + 1)).as("marker %s is not unique", marker).isNegative();
        int lineStart = json.lastIndexOf('\n', index) + 1;
        int line = (int) json.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
        return new Location(line, index - lineStart + 1);
    }

    private void assertProblem(Problem p, String path, Location location, String... words) {
        assertThat(p.file()).isEqualTo(dir.resolve("exp.json").toString());
        assertThat(p.path()).isEqualTo(path);
        assertThat(p.location()).isEqualTo(location);
        assertThat(p.message()).contains(words);
    }

    @Test
    void anExperimentWithoutTheSectionDeclaresNoFiles() throws IOException {
        Experiment e = read("""
                {"task": "forward", "model": {"inputs": 1, "layers": [{"type": "identity"}]}, "data": {"inputs": [[1]]}}
                """);

        assertThat(e.dataFiles()).isEmpty();
    }

    @Test
    void readsFilesWithAUrlAndFilesInTheCacheOnlyInTheOrderWritten() throws IOException {
        Experiment e = read(experiment("""
                {
                    "sales": {"url": "https://example.org/data/sales.zip", "sha1": "%s"},
                    "digits": {"file": "digits.csv", "sha1": "%s"},
                    "plain": {"url": "http://example.org/plain.csv", "sha1": "%s"}
                  }""".formatted(SHA1_A, SHA1_B.toUpperCase(), SHA1_B)));

        assertThat(e.dataFiles()).containsExactly(
                DataFile.of("sales", URI.create("https://example.org/data/sales.zip"), SHA1_A),
                DataFile.inCacheOnly("digits", "digits.csv", SHA1_B),
                DataFile.of("plain", URI.create("http://example.org/plain.csv"), SHA1_B));
        DataFile sales = e.dataFiles().get(0);
        assertThat(sales.fileName()).isEqualTo("sales.zip");
        assertThat(sales.isDownloadable()).isTrue();
        assertThat(sales.isArchive()).isTrue();
        DataFile digits = e.dataFiles().get(1);
        assertThat(digits.isDownloadable()).isFalse();
        assertThat(digits.url()).isNull();
        // Upper-case hex digits are accepted and kept in lower case.
        assertThat(digits.sha1()).isEqualTo(SHA1_B);
    }

    @Test
    void bothUrlAndFileIsAProblemOfTheEntry() throws IOException {
        String json = experiment("""
                {"both": {"url": "https://example.org/b.csv", "file": "b.csv", "sha1": "%s"}}""".formatted(SHA1_A));

        List<Problem> problems = problems(json);

        assertThat(problems).hasSize(1);
        assertProblem(problems.get(0), "$.data-hub.both", at(json, "{\"url\""), "give either 'url' or 'file', not both");
    }

    @Test
    void neitherUrlNorFileIsAProblemOfTheEntry() throws IOException {
        String json = experiment("""
                {"neither": {"sha1": "%s"}}""".formatted(SHA1_A));

        List<Problem> problems = problems(json);

        assertThat(problems).hasSize(1);
        assertProblem(problems.get(0), "$.data-hub.neither", at(json, "{\"sha1\""), "give 'url'", "or 'file'");
    }

    @Test
    void aUrlOtherThanHttpOrHttpsIsRefusedAtTheUrl() throws IOException {
        String json = experiment("""
                {"remote": {"url": "ftp://example.org/r.csv", "sha1": "%s"}}""".formatted(SHA1_A));

        List<Problem> problems = problems(json);

        assertThat(problems).hasSize(1);
        assertProblem(problems.get(0), "$.data-hub.remote.url", at(json, "\"ftp:"),
                "expected an http or https URL, found 'ftp://example.org/r.csv'");
    }

    @Test
    void aUrlWithoutASchemeOrWithSpacesIsRefusedAtTheUrl() throws IOException {
        String json = experiment("""
                {"bare": {"url": "example.org/r.csv", "sha1": "%s"}, "spaced": {"url": "https://example.org/a b.csv", "sha1": "%s"}}"""
                .formatted(SHA1_A, SHA1_A));

        List<Problem> problems = problems(json);

        assertThat(problems).hasSize(2);
        assertProblem(problems.get(0), "$.data-hub.bare.url", at(json, "\"example.org"), "found 'example.org/r.csv'");
        assertProblem(problems.get(1), "$.data-hub.spaced.url", at(json, "\"https://example.org/a b"),
                "'https://example.org/a b.csv' is not a URL");
    }

    @Test
    void aMalformedSha1IsRefusedAtTheSha1() throws IOException {
        String json = experiment("""
                {"short": {"file": "s.csv", "sha1": "abc123"}}""");

        List<Problem> problems = problems(json);

        assertThat(problems).hasSize(1);
        assertProblem(problems.get(0), "$.data-hub.short.sha1", at(json, "\"abc123\""), "40 hex digits", "'abc123'");
    }

    @Test
    void aSha1OfFortyCharactersThatAreNotAllHexIsRefused() throws IOException {
        String notHex = "g".repeat(40);
        String json = experiment("""
                {"g": {"url": "https://example.org/g.csv", "sha1": "%s"}}""".formatted(notHex));

        List<Problem> problems = problems(json);

        assertThat(problems).hasSize(1);
        assertProblem(problems.get(0), "$.data-hub.g.sha1", at(json, "\"ggg"), "40 hex digits", notHex);
    }

    @Test
    void aMissingSha1IsReportedAtTheEntry() throws IOException {
        String json = experiment("""
                {"unchecked": {"file": "u.csv"}}""");

        List<Problem> problems = problems(json);

        assertThat(problems).hasSize(1);
        assertProblem(problems.get(0), "$.data-hub.unchecked", at(json, "{\"file\""), "sha1");
    }

    @Test
    void aBadNameIsRefusedAtTheEntryWithItsQuotedPath() throws IOException {
        String json = experiment("""
                {"my file": {"file": "m.csv", "sha1": "%s"}}""".formatted(SHA1_A));

        List<Problem> problems = problems(json);

        assertThat(problems).hasSize(1);
        assertProblem(problems.get(0), "$.data-hub['my file']", at(json, "{\"file\""), "data file name 'my file' must match");
    }

    @Test
    void aBadNameABadSha1AndABadFileAreReportedTogether() throws IOException {
        String json = experiment("""
                {"my file": {"file": "../m.csv", "sha1": "not-a-sha1"}}""");

        List<Problem> problems = problems(json);

        assertThat(problems).extracting(Problem::path)
                .containsExactly("$.data-hub['my file']", "$.data-hub['my file'].sha1", "$.data-hub['my file'].file");
    }

    @Test
    void aFileNameWithAFolderIsRefusedAtTheFile() throws IOException {
        String json = experiment("""
                {"nested": {"file": "../secret.csv", "sha1": "%s"}}""".formatted(SHA1_A));

        List<Problem> problems = problems(json);

        assertThat(problems).hasSize(1);
        assertProblem(problems.get(0), "$.data-hub.nested.file", at(json, "\"../secret.csv\""), "'../secret.csv'");
    }

    @Test
    void aUrlThatDoesNotEndInAFileNameIsRefusedAtTheUrl() throws IOException {
        String json = experiment("""
                {"folder": {"url": "https://example.org/data/", "sha1": "%s"}}""".formatted(SHA1_A));

        List<Problem> problems = problems(json);

        assertThat(problems).hasSize(1);
        assertProblem(problems.get(0), "$.data-hub.folder.url", at(json, "\"https://example.org/data/\""),
                "does not end in a plain file name");
    }

    @Test
    void anUnknownKeyOfAnEntryIsRefused() throws IOException {
        String json = experiment("""
                {"extra": {"file": "e.csv", "sha1": "%s", "sha256": "x"}}""".formatted(SHA1_A));

        List<Problem> problems = problems(json);

        assertThat(problems).hasSize(1);
        assertProblem(problems.get(0), "$.data-hub.extra.sha256", at(json, "\"x\""), "unknown key 'sha256'", "url", "file", "sha1");
    }

    @Test
    void aSectionOrEntryThatIsNotAnObjectIsRefused() throws IOException {
        String array = experiment("[\"x\"]");
        assertProblem(problems(array).get(0), "$.data-hub", at(array, "[\"x\"]"), "expected a JSON object, found ");

        String entry = experiment("{\"x\": \"https://example.org/x.csv\"}");
        List<Problem> problems = problems(entry);
        assertThat(problems).hasSize(1);
        assertProblem(problems.get(0), "$.data-hub.x", at(entry, "\"https://example.org/x.csv\""), "expected a JSON object, found ");
    }

    @Test
    void namesThatAreNotPlainJsonPathKeysAreQuotedInThePathAndStillPlaced() throws IOException {
        // Valid hub names with a dot or a leading digit, and an invalid one with a quote.
        String json = experiment("""
                {"sales.v2": {"file": "s.csv", "sha1": "bad1"}, "2024": {"file": "y.csv", "sha1": "bad2"},
                   "it's": {"file": "i.csv", "sha1": "%s"}}""".formatted(SHA1_A));

        List<Problem> problems = problems(json);

        assertThat(problems).hasSize(3);
        assertProblem(problems.get(0), "$.data-hub['sales.v2'].sha1", at(json, "\"bad1\""), "'bad1'");
        assertProblem(problems.get(1), "$.data-hub['2024'].sha1", at(json, "\"bad2\""), "'bad2'");
        assertProblem(problems.get(2), "$.data-hub['it\\'s']", at(json, "{\"file\": \"i.csv\""), "data file name 'it's'");
    }

    @Test
    void everyBadEntryIsReportedAtOnce() throws IOException {
        String json = experiment("""
                {
                    "good": {"file": "good.csv", "sha1": "%s"},
                    "both": {"url": "https://example.org/both.csv", "file": "both.csv", "sha1": "%s"},
                    "ftp": {"url": "ftp://example.org/ftp.csv", "sha1": "%s"},
                    "short": {"file": "short.csv", "sha1": "0123"}
                  }""".formatted(SHA1_A, SHA1_A, SHA1_A));

        List<Problem> problems = problems(json);

        assertThat(problems).extracting(Problem::path)
                .containsExactly("$.data-hub.both", "$.data-hub.ftp.url", "$.data-hub.short.sha1");
    }
}
