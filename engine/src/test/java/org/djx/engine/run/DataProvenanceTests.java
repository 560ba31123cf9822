package org.djx.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.djx.api.data.DataContext;
import org.djx.api.data.Dataset;
import org.djx.api.data.NumericColumn;
import org.djx.api.data.Table;
import org.djx.api.spi.Config;
import org.djx.api.spi.DatasetSource;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.data.DataCache;
import org.djx.engine.data.DataHub;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.report.RunFolder;
import org.djx.engine.tasks.BuiltInTasks;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A k-fold run whose dataset reads a local file named relative to the experiment, or a data-hub file the experiment
 * declares itself, and the provenance.json that says which bytes it read.
 */
class DataProvenanceTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** y = 2x + 1 on twelve rows. */
    private static final byte[] CSV = rows().getBytes(StandardCharsets.UTF_8);

    /** A dataset plugin of this test: numeric CSV rows, target last, from a local path or a hub name. */
    public static final class TableSource implements DatasetSource {
        @Override
        public String name() {
            return "test-table";
        }

        @Override
        public String description() {
            return "Test fixture: a numeric CSV file from a local path or the data hub.";
        }

        @Override
        public List<ParameterSpec> configuration() {
            return List.of(ParameterSpec.string("path", "A local CSV file."), ParameterSpec.string("hub", "A data-hub file."));
        }

        @Override
        public Dataset load(Config config, DataContext context) {
            Path file = config.has("path") ? context.local(config.string("path")) : context.fetch(config.string("hub"));
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
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

    private static String rows() {
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 1; i <= 12; i++) {
            sb.append(i).append(',').append(2 * i + 1).append('\n');
        }
        return sb.toString();
    }

    private static String experiment(String dataset, String extra) {
        return """
                {"task": "k-fold", "dataset": DATASET, "preprocessing": {"steps": [{"type": "standardize"}]},
                 "model": {"layers": [{"type": "linear", "outputs": 1}]},
                 "loss": {"type": "mse"}, "optimizer": {"type": "sgd", "lr": 0.1},
                 "training": {"epochs": 3, "batch-size": 4, "metric": "rmse"}, "validation": {"folds": 2}EXTRA}
                """.replace("DATASET", dataset).replace("EXTRA", extra);
    }

    private static Experiment read(Path file) {
        List<PluginDescriptor> all = new ArrayList<>(PluginLoader.load(List.of()).all());
        all.add(PluginDescriptor.of(PluginKind.DATASET, new TableSource()));
        return new ExperimentReader(PluginRegistry.of(all, List.of()), BuiltInTasks.registry()).read(file);
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLocalFileIsReadRelativeToTheExperimentAndItsSha256IsInTheProvenance(@TempDir Path dir) throws IOException {
        Path experiments = Files.createDirectories(dir.resolve("project/experiments"));
        Path csv = Files.write(Files.createDirectories(experiments.resolve("data")).resolve("points.csv"), CSV);
        Path file = Files.writeString(experiments.resolve("points.json"),
                experiment("{\"type\": \"test-table\", \"path\": \"data/points.csv\"}", ""));
        Path out = dir.resolve("run");

        new ExperimentRunner(CpuKernels::new, line -> { }).run(read(file), RunFolder.at(out));

        JsonNode provenance = JSON.readTree(out.resolve("provenance.json").toFile());
        JsonNode locals = provenance.get("local-files");
        assertThat(locals).hasSize(1);
        assertThat(locals.get(0).get("path").asText()).isEqualTo("data/points.csv");
        assertThat(locals.get(0).get("resolved").asText()).isEqualTo(csv.toAbsolutePath().toString());
        assertThat(locals.get(0).get("sha256").asText()).isEqualTo(digest("SHA-256", CSV));
        assertThat(provenance.get("data-files")).isEmpty();
        assertThat(provenance.get("plugins")).extracting(p -> p.get("name").asText()).contains("test-table");
    }

    @Test
    void aHubFileTheExperimentDeclaresIsFetchedFromTheCacheAndListedWithItsSha1(@TempDir Path dir) throws IOException {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path copy = Files.write(cache.resolve("points.csv"), CSV);
        String sha1 = digest("SHA-1", CSV);
        Path file = Files.writeString(dir.resolve("points.json"), experiment("{\"type\": \"test-table\", \"hub\": \"team_points\"}",
                ", \"data-hub\": {\"team_points\": {\"file\": \"points.csv\", \"sha1\": \"" + sha1 + "\"}}"));
        Path out = dir.resolve("run");
        DataHub hub = DataHub.builder(DataCache.at(cache, "test")).build();

        new ExperimentRunner(CpuKernels::new, line -> { }, hub).run(read(file), RunFolder.at(out));

        JsonNode provenance = JSON.readTree(out.resolve("provenance.json").toFile());
        JsonNode files = provenance.get("data-files");
        assertThat(files).hasSize(1);
        assertThat(files.get(0).get("name").asText()).isEqualTo("team_points");
        assertThat(files.get(0).get("path").asText()).isEqualTo(copy.toAbsolutePath().toString());
        assertThat(files.get(0).get("sha1").asText()).isEqualTo(sha1);
        assertThat(provenance.has("local-files")).isFalse();
    }
}
