package org.djx.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.djx.api.DataException;
import org.djx.api.data.DataFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataHubTests {
    private static final byte[] CSV = "Id,SalePrice\n1,208500\n2,181500\n".getBytes(StandardCharsets.UTF_8);
    private static final DownloadSettings FAST = new DownloadSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), 1 << 20);

    @TempDir
    Path temp;
    private Path cacheFolder;
    private LocalServer server;

    @BeforeEach
    void startServer() throws IOException {
        cacheFolder = Files.createDirectory(temp.resolve("cache"));
        server = new LocalServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private DataHub hub(DataFile... files) {
        return hub(FAST, files);
    }

    private DataHub hub(DownloadSettings settings, DataFile... files) {
        DataHub.Builder b = DataHub.builder(DataCache.at(cacheFolder, "set by DJX_DATA")).settings(settings);
        for (DataFile f : files) {
            b.add(f);
        }
        return b.build();
    }

    private DataFile houseFile(URI url) {
        return DataFile.of("house", url, sha1(CSV));
    }

    @Test
    void usesAWarmCacheWithZeroRequests() throws IOException {
        server.serve("/house.csv", CSV);
        Path cached = Files.write(cacheFolder.resolve("house.csv"), CSV);
        Map<String, String> before = FileTrees.snapshot(cacheFolder);

        Path path = hub(houseFile(server.url("/house.csv"))).fetch("house");

        assertThat(path).isEqualTo(cached.toAbsolutePath());
        assertThat(server.requests()).isZero();
        assertThat(FileTrees.snapshot(cacheFolder)).isEqualTo(before);
    }

    @Test
    void downloadsAColdFileVerifiesItAndMovesItIntoPlace() throws IOException {
        server.serve("/data/house.csv", CSV);
        DataHub hub = hub(houseFile(server.url("/data/house.csv")));

        Fetched first = hub.retrieve("house");
        Fetched second = hub.retrieve("house");

        assertThat(first.downloaded()).isTrue();
        assertThat(first.path()).isEqualTo(cacheFolder.resolve("house.csv").toAbsolutePath());
        assertThat(Files.readAllBytes(first.path())).isEqualTo(CSV);
        assertThat(second.downloaded()).isFalse();
        assertThat(server.requests()).isEqualTo(1);
        assertThat(FileTrees.tree(cacheFolder)).containsExactly("house.csv");
        assertThat(hub.check("house").status()).isEqualTo(CacheCheck.Status.VERIFIED);
    }

    @Test
    void createsAMissingCacheFolderBeforeDownloading() throws IOException {
        server.serve("/house.csv", CSV);
        Path nested = temp.resolve("home/.cache/djx");
        DataHub hub = DataHub.builder(DataCache.at(nested, "test")).settings(FAST).add(houseFile(server.url("/house.csv"))).build();

        assertThat(hub.fetch("house")).hasBinaryContent(CSV);
        assertThat(FileTrees.tree(nested)).containsExactly("house.csv");
    }

    @Test
    void refusesACorruptCachedFileReportsBothSha1sAndLeavesItUntouched() throws IOException {
        server.serve("/house.csv", CSV);
        byte[] corrupt = CSV.clone();
        corrupt[5] ^= 1;
        Path cached = Files.write(cacheFolder.resolve("house.csv"), corrupt);
        Map<String, String> before = FileTrees.snapshot(cacheFolder);
        DataHub hub = hub(houseFile(server.url("/house.csv")));

        assertThatThrownBy(() -> hub.fetch("house"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("the cached copy of data-hub file 'house' is corrupt and was not used")
                .hasMessageContaining(cached.toAbsolutePath() + " has SHA-1 " + sha1(corrupt) + ", expected " + sha1(CSV))
                .hasMessageContaining("left it in place, untouched; delete it, or replace it with the right file")
                .hasMessageContaining(server.url("/house.csv").toString());
        CacheCheck check = hub.check("house");
        assertThat(check.status()).isEqualTo(CacheCheck.Status.CORRUPT);
        assertThat(check.actualSha1()).isEqualTo(sha1(corrupt));
        assertThat(server.requests()).isZero();
        assertThat(cached).hasBinaryContent(corrupt);
        assertThat(FileTrees.snapshot(cacheFolder)).isEqualTo(before);
    }

    @Test
    void refusesAFolderWhereTheCachedFileShouldBe() throws IOException {
        Files.createDirectory(cacheFolder.resolve("house.csv"));
        DataHub hub = hub(houseFile(server.url("/house.csv")));

        assertThatThrownBy(() -> hub.fetch("house"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(cacheFolder.resolve("house.csv").toAbsolutePath() + " is not a regular file");
        assertThat(server.requests()).isZero();
        assertThat(FileTrees.tree(cacheFolder)).containsExactly("house.csv/");
    }

    @Test
    void aDownloadWhoseBytesDoNotMatchLeavesNothingInTheCache() {
        byte[] other = "Id,SalePrice\n1,1\n".getBytes(StandardCharsets.UTF_8);
        server.serve("/house.csv", other);
        URI url = server.url("/house.csv");
        DataHub hub = hub(houseFile(url));

        assertThatThrownBy(() -> hub.fetch("house"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("the download of data-hub file 'house' from " + url + " does not match its SHA-1: expected "
                        + sha1(CSV) + ", received " + other.length + " bytes with SHA-1 " + sha1(other))
                .hasMessageContaining("nothing was kept in the cache folder " + cacheFolder.toAbsolutePath());
        assertThat(FileTrees.tree(cacheFolder)).isEmpty();
    }

    @Test
    void aTruncatedDownloadIsAnErrorAndLeavesNothing() {
        server.handle("/house.csv", exchange -> {
            exchange.sendResponseHeaders(200, CSV.length);
            OutputStream out = exchange.getResponseBody();
            out.write(CSV, 0, 10);
            out.flush();
            // An exception in the handler makes the server drop the connection mid-body.
            throw new IOException("test: connection dropped");
        });
        URI url = server.url("/house.csv");
        DataHub hub = hub(houseFile(url));

        assertThatThrownBy(() -> hub.fetch("house"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("cannot download data-hub file 'house' from " + url)
                .hasMessageContaining("truncated: 10 of the " + CSV.length + " bytes its Content-Length announced arrived");
        assertThat(FileTrees.tree(cacheFolder)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 500})
    void aServerErrorIsReportedWithItsStatusAndLeavesNothing(int status) {
        server.handle("/house.csv", exchange -> LocalServer.respond(exchange, status, "no".getBytes(StandardCharsets.UTF_8)));
        URI url = server.url("/house.csv");
        DataHub hub = hub(houseFile(url));

        assertThatThrownBy(() -> hub.fetch("house"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("cannot download data-hub file 'house' from " + url + ": the server answered HTTP "
                        + status + " (expected 200)")
                .hasMessageContaining("To work offline, put house.csv (SHA-1 " + sha1(CSV));
        assertThat(FileTrees.tree(cacheFolder)).isEmpty();
    }

    @Test
    void offlineTheMessageNamesTheFileUrlSha1CacheFolderAndDjxData() throws IOException {
        URI url = LocalServer.closedPortUrl("/house.csv");
        DataHub hub = hub(houseFile(url));

        assertThatThrownBy(() -> hub.fetch("house"))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("cannot download data-hub file 'house' from " + url + ": cannot connect to 127.0.0.1:" + url.getPort() + " (java.net.ConnectException")
                .hasMessageContaining("It is not in the cache folder " + cacheFolder.toAbsolutePath() + " (set by DJX_DATA)")
                .hasMessageContaining("To work offline, put house.csv (SHA-1 " + sha1(CSV) + ", from " + url + ") in "
                        + cacheFolder.toAbsolutePath())
                .hasMessageContaining("Or set DJX_DATA to a folder that holds it");
        assertThat(FileTrees.tree(cacheFolder)).isEmpty();
    }

    @Test
    void aReadOnlyCacheFolderWithAValidFileWorksWithoutWritingAnything() throws IOException {
        Path cached = Files.write(cacheFolder.resolve("house.csv"), CSV);
        Map<String, String> before = FileTrees.snapshot(cacheFolder);
        Files.setPosixFilePermissions(cached, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(cacheFolder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // Even when the tests run as root, whom permissions do not stop, the snapshot shows no write.
            Path path = hub(houseFile(server.url("/house.csv"))).fetch("house");

            assertThat(path).hasBinaryContent(CSV);
            assertThat(server.requests()).isZero();
            assertThat(FileTrees.snapshot(cacheFolder)).isEqualTo(before);
        } finally {
            Files.setPosixFilePermissions(cacheFolder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aDownloadLargerThanTheLimitIsStoppedByItsContentLength() {
        byte[] big = new byte[4096];
        server.serve("/big.bin", big);
        DataHub hub = hub(new DownloadSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), 1000),
                DataFile.of("big", server.url("/big.bin"), sha1(big)));

        assertThatThrownBy(() -> hub.fetch("big"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("the file is 4096 bytes by its Content-Length, more than the limit of 1000 bytes");
        assertThat(FileTrees.tree(cacheFolder)).isEmpty();
    }

    @Test
    void aChunkedDownloadIsStoppedAsSoonAsItExceedsTheLimit() {
        byte[] big = new byte[64 * 1024];
        server.handle("/big.bin", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 16; i++) {
                    out.write(big);
                }
            } catch (IOException e) {
                // The client hangs up once it has seen enough.
            }
        });
        DataHub hub = hub(new DownloadSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), 100_000),
                DataFile.of("big", server.url("/big.bin"), sha1(big)));

        assertThatThrownBy(() -> hub.fetch("big"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("the download exceeds the limit of 100000 bytes");
        assertThat(FileTrees.tree(cacheFolder)).isEmpty();
    }

    @Test
    void aServerThatStopsSendingIsGivenUpOnAfterTheReadTimeout() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        server.handle("/slow.csv", exchange -> {
            exchange.sendResponseHeaders(200, CSV.length);
            OutputStream out = exchange.getResponseBody();
            out.write(CSV, 0, 5);
            out.flush();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("test: gave up");
        });
        DataHub hub = hub(new DownloadSettings(Duration.ofSeconds(5), Duration.ofMillis(300), 1 << 20),
                DataFile.of("slow", server.url("/slow.csv"), sha1(CSV)));
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> hub.fetch("slow"))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("the server sent nothing for 300 ms after 5 bytes");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(FileTrees.tree(cacheFolder)).isEmpty();
        } finally {
            release.countDown();
        }
    }

    @Test
    void aDownloadThatTricklesForeverIsCutOffAtItsDeadline() {
        CountDownLatch release = new CountDownLatch(1);
        server.handle("/trickle.csv", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                // A byte every 50 ms: never idle for the 300 ms read timeout, never done.
                while (release.getCount() > 0) {
                    out.write('x');
                    out.flush();
                    sleep(50);
                }
            } catch (IOException closedByTheClient) {
                // the client gave up, as it should
            }
        });
        DataHub hub = hub(new DownloadSettings(Duration.ofSeconds(5), Duration.ofMillis(300), 1 << 20, Duration.ofSeconds(1)),
                DataFile.of("trickle", server.url("/trickle.csv"), sha1(CSV)));
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> hub.fetch("trickle"))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("the download took longer than 1 s in all");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(FileTrees.tree(cacheFolder)).isEmpty();
        } finally {
            release.countDown();
        }
    }

    @Test
    void aSlowButSteadyDownloadIsNotCutOffByTheReadTimeout() {
        server.handle("/steady.csv", exchange -> {
            exchange.sendResponseHeaders(200, CSV.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < CSV.length; i += 4) {
                    out.write(CSV, i, Math.min(4, CSV.length - i));
                    out.flush();
                    sleep(80);
                }
            }
        });
        DataHub hub = hub(new DownloadSettings(Duration.ofSeconds(5), Duration.ofMillis(300), 1 << 20),
                DataFile.of("steady", server.url("/steady.csv"), sha1(CSV)));

        assertThat(hub.fetch("steady")).hasBinaryContent(CSV);
        assertThat(FileTrees.tree(cacheFolder)).containsExactly("steady.csv");
    }

    @Test
    void aCacheFolderThatCannotBeCreatedIsReportedAndNothingIsRequested() throws IOException {
        Path notAFolder = Files.writeString(temp.resolve("plain-file"), "mine");
        Path folder = notAFolder.resolve("cache");
        DataHub hub = DataHub.builder(DataCache.at(folder, "set by DJX_DATA")).settings(FAST)
                .add(houseFile(server.url("/house.csv"))).build();

        assertThatThrownBy(() -> hub.fetch("house"))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("cannot download data-hub file 'house' from " + server.url("/house.csv")
                        + ": cannot write in the cache folder " + folder.toAbsolutePath() + " (set by DJX_DATA)")
                .hasMessageContaining("To work offline, put house.csv (SHA-1 " + sha1(CSV))
                .hasMessageEndingWith("Or set DJX_DATA to a writable folder.");
        assertThat(server.requests()).isZero();
        assertThat(notAFolder).hasContent("mine");
        assertThat(FileTrees.tree(temp)).containsExactlyInAnyOrder("cache/", "plain-file");
    }

    @Test
    void followsARedirect() {
        server.serve("/new/house.csv", CSV);
        server.handle("/old/house.csv", exchange -> {
            exchange.getResponseHeaders().add("Location", "/new/house.csv");
            LocalServer.respond(exchange, 302, new byte[0]);
        });
        DataHub hub = hub(houseFile(server.url("/old/house.csv")));

        assertThat(hub.fetch("house")).hasBinaryContent(CSV);
        assertThat(server.requests()).isEqualTo(2);
        assertThat(FileTrees.tree(cacheFolder)).containsExactly("house.csv");
    }

    @Test
    void refusesUrlsOtherThanHttpAndHttps() throws IOException {
        Path elsewhere = Files.write(temp.resolve("house.csv"), CSV);
        DataHub hub = hub(houseFile(elsewhere.toUri()));

        assertThatThrownBy(() -> hub.fetch("house"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("only http and https URLs are downloaded, this one is file");
        assertThat(FileTrees.tree(cacheFolder)).isEmpty();
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownNames() {
        DataHub hub = hub(houseFile(server.url("/house.csv")),
                DataFile.of("prices", server.url("/prices.csv"), sha1(CSV)));

        assertThatThrownBy(() -> hub.fetch("hose"))
                .isInstanceOf(DataException.class)
                .hasMessage("unknown data-hub file 'hose'; known: house, prices");
        assertThat(server.requests()).isZero();
    }

    @Test
    void twoDifferentDeclarationsOfANameMakeItUnusableAndNameBothSources() {
        URI url = server.url("/house.csv");
        DataHub hub = DataHub.builder(DataCache.at(cacheFolder, "test"))
                .add(houseFile(url), "plugin a")
                .add(houseFile(url), "plugin b")
                .add(DataFile.of("house", url, "0".repeat(40)), "plugin c")
                .add(DataFile.of("prices", url, sha1(CSV)), "plugin a")
                .build();

        String expected = "the data-hub file 'house' is declared differently by plugin a (" + url + ", SHA-1 " + sha1(CSV)
                + ") and by plugin b (" + url + ", SHA-1 " + sha1(CSV) + ") and by plugin c (" + url + ", SHA-1 "
                + "0".repeat(40) + "); remove one of them to use the name";
        assertThat(hub.problems()).containsExactly(expected);
        assertThatThrownBy(() -> hub.fetch("house")).isInstanceOf(DataException.class).hasMessage(expected);
        assertThat(hub.entries()).extracting(e -> e.file().name()).containsExactly("prices");
    }

    @Test
    void theSameDeclarationTwiceIsFine() {
        URI url = server.url("/house.csv");
        DataHub hub = DataHub.builder(DataCache.at(cacheFolder, "test"))
                .add(houseFile(url), "plugin a")
                .add(houseFile(url), "plugin b")
                .build();

        assertThat(hub.problems()).isEmpty();
        assertThat(hub.entries()).containsExactly(new HubEntry(houseFile(url), "plugin a"));
    }

    @Test
    void checkReportsAMissingFileWithoutTouchingTheNetworkOrTheDisk() {
        DataHub hub = hub(houseFile(server.url("/house.csv")));

        CacheCheck check = hub.check("house");

        assertThat(check.status()).isEqualTo(CacheCheck.Status.MISSING);
        assertThat(check.path()).isEqualTo(cacheFolder.resolve("house.csv").toAbsolutePath());
        assertThat(server.requests()).isZero();
        assertThat(FileTrees.tree(cacheFolder)).isEqualTo(Set.of());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
