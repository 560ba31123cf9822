package org.djx.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.djx.api.DataException;
import org.djx.api.data.DataContext;
import org.djx.api.data.DataFile;
import org.djx.engine.data.DataCache;
import org.djx.engine.data.DataHub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data an experiment sees: local files relative to its folder with their SHA-256, and its own hub files. */
class ExperimentDataTests {
    private static final byte[] TRAIN = "x,y\n1,2\n2,4\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SHARED = "id\n7\n".getBytes(StandardCharsets.UTF_8);

    /** A context that knows one name, {@code known}, for tests that need no hub. */
    private static final class OneFile implements DataContext {
        private final Path file;

        OneFile(Path file) {
            this.file = file;
        }

        @Override
        public Path fetch(String name) {
            if (!name.equals("known")) {
                throw new DataException("unknown " + name);
            }
            return file;
        }

        @Override
        public Path extract(String name) {
            throw new DataException("no archives");
        }
    }

    @TempDir
    Path temp;
    private Path folder;

    @BeforeEach
    void files() throws IOException {
        folder = Files.createDirectories(temp.resolve("experiments"));
        Files.createDirectories(folder.resolve("data"));
        Files.write(folder.resolve("data/train.csv"), TRAIN);
        Files.createDirectories(temp.resolve("shared"));
        Files.write(temp.resolve("shared/ids.csv"), SHARED);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ExperimentData data() {
        return ExperimentData.of(new OneFile(temp.resolve("shared/ids.csv")), List.of(), folder);
    }

    @Test
    void aRelativePathStartsAtTheExperimentsFolderAndIsRecordedWithItsSha256() {
        ExperimentData data = data();

        Path file = data.local("data/train.csv");

        Path expected = folder.resolve("data/train.csv").toAbsolutePath();
        assertThat(file).isEqualTo(expected).hasBinaryContent(TRAIN);
        // Not the working directory, which has no data/train.csv.
        assertThat(Path.of("data/train.csv")).doesNotExist();
        assertThat(data.locals()).containsExactly(Map.entry("data/train.csv",
                new ExperimentData.LocalFile(expected.toString(), sha256(TRAIN))));
        // SHA-256 of "x,y\n1,2\n2,4\n" is 64 hex digits, not the SHA-1 of the hub.
        assertThat(data.locals().get("data/train.csv").sha256()).hasSize(64);
    }

    @Test
    void aPathOutsideTheFolderIsNormalizedAndAnAbsolutePathIsUsedAsItIs() {
        ExperimentData data = data();
        Path absolute = temp.resolve("shared/ids.csv").toAbsolutePath();

        assertThat(data.local("../shared/ids.csv")).isEqualTo(absolute);
        assertThat(data.local(absolute.toString())).isEqualTo(absolute);
        assertThat(data.local("./data/../data/train.csv")).isEqualTo(folder.resolve("data/train.csv").toAbsolutePath());

        assertThat(data.locals()).containsOnlyKeys("../shared/ids.csv", absolute.toString(), "./data/../data/train.csv");
        assertThat(data.locals().get("../shared/ids.csv")).isEqualTo(new ExperimentData.LocalFile(absolute.toString(), sha256(SHARED)));
        assertThat(data.locals().get(absolute.toString()).sha256()).isEqualTo(sha256(SHARED));
    }

    @Test
    void aMissingFileIsRefusedNamingThePathAsWrittenAndAsResolved() {
        ExperimentData data = data();
        Path resolved = folder.resolve("data/test.csv").toAbsolutePath();

        assertThatThrownBy(() -> data.local("data/test.csv"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'data/test.csv'")
                .hasMessageContaining(resolved.toString())
                .hasMessageContaining("does not exist");
        assertThat(data.locals()).isEmpty();
    }

    @Test
    void aFolderIsRefusedNamingThePathAsWrittenAndAsResolved() {
        ExperimentData data = data();

        assertThatThrownBy(() -> data.local("data"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'data'")
                .hasMessageContaining(folder.resolve("data").toAbsolutePath().toString())
                .hasMessageContaining("not a regular file");
        assertThat(data.locals()).isEmpty();
    }

    @Test
    void aTrialRecordsIntoItsSweepsDataAndResolvesAgainstTheSameFolder() {
        ExperimentData sweep = data();

        ExperimentData trial = sweep.forTrial(List.of());
        Path file = trial.local("data/train.csv");
        Path fetched = trial.fetch("known");

        assertThat(file).isEqualTo(folder.resolve("data/train.csv").toAbsolutePath());
        assertThat(sweep.locals()).containsExactly(Map.entry("data/train.csv",
                new ExperimentData.LocalFile(file.toString(), sha256(TRAIN))));
        assertThat(sweep.fetched()).containsExactly(Map.entry("known", fetched.toString()));
        assertThat(fetched).isEqualTo(temp.resolve("shared/ids.csv"));
    }

    @Test
    void whatItHandsOutIsACopy() {
        ExperimentData data = data();
        data.local("data/train.csv");

        data.locals().clear();
        data.fetched().put("x", "y");

        assertThat(data.locals()).hasSize(1);
        assertThat(data.fetched()).isEmpty();
    }

    @Test
    void theExperimentsOwnHubFilesAreFetchedFromTheCacheAndRecorded() throws IOException {
        Path cacheFolder = Files.createDirectories(temp.resolve("cache"));
        Path copy = Files.write(cacheFolder.resolve("mine.csv"), TRAIN);
        DataHub hub = DataHub.builder(DataCache.at(cacheFolder, "test")).build();
        String sha1 = sha1(TRAIN);

        ExperimentData data = ExperimentData.of(hub, List.of(DataFile.inCacheOnly("mine", "mine.csv", sha1)), folder);

        assertThat(data.fetch("mine")).isEqualTo(copy.toAbsolutePath());
        assertThat(data.fetched()).containsExactly(Map.entry("mine", copy.toAbsolutePath().toString()));
        // The hub it was given does not learn the name.
        assertThatThrownBy(() -> hub.fetch("mine")).isInstanceOf(DataException.class);
    }

    @Test
    void aTrialsOwnHubFilesAreItsAloneButItsFetchesAreTheSweeps() throws IOException {
        Path cacheFolder = Files.createDirectories(temp.resolve("cache"));
        Path copy = Files.write(cacheFolder.resolve("trial.csv"), TRAIN);
        DataHub hub = DataHub.builder(DataCache.at(cacheFolder, "test")).build();
        ExperimentData sweep = ExperimentData.of(hub, List.of(), folder);

        ExperimentData trial = sweep.forTrial(List.of(DataFile.inCacheOnly("trial", "trial.csv", sha1(TRAIN))));

        assertThat(trial.fetch("trial")).isEqualTo(copy.toAbsolutePath());
        assertThat(sweep.fetched()).containsOnlyKeys("trial");
        assertThatThrownBy(() -> sweep.fetch("trial")).isInstanceOf(DataException.class).hasMessageContaining("'trial'");
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
