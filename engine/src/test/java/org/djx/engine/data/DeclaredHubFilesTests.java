package org.djx.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.djx.engine.data.DataHubTests.sha1;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.djx.api.DataException;
import org.djx.api.data.DataFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files an experiment declares itself ({@link DataHub#withFiles}), among them files without a URL that the user puts
 * in the cache ({@link DataFile#inCacheOnly}). No test here may reach a network: the only URL is a closed local port.
 */
class DeclaredHubFilesTests {
    private static final byte[] CSV = "label,x\n0,1.5\n1,2.5\n".getBytes(StandardCharsets.UTF_8);
    private static final String EXPERIMENT = "the experiment's data-hub section";
    private static final URI NOWHERE = URI.create("http://127.0.0.1:1/house.csv");

    @TempDir
    Path temp;
    private Path cacheFolder;
    private DataCache cache;

    @BeforeEach
    void cache() throws IOException {
        cacheFolder = Files.createDirectory(temp.resolve("cache"));
        cache = DataCache.at(cacheFolder, "set by DJX_DATA");
    }

    private static DataFile digits(String sha1) {
        return DataFile.inCacheOnly("digits", "digits.csv", sha1);
    }

    @Test
    void aCacheOnlyFileWithTheRightSha1IsFetchedFromTheCache() throws IOException {
        Path copy = Files.write(cacheFolder.resolve("digits.csv"), CSV);
        Map<String, String> before = FileTrees.snapshot(cacheFolder);

        DataHub hub = DataHub.builder(cache).build().withFiles(List.of(digits(sha1(CSV))), EXPERIMENT);
        Fetched fetched = hub.retrieve("digits");

        assertThat(fetched.path()).isEqualTo(copy.toAbsolutePath());
        assertThat(fetched.downloaded()).isFalse();
        assertThat(hub.fetch("digits")).hasBinaryContent(CSV);
        assertThat(hub.entries()).containsExactly(new HubEntry(digits(sha1(CSV)), EXPERIMENT));
        assertThat(hub.problems()).isEmpty();
        assertThat(FileTrees.snapshot(cacheFolder)).isEqualTo(before);
    }

    @Test
    void anAbsentCacheOnlyFileSaysItHasNoUrlAndNamesTheFileItsSha1AndTheCacheFolder() {
        Path missingFolder = temp.resolve("no-such-cache");
        DataCache elsewhere = DataCache.at(missingFolder, "set by DJX_DATA");
        DataHub hub = DataHub.builder(elsewhere).build().withFiles(List.of(digits(sha1(CSV))), EXPERIMENT);

        assertThatThrownBy(() -> hub.fetch("digits"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'digits'")
                .hasMessageContaining("no URL")
                .hasMessageContaining("digits.csv (SHA-1 " + sha1(CSV) + ")")
                .hasMessageContaining(missingFolder.toAbsolutePath() + " (set by DJX_DATA)")
                .hasMessageContaining("DJX_DATA");
        // Nothing to download, so nothing is created: not even the cache folder.
        assertThat(missingFolder).doesNotExist();
    }

    @Test
    void aCorruptCacheOnlyCopyIsRefusedWithBothSha1sAndLeftInPlace() throws IOException {
        byte[] corrupt = CSV.clone();
        corrupt[0] ^= 1;
        Path copy = Files.write(cacheFolder.resolve("digits.csv"), corrupt);
        DataHub hub = DataHub.builder(cache).build().withFiles(List.of(digits(sha1(CSV))), EXPERIMENT);

        assertThatThrownBy(() -> hub.fetch("digits"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(copy.toAbsolutePath() + " has SHA-1 " + sha1(corrupt) + ", expected " + sha1(CSV))
                .hasMessageContaining("no URL: put it in the cache folder yourself")
                .hasMessageNotContaining("null");
        assertThat(copy).hasBinaryContent(corrupt);
    }

    @Test
    void aDeclarationThatConflictsWithAPluginsMakesTheNameUnusableAndNamesBothDeclarers() throws IOException {
        Files.write(cacheFolder.resolve("house.csv"), CSV);
        DataFile plugins = DataFile.of("house", NOWHERE, sha1(CSV));
        DataFile other = DataFile.of("prices", URI.create("http://127.0.0.1:1/prices.csv"), sha1(CSV));
        DataHub base = DataHub.builder(cache).add(plugins, "dataset plugin 'houses'").add(other, "dataset plugin 'houses'").build();
        String mine = "0".repeat(40);

        DataHub hub = base.withFiles(List.of(DataFile.inCacheOnly("house", "house.csv", mine)), EXPERIMENT);

        String expected = "the data-hub file 'house' is declared differently by dataset plugin 'houses' (" + NOWHERE + ", SHA-1 "
                + sha1(CSV) + ") and by the experiment's data-hub section (no URL: put it in the cache folder yourself, SHA-1 "
                + mine + "); remove one of them to use the name";
        assertThatThrownBy(() -> hub.fetch("house")).isInstanceOf(DataException.class).hasMessage(expected);
        assertThat(hub.problems()).containsExactly(expected);
        assertThat(hub.entries()).extracting(e -> e.file().name()).containsExactly("prices");
        // The hub it was made from is unchanged: its copy of house.csv still verifies.
        assertThat(base.problems()).isEmpty();
        assertThat(base.fetch("house")).hasBinaryContent(CSV);
    }

    @Test
    void theSameDeclarationAsAPluginsIsFine() {
        DataFile house = DataFile.of("house", NOWHERE, sha1(CSV));
        DataHub base = DataHub.builder(cache).add(house, "dataset plugin 'houses'").build();

        DataHub hub = base.withFiles(List.of(DataFile.of("house", NOWHERE, sha1(CSV))), EXPERIMENT);

        assertThat(hub.problems()).isEmpty();
        assertThat(hub.entries()).containsExactly(new HubEntry(house, "dataset plugin 'houses'"));
    }

    @Test
    void hubsDerivedFromOneHubDoNotSeeEachOthersFiles() throws IOException {
        Files.write(cacheFolder.resolve("digits.csv"), CSV);
        DataHub base = DataHub.builder(cache).add(DataFile.of("house", NOWHERE, sha1(CSV)), "dataset plugin 'houses'").build();

        // Two trials of a sweep declaring the same name differently: each is valid on its own.
        DataHub first = base.withFiles(List.of(digits(sha1(CSV))), "trial 1");
        DataHub second = base.withFiles(List.of(digits("f".repeat(40))), "trial 2");

        assertThat(first.problems()).isEmpty();
        assertThat(second.problems()).isEmpty();
        assertThat(first.fetch("digits")).hasBinaryContent(CSV);
        assertThat(second.check("digits").status()).isEqualTo(CacheCheck.Status.CORRUPT);
        assertThat(base.entries()).extracting(e -> e.file().name()).containsExactly("house");
        assertThatThrownBy(() -> base.fetch("digits")).isInstanceOf(DataException.class)
                .hasMessage("unknown data-hub file 'digits'; known: house");
        // Declaring on a derived hub adds to what it has.
        DataHub both = first.withFiles(List.of(DataFile.inCacheOnly("extra", "extra.csv", sha1(CSV))), "trial 1 again");
        assertThat(both.entries()).extracting(e -> e.file().name()).containsExactly("digits", "extra", "house");
        assertThat(both.cache()).isEqualTo(cache);
    }

    @Test
    void aCacheOnlyFileKeepsItsOwnFileNameAndHasNoUrl() {
        DataFile f = DataFile.inCacheOnly("team", "team-table.csv", sha1(CSV).toUpperCase());

        assertThat(f.fileName()).isEqualTo("team-table.csv");
        assertThat(f.url()).isNull();
        assertThat(f.isDownloadable()).isFalse();
        assertThat(f.sha1()).isEqualTo(sha1(CSV));
        assertThat(cache.pathOf(f)).isEqualTo(cacheFolder.toAbsolutePath().resolve("team-table.csv"));
    }

    @Test
    void aCacheOnlyFileRefusesAFileNameWithAFolderOrAMalformedSha1() {
        assertThatThrownBy(() -> DataFile.inCacheOnly("team", "../team.csv", sha1(CSV)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'../team.csv'");
        assertThatThrownBy(() -> DataFile.inCacheOnly("team", "team.csv", "12ab"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("40 hex digits");
    }
}
