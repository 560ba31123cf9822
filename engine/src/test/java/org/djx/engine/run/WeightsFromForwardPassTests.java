package org.djx.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.api.DType;
import org.djx.api.Tensor;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.report.RunFolder;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.tasks.BuiltInTasks;
import org.djx.engine.tensor.CpuKernels;
import org.djx.engine.weights.Safetensors;
import org.djx.engine.weights.StoredTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * D2L 4.7's forward pass with the network's parameters from a safetensors file in PyTorch's layout instead of the
 * layers' explicit weights: the same outputs, bit for bit.
 */
class WeightsFromForwardPassTests {
    private static final Path FILE = Path.of("../experiments/forward-pass.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * forward-pass.json's weights, transposed by hand into PyTorch's [outputs, inputs]: djx's W1 = [[0.1, 0.3, 0.5],
     * [0.2, 0.4, 0.6]] maps 2 inputs to 3 outputs, so nn.Linear(2, 3).weight is [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]].
     */
    static Map<String, StoredTensor> d2lStateDict(String prefix, DType dtype) {
        Map<String, StoredTensor> t = new LinkedHashMap<>();
        t.put(prefix + "0.weight", StoredTensor.of(dtype, new int[] {3, 2}, rounded(dtype, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6)));
        t.put(prefix + "0.bias", StoredTensor.of(dtype, new int[] {3}, rounded(dtype, 0.1, 0.2, 0.3)));
        t.put(prefix + "2.weight", StoredTensor.of(dtype, new int[] {2, 3}, rounded(dtype, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6)));
        t.put(prefix + "2.bias", StoredTensor.of(dtype, new int[] {2}, rounded(dtype, 0.1, 0.2)));
        t.put(prefix + "4.weight", StoredTensor.of(dtype, new int[] {2, 2}, rounded(dtype, 0.1, 0.2, 0.3, 0.4)));
        t.put(prefix + "4.bias", StoredTensor.of(dtype, new int[] {2}, rounded(dtype, 0.1, 0.2)));
        return t;
    }

    private static double[] rounded(DType dtype, double... values) {
        double[] r = values.clone();
        if (dtype == DType.FLOAT32) {
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) r[i];
            }
        }
        return r;
    }

    /** forward-pass.json without its layers' weights and biases, naming {@code weightsFrom} instead. */
    static String withoutExplicitWeights(String weightsFrom) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(FILE.toFile());
        root.remove("expect");
        ObjectNode model = (ObjectNode) root.get("model");
        for (JsonNode layer : model.get("layers")) {
            ((ObjectNode) layer).remove(List.of("weights", "biases"));
        }
        model.put("weights-from", weightsFrom);
        return root.toPrettyString();
    }

    private static Map<String, Tensor> run(Path file) {
        Experiment experiment = new ExperimentReader(PluginLoader.load(List.of()), BuiltInTasks.registry()).read(file);
        return new ExperimentRunner(CpuKernels::new, line -> { }).run(experiment).outputs();
    }

    @Test
    void givesForwardPassJsonsOutputsBitForBit(@TempDir Path dir) throws Exception {
        Safetensors.write(dir.resolve("d2l.safetensors"), d2lStateDict("layers.", DType.FLOAT64), Map.of("format", "pt"));
        Files.writeString(dir.resolve("forward.json"), withoutExplicitWeights("d2l.safetensors"));

        Map<String, Tensor> fromFile = run(dir.resolve("forward.json"));
        Map<String, Tensor> explicit = run(FILE);

        assertThat(fromFile.keySet()).containsExactly("Z1", "Z2", "Y");
        for (String name : List.of("Z1", "Z2", "Y")) {
            assertThat(fromFile.get(name).toArray()).as(name).isEqualTo(explicit.get(name).toArray());
        }
        // D2L's printed Y, so that the two runs cannot agree on something else.
        assertThat(fromFile.get("Y").toArray()[0]).isBetween(0.316827075, 0.316827085);
    }

    @Test
    void theRunsProvenanceNamesTheWeightsFileAndItsSha256(@TempDir Path dir) throws Exception {
        Path weights = dir.resolve("d2l.safetensors");
        Safetensors.write(weights, d2lStateDict("layers.", DType.FLOAT64), Map.of());
        Files.writeString(dir.resolve("forward.json"), withoutExplicitWeights("d2l.safetensors"));
        Experiment experiment = new ExperimentReader(PluginLoader.load(List.of()), BuiltInTasks.registry())
                .read(dir.resolve("forward.json"));

        new ExperimentRunner(CpuKernels::new, line -> { }).run(experiment, RunFolder.at(dir.resolve("run")));

        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(weights)));
        assertThat(JSON.readTree(dir.resolve("run/provenance.json").toFile()).get("weights-from").asText())
                .isEqualTo("d2l.safetensors (" + weights + ", SHA-256 " + sha256 + ")");
    }

    @Test
    void takesABareSequentialsNamesWithoutTheLayersPrefix(@TempDir Path dir) throws Exception {
        Safetensors.write(dir.resolve("bare.safetensors"), d2lStateDict("", DType.FLOAT64), Map.of());
        Files.writeString(dir.resolve("forward.json"), withoutExplicitWeights("bare.safetensors"));

        assertThat(run(dir.resolve("forward.json")).get("Y").toArray()).isEqualTo(run(FILE).get("Y").toArray());
    }

    @Test
    void findsTheFileFromTheDataFolderWhenTheExperimentNamesOne(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("weights"));
        Safetensors.write(dir.resolve("weights/d2l.safetensors"), d2lStateDict("layers.", DType.FLOAT64), Map.of());
        ObjectNode root = (ObjectNode) JSON.readTree(withoutExplicitWeights("d2l.safetensors"));
        root.put("data-folder", "../weights");
        Files.createDirectories(dir.resolve("experiments"));
        Files.writeString(dir.resolve("experiments/forward.json"), root.toPrettyString());

        assertThat(run(dir.resolve("experiments/forward.json")).get("Y").toArray()).isEqualTo(run(FILE).get("Y").toArray());
    }
}
