package org.djx.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.djx.engine.data.ArchiveBytes.sha1;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.djx.api.data.DataFile;
import org.djx.engine.data.ArchiveBytes;
import org.djx.engine.data.ArchiveDatasetSource;
import org.djx.engine.data.FileTrees;
import org.djx.engine.data.LocalServer;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.plugin.PluginRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code djx data list} and {@code djx data fetch} with a dataset plugin that declares a tar.gz archive,
 * a hostile zip and a plain file on a local server.
 */
class DataArchivesCommandTests {
    private static final String CSV = "x,y\n1,2\n2,4\n";
    private static final byte[] TAR_GZ = ArchiveBytes.tarGz(ArchiveDatasetSource.CSV, CSV);
    private static final byte[] HOSTILE = ArchiveBytes.zip(ArchiveDatasetSource.CSV, CSV, "../../evil.txt", "pwned");
    private static final byte[] PLAIN = "a,b\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;
    private Path cache;
    private LocalServer server;
    private PluginRegistry plugins;

    @BeforeEach
    void start() throws IOException {
        cache = Files.createDirectory(temp.resolve("cache"));
        server = new LocalServer().serve("/hub/points.tar.gz", TAR_GZ).serve("/hub/evil.zip", HOSTILE)
                .serve("/hub/plain.csv", PLAIN);
        plugins = PluginRegistry.of(List.of(PluginDescriptor.of(PluginKind.DATASET, new ArchiveDatasetSource("points",
                DataFile.of("points", server.url("/hub/points.tar.gz"), sha1(TAR_GZ)),
                DataFile.of("evil", server.url("/hub/evil.zip"), sha1(HOSTILE)),
                DataFile.of("plain", server.url("/hub/plain.csv"), sha1(PLAIN))))), List.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path folder() {
        return cache.resolve("points.tar.gz.extracted-" + sha1(TAR_GZ).substring(0, 12)).toAbsolutePath();
    }

    @Test
    void fetchVerifiesAndExtractsAnArchiveOnceAndSaysSo() {
        Result first = djx("data", "fetch", "points", "plain", "--data-dir", cache.toString());
        Result second = djx("data", "fetch", "points", "--data-dir", cache.toString());

        assertThat(first.code).as(first.err).isZero();
        assertThat(first.out.lines()).containsExactly(
                "points: downloaded and verified, " + cache.resolve("points.tar.gz").toAbsolutePath() + "; extracted into " + folder(),
                "plain: downloaded and verified, " + cache.resolve("plain.csv").toAbsolutePath());
        assertThat(second.code).isZero();
        assertThat(second.out.lines()).containsExactly("points: already cached and verified, "
                + cache.resolve("points.tar.gz").toAbsolutePath() + "; already extracted in " + folder());
        assertThat(folder().resolve(ArchiveDatasetSource.CSV)).hasContent(CSV);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void listSaysWhetherEachArchiveIsExtracted() {
        Result before = djx("data", "list", "--data-dir", cache.toString());
        djx("data", "fetch", "points", "--data-dir", cache.toString());
        Result after = djx("data", "list", "--data-dir", cache.toString());

        assertThat(before.out).contains(
                "evil    evil.zip       missing, not extracted  " + server.url("/hub/evil.zip"),
                "plain   plain.csv      missing                 " + server.url("/hub/plain.csv"),
                "points  points.tar.gz  missing, not extracted  " + server.url("/hub/points.tar.gz"));
        assertThat(after.out).contains(
                "evil    evil.zip       missing, not extracted  " + server.url("/hub/evil.zip"),
                "points  points.tar.gz  verified, extracted     " + server.url("/hub/points.tar.gz"));
    }

    @Test
    void fetchOfAHostileArchiveExitsWith2NamingTheEntryAndExtractsNothing() {
        Result r = djx("data", "fetch", "evil", "--data-dir", cache.toString());

        assertThat(r.code).isEqualTo(2);
        assertThat(r.out).isEmpty();
        assertThat(r.err).contains("data-hub archive 'evil' (declared by dataset plugin 'archive-points'",
                        "cannot extract " + cache.resolve("evil.zip").toAbsolutePath() + " into ",
                        "entry '../../evil.txt' steps out of its folder with '..'",
                        "1 of 1 data-hub file could not be fetched")
                .doesNotContain("\tat ");
        assertThat(FileTrees.tree(temp)).containsExactly("cache/", "cache/evil.zip");
    }

    private Result djx(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(plugins, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
