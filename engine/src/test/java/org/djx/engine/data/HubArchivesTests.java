package org.djx.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.djx.engine.data.ArchiveBytes.sha1;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.djx.api.DataException;
import org.djx.api.data.DataFile;
import org.djx.api.data.Dataset;
import org.djx.api.data.NumericColumn;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.plugin.PluginRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hub archives through a dataset plugin ({@link ArchiveDatasetSource}) and {@code DataContext.extract}:
 * the archive is downloaded from a local server, verified, extracted once beside it, and read. Hostile
 * and corrupt archives are built here; after a refusal the test asserts the exact set of files in the
 * temporary folder: the verified archive at most, nothing half-extracted and nothing outside the cache.
 */
class HubArchivesTests {
    private static final String CSV = "x,y\n1,2\n2,4\n3,6\n";
    private static final DownloadSettings FAST = new DownloadSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), 1 << 20);
    private static final ArchiveLimits SMALL = new ArchiveLimits(5, 64 * 1024, 100 * 1024);
    private static final byte[] ZIP = ArchiveBytes.zip("points/", null, ArchiveDatasetSource.CSV, CSV, "README", "about");
    private static final byte[] TAR_GZ = ArchiveBytes.tarGz(ArchiveDatasetSource.CSV, CSV, "README", "about");

    @TempDir
    Path temp;
    private Path cache;
    private LocalServer server;

    @BeforeEach
    void start() throws IOException {
        cache = Files.createDirectory(temp.resolve("cache"));
        server = new LocalServer().serve("/hub/points.zip", ZIP).serve("/hub/points.tar.gz", TAR_GZ);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DataFile zipFile() {
        return DataFile.of("points_zip", server.url("/hub/points.zip"), sha1(ZIP));
    }

    private DataFile tarGzFile() {
        return DataFile.of("points_tgz", server.url("/hub/points.tar.gz"), sha1(TAR_GZ));
    }

    /** A hub of the files that {@code source} declares, as the launcher builds it from the installed plugins. */
    private DataHub hub(ArchiveDatasetSource source) {
        PluginRegistry plugins = PluginRegistry.of(List.of(PluginDescriptor.of(PluginKind.DATASET, source)), List.of());
        return DataHub.builder(DataCache.at(cache, "test")).settings(FAST).archiveLimits(SMALL).addPlugins(plugins).build();
    }

    /** The folder the archive goes to, spelled out here: file name, '.extracted-', the first 12 hex digits of its SHA-1. */
    private Path folderOf(String fileName, byte[] archive) {
        return cache.resolve(fileName + ".extracted-" + sha1(archive).substring(0, 12)).toAbsolutePath();
    }

    @ParameterizedTest
    @ValueSource(strings = {"points_zip", "points_tgz"})
    void aDatasetPluginReadsItsRowsFromAFileInsideAHubArchive(String name) {
        ArchiveDatasetSource source = new ArchiveDatasetSource(name, zipFile(), tarGzFile());

        Dataset dataset = source.load(null, hub(source));

        assertThat(dataset.target()).isEqualTo("y");
        assertThat(((NumericColumn) dataset.train().column("x").orElseThrow()).toArray()).containsExactly(1, 2, 3);
        assertThat(((NumericColumn) dataset.train().column("y").orElseThrow()).toArray()).containsExactly(2, 4, 6);
        String file = name.equals("points_zip") ? "points.zip" : "points.tar.gz";
        String folder = folderOf(file, name.equals("points_zip") ? ZIP : TAR_GZ).getFileName().toString();
        assertThat(FileTrees.tree(cache)).containsExactlyInAnyOrder(file, folder + "/", folder + "/points/",
                folder + "/points/points.csv", folder + "/README");
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void extractsOnceThenUsesTheFolderWithoutTheArchiveOrTheNetwork() throws IOException {
        DataHub hub = hub(new ArchiveDatasetSource("points_tgz", tarGzFile()));
        Path folder = hub.extract("points_tgz");
        // The archive may go once extracted (to save space); the complete folder is enough, offline too.
        Files.delete(cache.resolve("points.tar.gz"));
        server.close();
        Map<String, String> before = FileTrees.snapshot(cache);

        Path again = hub.extract("points_tgz");

        assertThat(again).isEqualTo(folder).isEqualTo(folderOf("points.tar.gz", TAR_GZ));
        assertThat(again.resolve(ArchiveDatasetSource.CSV)).hasContent(CSV);
        assertThat(FileTrees.snapshot(cache)).isEqualTo(before);
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void extractsAgainFromTheCachedArchiveWhenTheFolderIsGone() throws IOException {
        DataHub hub = hub(new ArchiveDatasetSource("points_zip", zipFile()));
        Path folder = hub.extract("points_zip");
        deleteTree(folder);

        Extracted again = hub.retrieveExtracted("points_zip");

        assertThat(again.extracted()).isTrue();
        assertThat(again.archive().downloaded()).isFalse();
        assertThat(again.folder()).isEqualTo(folder);
        assertThat(folder.resolve(ArchiveDatasetSource.CSV)).hasContent(CSV);
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void anInterruptedExtractionIsNeverUsedAndIsDoneAgain() throws IOException {
        // What a process killed mid-extraction leaves: the verified archive and a half-written .part folder.
        Files.write(cache.resolve("points.tar.gz"), TAR_GZ);
        Path folder = folderOf("points.tar.gz", TAR_GZ);
        Path part = Files.createDirectories(folder.resolveSibling(folder.getFileName() + ".4242.1f2e3d.part").resolve("points"));
        Files.writeString(part.resolve("points.csv"), "x,y\n1,");
        ArchiveDatasetSource source = new ArchiveDatasetSource("points_tgz", tarGzFile());

        Dataset dataset = source.load(null, hub(source));

        assertThat(dataset.train().rows()).isEqualTo(3);
        assertThat(folder.resolve(ArchiveDatasetSource.CSV)).hasContent(CSV);
        assertThat(part.resolve("points.csv")).hasContent("x,y\n1,");
        assertThat(server.requests()).isZero();
    }

    @Test
    void neverExtractsACachedArchiveWhoseSha1IsWrong() throws IOException {
        byte[] corrupt = TAR_GZ.clone();
        corrupt[corrupt.length / 2] ^= 1;
        Files.write(cache.resolve("points.tar.gz"), corrupt);
        DataHub hub = hub(new ArchiveDatasetSource("points_tgz", tarGzFile()));

        assertThatThrownBy(() -> hub.extract("points_tgz"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("the cached copy of data-hub file 'points_tgz' is corrupt and was not used")
                .hasMessageContaining("has SHA-1 " + sha1(corrupt) + ", expected " + sha1(TAR_GZ));
        assertThat(FileTrees.tree(temp)).containsExactly("cache/", "cache/points.tar.gz");
        assertThat(cache.resolve("points.tar.gz")).hasBinaryContent(corrupt);
        assertThat(server.requests()).isZero();
    }

    @Test
    void neverExtractsADownloadWhoseSha1IsWrong() {
        // The server's archive is not the one the plugin declared: a hostile one, as it happens.
        server.serve("/swapped/points.zip", ArchiveBytes.zip("../evil.txt", "pwned"));
        DataFile declared = DataFile.of("points_zip", server.url("/swapped/points.zip"), sha1(ZIP));
        DataHub hub = hub(new ArchiveDatasetSource("points_zip", declared));

        assertThatThrownBy(() -> hub.extract("points_zip"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("the download of data-hub file 'points_zip' from " + declared.url()
                        + " does not match its SHA-1: expected " + sha1(ZIP));
        assertThat(FileTrees.tree(temp)).containsExactly("cache/");
    }

    @Test
    void refusesAZipEntryThatStepsOutAndExtractsNothing() {
        assertRefused("points.zip", ArchiveBytes.zip(ArchiveDatasetSource.CSV, CSV, "../evil.txt", "pwned"),
                "entry '../evil.txt' steps out of its folder with '..'; entries must stay inside the target folder");
    }

    @Test
    void refusesAnAbsoluteTarEntryAndExtractsNothing() {
        String absolute = temp.resolve("abs.txt").toAbsolutePath().toString();
        assertRefused("points.tar.gz", ArchiveBytes.gzip(new TarWriter().file(ArchiveDatasetSource.CSV, CSV).file(absolute, "pwned").finish()),
                "entry '" + absolute + "' is an absolute path; entry names must be relative to the target folder");
    }

    @Test
    void refusesATarSymlinkAndExtractsNothing() {
        assertRefused("points.tar.gz", ArchiveBytes.gzip(new TarWriter().entry("points", '2', new byte[0], "../..")
                        .file(ArchiveDatasetSource.CSV, CSV).finish()),
                "entry 'points' is a symbolic link (to '../..'); djx extracts only files and folders");
    }

    @Test
    void refusesATarHardLinkAndExtractsNothing() {
        assertRefused("points.tar.gz", ArchiveBytes.gzip(new TarWriter().file(ArchiveDatasetSource.CSV, CSV)
                        .entry("passwd", '1', new byte[0], "/etc/passwd").finish()),
                "entry 'passwd' is a hard link (to '/etc/passwd')");
    }

    @Test
    void stopsAZipBombAndExtractsNothing() {
        // The central directory claims 100 bytes; the deflated data holds a mebibyte of zeros.
        byte[] bomb = ArchiveBytes.declareSize(ArchiveBytes.zip(ArchiveDatasetSource.CSV, CSV, "bomb.bin", new byte[1 << 20]),
                "bomb.bin", 100);
        assertThat(bomb.length).isLessThan(10_000);

        assertRefused("points.zip", bomb, "entry 'bomb.bin' expands to more than the limit of 65536 bytes per entry");
    }

    /**
     * Serves {@code archive} as a hub file that a plugin declares with its true SHA-1, so that it passes
     * verification, and asserts that extracting it fails naming the archive and the entry, and leaves the
     * verified archive alone in the cache.
     */
    private void assertRefused(String fileName, byte[] archive, String reason) {
        server.serve("/hostile/" + fileName, archive);
        DataFile file = DataFile.of("hostile", server.url("/hostile/" + fileName), sha1(archive));
        ArchiveDatasetSource source = new ArchiveDatasetSource("hostile", file);
        DataHub hub = hub(source);
        Path copy = cache.resolve(fileName).toAbsolutePath();

        assertThatThrownBy(() -> source.load(null, hub))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("data-hub archive 'hostile' (declared by dataset plugin 'archive-points'")
                .hasMessageContaining("SHA-1 verified): cannot extract " + copy + " into " + folderOf(fileName, archive) + ": " + reason)
                .hasMessageContaining("; nothing was extracted. The cache folder is " + cache.toAbsolutePath());
        assertThat(FileTrees.tree(temp)).containsExactly("cache/", "cache/" + fileName);
        assertThat(copy).hasBinaryContent(archive);
        assertThat(hub.isExtracted("hostile")).isFalse();
    }

    @Test
    void refusesToExtractAFileThatIsNotAnArchive() {
        DataFile csv = DataFile.of("points_csv", server.url("/hub/points.csv"), sha1(CSV.getBytes(StandardCharsets.UTF_8)));
        DataHub hub = hub(new ArchiveDatasetSource("points_csv", csv));

        assertThatThrownBy(() -> hub.extract("points_csv"))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("data-hub file 'points_csv' (points.csv, declared by dataset plugin 'archive-points'")
                .hasMessageEndingWith("is not an archive, so it cannot be extracted: djx extracts files whose names end in"
                        + " .zip, .tar.gz, .tgz or .tar. Fetch it as a file instead.");
        assertThat(server.requests()).isZero();
        assertThat(FileTrees.tree(cache)).isEmpty();
    }

    @Test
    void aNewArchiveUnderTheSameFileNameNeverReusesTheOldFolder() throws IOException {
        DataHub first = hub(new ArchiveDatasetSource("points_tgz", tarGzFile()));
        Path oldFolder = first.extract("points_tgz");
        // The plugin moves to a new archive of the same file name; the user removes the old copy, as the
        // message about a corrupt copy would tell them to.
        byte[] newer = ArchiveBytes.tarGz(ArchiveDatasetSource.CSV, "x,y\n5,10\n");
        server.serve("/v2/points.tar.gz", newer);
        Files.delete(cache.resolve("points.tar.gz"));
        ArchiveDatasetSource updated = new ArchiveDatasetSource("points_tgz",
                DataFile.of("points_tgz", server.url("/v2/points.tar.gz"), sha1(newer)));

        Dataset dataset = updated.load(null, hub(updated));

        assertThat(((NumericColumn) dataset.train().column("x").orElseThrow()).toArray()).containsExactly(5);
        assertThat(folderOf("points.tar.gz", newer)).isNotEqualTo(oldFolder);
        assertThat(folderOf("points.tar.gz", newer).resolve(ArchiveDatasetSource.CSV)).hasContent("x,y\n5,10\n");
        assertThat(oldFolder.resolve(ArchiveDatasetSource.CSV)).hasContent(CSV);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
