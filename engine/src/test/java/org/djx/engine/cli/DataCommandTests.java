package org.djx.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.plugin.PluginRegistry;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.djx.engine.data.FileTrees;
import org.djx.engine.data.LocalServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code djx data} through {@link Main#execute}, with {@link HubFixtureSource} as the only plugin and its files on a local
 * server. The cache folder is given with --data-dir, so the tests never depend on the real DJX_DATA
 * (CI sets it).
 */
class DataCommandTests {
    @TempDir
    Path temp;
    private Path cache;
    private LocalServer server;

    @BeforeEach
    void start() throws IOException {
        cache = Files.createDirectory(temp.resolve("cache"));
        server = new LocalServer()
                .serve("/hub/alpha.csv", HubFixtureSource.ALPHA.getBytes(StandardCharsets.UTF_8))
                .serve("/hub/beta.csv", HubFixtureSource.BETA.getBytes(StandardCharsets.UTF_8))
                .serve("/hub/gamma.csv", HubFixtureSource.GAMMA.getBytes(StandardCharsets.UTF_8));
        HubFixtureSource.base = server.url("/hub/");
    }

    @AfterEach
    void stop() {
        HubFixtureSource.base = URI.create("http://127.0.0.1:1/");
        server.close();
    }

    @Test
    void listShowsEachFileWithItsStateAndTheCacheFolderWithoutDownloading() throws IOException {
        Files.writeString(cache.resolve("alpha.csv"), HubFixtureSource.ALPHA);
        Files.writeString(cache.resolve("beta.csv"), "beta,3\n");
        Map<String, String> before = FileTrees.snapshot(cache);

        Result r = djx("data", "list", "--data-dir", cache.toString());

        assertThat(r.code).isZero();
        assertThat(r.out).contains(
                "fixture_alpha  alpha.csv  verified  " + server.url("/hub/alpha.csv"),
                "fixture_beta   beta.csv   CORRUPT   " + server.url("/hub/beta.csv"),
                "fixture_gamma  gamma.csv  missing   " + server.url("/hub/gamma.csv"),
                "Cache folder: " + cache.toAbsolutePath() + " (given with --data-dir, which takes precedence over DJX_DATA)");
        assertThat(r.err).contains("fixture_beta: " + cache.resolve("beta.csv").toAbsolutePath() + " has SHA-1 "
                + HubFixtureSource.sha1("beta,3\n") + ", expected " + HubFixtureSource.sha1(HubFixtureSource.BETA)
                + "; djx will not use it: delete it or replace it with the right file");
        assertThat(server.requests()).isZero();
        assertThat(FileTrees.snapshot(cache)).isEqualTo(before);
    }

    @Test
    void fetchAllDownloadsMissingFilesAndKeepsVerifiedOnes() throws IOException {
        Files.writeString(cache.resolve("alpha.csv"), HubFixtureSource.ALPHA);

        Result r = djx("data", "fetch", "--all", "--data-dir", cache.toString());

        assertThat(r.code).isZero();
        assertThat(r.err).isEmpty();
        assertThat(r.lines()).containsExactly(
                "fixture_alpha: already cached and verified, " + cache.resolve("alpha.csv").toAbsolutePath(),
                "fixture_beta: downloaded and verified, " + cache.resolve("beta.csv").toAbsolutePath(),
                "fixture_gamma: downloaded and verified, " + cache.resolve("gamma.csv").toAbsolutePath());
        assertThat(server.requests()).isEqualTo(2);
        assertThat(FileTrees.tree(cache)).containsExactly("alpha.csv", "beta.csv", "gamma.csv");
        assertThat(cache.resolve("gamma.csv")).hasContent(HubFixtureSource.GAMMA);
    }

    @Test
    void fetchOfflineExitsWith2AndSaysWhereToPutTheFile() throws IOException {
        URI closed = LocalServer.closedPortUrl("/hub/");
        HubFixtureSource.base = closed;

        Result r = djx("data", "fetch", "fixture_alpha", "--data-dir", cache.toString());

        assertThat(r.code).isEqualTo(2);
        assertThat(r.out).isEmpty();
        assertThat(r.err).contains("cannot download data-hub file 'fixture_alpha' from " + closed.resolve("alpha.csv")
                        + ": cannot connect to 127.0.0.1:" + closed.getPort() + " (java.net.ConnectException",
                "It is not in the cache folder " + cache.toAbsolutePath(),
                "To work offline, put alpha.csv (SHA-1 " + HubFixtureSource.sha1(HubFixtureSource.ALPHA),
                "Or set DJX_DATA to a folder that holds it",
                "1 of 1 data-hub file could not be fetched")
                .doesNotContain("Exception\n\tat ");
        assertThat(FileTrees.tree(cache)).isEmpty();
    }

    @Test
    void fetchChecksEveryNameBeforeDownloadingAnything() {
        Result r = djx("data", "fetch", "fixture_alpha", "fixture_delta", "--data-dir", cache.toString());

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo(
                "unknown data-hub file 'fixture_delta'; known: fixture_alpha, fixture_beta, fixture_gamma");
        assertThat(server.requests()).isZero();
        assertThat(FileTrees.tree(cache)).isEmpty();
    }

    @Test
    void fetchRefusesACorruptCachedFileAndLeavesIt() throws IOException {
        Files.writeString(cache.resolve("beta.csv"), "beta,3\n");

        Result r = djx("data", "fetch", "fixture_beta", "fixture_gamma", "--data-dir", cache.toString());

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("the cached copy of data-hub file 'fixture_beta' is corrupt and was not used");
        assertThat(r.lines()).containsExactly("fixture_gamma: downloaded and verified, " + cache.resolve("gamma.csv").toAbsolutePath());
        assertThat(cache.resolve("beta.csv")).hasContent("beta,3\n");
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void fetchWithoutNamesIsAUsageError() {
        Result r = djx("data", "fetch", "--data-dir", cache.toString());

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("give the hub names to fetch, or --all");
        assertThat(server.requests()).isZero();
    }

    private static Result djx(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PluginRegistry plugins = PluginRegistry.of(
                List.of(PluginDescriptor.of(PluginKind.DATASET, new HubFixtureSource())), List.of());
        int code = Main.execute(plugins, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
        List<String> lines() {
            List<String> lines = new ArrayList<>(out.lines().toList());
            lines.removeIf(String::isBlank);
            return lines;
        }
    }
}
