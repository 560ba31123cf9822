package org.djx.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dropped-in dataset plugin that keeps its rows in a tar.gz on the data hub, through the real
 * {@code ./djx}: the archive is made with the system's {@code tar}, served on 127.0.0.1, and declared
 * with its SHA-1 by a plugin compiled here against the shipped api jar. {@code djx data fetch} verifies
 * and extracts it, and a k-fold run reads its rows from inside it.
 */
class DatasetArchiveTests {
    @TempDir
    static Path work;

    private static HttpServer server;
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static Path plugins;
    private static String csv;
    private static String sha1;

    @BeforeAll
    static void serveTheArchiveAndBuildThePlugin() throws Exception {
        // y = 3x + 2 exactly, so a linear net fits it and the run's error is small.
        StringBuilder rows = new StringBuilder("x,y\n");
        for (int x = 1; x <= 20; x++) {
            rows.append(x).append(',').append(3 * x + 2).append('\n');
        }
        csv = rows.toString();
        PluginJars.write(work.resolve("content"), Map.of("points/points.csv", csv));
        Path archive = work.resolve("points.tar.gz");
        Process tar = new ProcessBuilder("tar", "-czf", archive.toString(), "-C", work.resolve("content").toString(), "points")
                .inheritIO().start();
        assertThat(tar.waitFor(30, TimeUnit.SECONDS) && tar.exitValue() == 0).as("tar -czf").isTrue();
        byte[] bytes = Files.readAllBytes(archive);
        sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));

        server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        server.createContext("/hub/points.tar.gz", exchange -> {
            REQUESTS.incrementAndGet();
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, bytes.length);
                out.write(bytes);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hub/points.tar.gz";

        Path sources = PluginJars.write(work.resolve("src"), Map.of(
                "module-info.java", "module test.points { requires org.djx.api;"
                        + " provides org.djx.api.spi.DatasetSource with test.points.PointsSource; }",
                "test/points/PointsSource.java", """
                        package test.points;
                        import java.io.IOException;
                        import java.net.URI;
                        import java.nio.file.Files;
                        import java.nio.file.Path;
                        import java.util.List;
                        import org.djx.api.DataException;
                        import org.djx.api.data.*;
                        import org.djx.api.spi.Config;
                        import org.djx.api.spi.DatasetSource;
                        public final class PointsSource implements DatasetSource {
                            public String name() { return "points"; }
                            public String description() { return "Points on a line, kept in a tar.gz on the data hub."; }
                            public List<DataFile> files() {
                                return List.of(DataFile.of("points_tgz", URI.create("%s"), "%s"));
                            }
                            public Dataset load(Config config, DataContext context) {
                                Path file = context.extract("points_tgz").resolve("points/points.csv");
                                List<String> lines;
                                try {
                                    lines = Files.readAllLines(file);
                                } catch (IOException e) {
                                    throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
                                }
                                double[] x = new double[lines.size() - 1];
                                double[] y = new double[lines.size() - 1];
                                for (int r = 1; r < lines.size(); r++) {
                                    String[] cells = lines.get(r).split(",");
                                    x[r - 1] = Double.parseDouble(cells[0]);
                                    y[r - 1] = Double.parseDouble(cells[1]);
                                }
                                return Dataset.of(new Table(List.of(new NumericColumn("x", x), new NumericColumn("y", y))), "y");
                            }
                        }
                        """.formatted(url, sha1)));
        Path classes = PluginJars.javac(sources, work.resolve("classes"), "--module-path", PluginJars.apiJar().toString(),
                "--module-version", "1.0");
        plugins = work.resolve("plugins");
        PluginJars.jar(classes, plugins.resolve("points-1.0.jar"));
    }

    @AfterAll
    static void stopServing() {
        server.stop(0);
    }

    private static Path folder(Path cache) {
        return cache.resolve("points.tar.gz.extracted-" + sha1.substring(0, 12));
    }

    @Test
    void dataFetchVerifiesAndExtractsTheDroppedInPluginsArchiveAndListSaysSo() throws Exception {
        Path cache = work.resolve("fetch-cache");
        int before = REQUESTS.get();

        Launcher.Result r = Launcher.djx("data", "fetch", "points_tgz", "--plugin-path", plugins.toString(),
                "--data-dir", cache.toString());
        Launcher.Result list = Launcher.djx("data", "list", "--plugin-path", plugins.toString(), "--data-dir", cache.toString());

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().strip()).isEqualTo("points_tgz: downloaded and verified, " + cache.resolve("points.tar.gz")
                + "; extracted into " + folder(cache));
        assertThat(folder(cache).resolve("points/points.csv")).hasContent(csv);
        assertThat(Files.list(cache).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("points.tar.gz", folder(cache).getFileName().toString());
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).containsPattern("(?m)^points_tgz\\s+points\\.tar\\.gz\\s+verified, extracted\\s+http://127\\.0\\.0\\.1:");
        assertThat(REQUESTS.get() - before).isEqualTo(1);
    }

    @Test
    void aKFoldRunReadsItsRowsFromInsideTheArchive() throws Exception {
        Path cache = work.resolve("run-cache");
        Path experiment = work.resolve("points-kfold.json");
        Files.writeString(experiment, """
                {
                  "name": "points-kfold",
                  "task": "k-fold",
                  "seed": 1,
                  "dataset": { "type": "points" },
                  "preprocessing": { "fit-on": "train", "steps": [ { "type": "standardize" } ] },
                  "model": { "layers": [ { "type": "linear", "outputs": 1 } ] },
                  "loss": { "type": "mse" },
                  "optimizer": { "type": "adam", "lr": 1 },
                  "training": { "epochs": 60, "batch-size": 5, "metric": "rmse" },
                  "validation": { "folds": 2 },
                  "expect": { "train-rows": { "equals": 20 }, "features": { "equals": 1 } }
                }
                """);
        Path run = work.resolve("run");

        Launcher.Result r = Launcher.djx("run", experiment.toString(), "--plugin-path", plugins.toString(),
                "--data-dir", cache.toString(), "--out", run.toString(), "--quiet");

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("expectation train-rows = 20: held (20)", "expectation features = 1: held (1)");
        assertThat(r.out()).containsPattern("2-fold validation: avg train rmse: [0-9.]+, avg valid rmse: [0-9.]+");
        assertThat(folder(cache).resolve("points/points.csv")).hasContent(csv);
        // The run records the extracted folder it read, as it records every hub file it fetched.
        assertThat(Files.readString(run.resolve("provenance.json"))).contains("points_tgz", folder(cache).toString());
        String summary = Files.readString(run.resolve("summary.json")).toLowerCase(Locale.ROOT);
        assertThat(summary).contains("avg-valid-rmse");
    }
}
