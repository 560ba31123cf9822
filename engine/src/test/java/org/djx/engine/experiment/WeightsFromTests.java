package org.djx.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.djx.api.DType;
import org.djx.engine.cli.Main;
import org.djx.engine.json.InvalidDocumentException;
import org.djx.engine.json.Location;
import org.djx.engine.json.Problem;
import org.djx.engine.tasks.BuiltInTasks;
import org.djx.engine.tasks.Experiments;
import org.djx.engine.weights.Safetensors;
import org.djx.engine.weights.StoredTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model's weights-from key: every way the file can be wrong is refused at $.model.weights-from before anything runs. */
class WeightsFromTests {
    /** D2L 4.7's 2-3-2-2 network without its weights; the key sits on line 5. */
    private static final String FORWARD = """
            {
              "task": "forward",
              "model": {
                "inputs": 2,
                "weights-from": "WEIGHTS",
                "layers": [
                  {"type": "linear", "outputs": 3}, {"type": "sigmoid", "name": "Z1"},
                  {"type": "linear", "outputs": 2}, {"type": "sigmoid", "name": "Z2"},
                  {"type": "linear", "outputs": 2}, {"type": "identity", "name": "Y"}
                ]
              },
              "data": {"inputs": [[1.0, 0.5]]}
            }
            """;
    private static final Location KEY = new Location(5, FORWARD.lines().toList().get(4).indexOf("\"WEIGHTS\"") + 1);
    private static final String NAMES = "layers.0.weight, layers.0.bias, layers.2.weight, layers.2.bias, layers.4.weight,"
            + " layers.4.bias";

    /** The network's parameters in PyTorch's layout, each weight [outputs, inputs]. */
    private static Map<String, StoredTensor> stateDict(DType dtype) {
        Map<String, StoredTensor> t = new LinkedHashMap<>();
        t.put("layers.0.weight", StoredTensor.of(dtype, new int[] {3, 2}, new double[6]));
        t.put("layers.0.bias", StoredTensor.of(dtype, new int[] {3}, new double[3]));
        t.put("layers.2.weight", StoredTensor.of(dtype, new int[] {2, 3}, new double[6]));
        t.put("layers.2.bias", StoredTensor.of(dtype, new int[] {2}, new double[2]));
        t.put("layers.4.weight", StoredTensor.of(dtype, new int[] {2, 2}, new double[4]));
        t.put("layers.4.bias", StoredTensor.of(dtype, new int[] {2}, new double[2]));
        return t;
    }

    private static Path experiment(Path dir, String weights) throws Exception {
        return Files.writeString(dir.resolve("forward.json"), FORWARD.replace("WEIGHTS", weights));
    }

    /** Reads the file, expecting one problem, and returns it. */
    private static Problem onlyProblem(Path file) {
        try {
            Experiments.reader().read(file);
        } catch (InvalidDocumentException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().get(0);
        }
        throw new AssertionError(file + " was read without a problem");
    }

    private static void assertRefused(Path file, String message) {
        Problem p = onlyProblem(file);
        assertThat(p.path()).isEqualTo("$.model.weights-from");
        assertThat(p.location()).isEqualTo(KEY);
        assertThat(p.message()).isEqualTo(message);
    }

    @Test
    void refusesAFileThatDoesNotExist(@TempDir Path dir) throws Exception {
        assertRefused(experiment(dir, "init.safetensors"), "the weights file 'init.safetensors' (" + dir.resolve("init.safetensors")
                + ", relative to the experiment file's folder " + dir + ") does not exist. Check the path; a relative path starts"
                + " at the folder of the experiment file, not at the current directory.");
    }

    @Test
    void refusesAFolder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("init"));

        assertThat(onlyProblem(experiment(dir, "init")).message()).endsWith(") is not a regular file; name a safetensors file,"
                + " such as PyTorch's safetensors.torch.save_file(model.state_dict(), ...) writes.");
    }

    @Test
    void refusesAFileThatIsNotSafetensorsWithTheReadersMessage(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("init.safetensors"), "not a safetensors file");

        String message = onlyProblem(experiment(dir, "init.safetensors")).message();

        assertThat(message).startsWith("cannot read safetensors file " + dir.resolve("init.safetensors") + ": ");
        assertThatThrownBy(() -> Safetensors.read(dir.resolve("init.safetensors"))).hasMessage(message);
    }

    @Test
    void refusesAMissingParameter(@TempDir Path dir) throws Exception {
        Map<String, StoredTensor> tensors = stateDict(DType.FLOAT64);
        tensors.remove("layers.4.bias");
        Safetensors.write(dir.resolve("init.safetensors"), tensors, Map.of());

        assertRefused(experiment(dir, "init.safetensors"), "init.safetensors: the parameter 'layers.4.bias' of layer 4 is missing;"
                + " the file holds layers.0.weight, layers.0.bias, layers.2.weight, layers.2.bias, layers.4.weight");
    }

    @Test
    void refusesATensorThatIsNoParameter(@TempDir Path dir) throws Exception {
        Map<String, StoredTensor> tensors = stateDict(DType.FLOAT64);
        // Layer 1 is a sigmoid: a file of another architecture.
        tensors.put("layers.1.weight", StoredTensor.of(DType.FLOAT64, new int[] {3, 3}, new double[9]));
        Safetensors.write(dir.resolve("init.safetensors"), tensors, Map.of());

        assertRefused(experiment(dir, "init.safetensors"), "init.safetensors: the tensor 'layers.1.weight' is no parameter of this"
                + " model, whose parameters are " + NAMES);
    }

    @Test
    void refusesAWeightInDjxsLayoutRatherThanPyTorchs(@TempDir Path dir) throws Exception {
        Map<String, StoredTensor> tensors = stateDict(DType.FLOAT64);
        tensors.put("layers.0.weight", StoredTensor.of(DType.FLOAT64, new int[] {2, 3}, new double[6]));
        Safetensors.write(dir.resolve("init.safetensors"), tensors, Map.of());

        assertRefused(experiment(dir, "init.safetensors"), "init.safetensors: the tensor 'layers.0.weight' has the shape [2, 3],"
                + " but the model's parameter has [3, 2] ([outputs, inputs], as PyTorch stores a linear layer's weight)");
    }

    @Test
    void refusesFloat32TensorsForAFloat64Model(@TempDir Path dir) throws Exception {
        Safetensors.write(dir.resolve("init.safetensors"), stateDict(DType.FLOAT32), Map.of());

        assertRefused(experiment(dir, "init.safetensors"), "init.safetensors: the tensor 'layers.0.weight' is float32, but the model"
                + " is float64; save it as float64 or set the model's dtype");
    }

    @Test
    void refusesOneParameterUnderTwoNames(@TempDir Path dir) throws Exception {
        Map<String, StoredTensor> tensors = stateDict(DType.FLOAT64);
        tensors.put("0.bias", tensors.get("layers.0.bias"));
        Safetensors.write(dir.resolve("init.safetensors"), tensors, Map.of());

        assertRefused(experiment(dir, "init.safetensors"), "init.safetensors: the file holds both 'layers.0.bias' and '0.bias',"
                + " one parameter under two names; keep one of them");
    }

    @Test
    void reportsAMissingFileTogetherWithTheLayersProblems(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("forward.json"), FORWARD.replace("WEIGHTS", "init.safetensors")
                .replace("\"identity\"", "\"identiy\""));

        assertThatThrownBy(() -> Experiments.reader().read(file)).isInstanceOf(InvalidDocumentException.class)
                .satisfies(e -> assertThat(((InvalidDocumentException) e).problems()).extracting(Problem::path)
                        .containsExactly("$.model.weights-from", "$.model.layers[5].type"));
    }

    @Test
    void validateRefusesAMisShapedFileWithTheFileLineAndColumn(@TempDir Path dir) throws Exception {
        Map<String, StoredTensor> tensors = stateDict(DType.FLOAT64);
        tensors.put("layers.2.weight", StoredTensor.of(DType.FLOAT64, new int[] {2, 4}, new double[8]));
        Safetensors.write(dir.resolve("init.safetensors"), tensors, Map.of());
        Path file = experiment(dir, "init.safetensors");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.execute(new String[] {"validate", file.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo(file + ":" + KEY + ": at $.model.weights-from: init.safetensors: the tensor"
                + " 'layers.2.weight' has the shape [2, 4], but the model's parameter has [2, 3] ([outputs, inputs], as PyTorch"
                + " stores a linear layer's weight)");
    }

    @Test
    void isAKeyOfTheModelInTheSchema() {
        assertThat(ExperimentReader.modelKeys()).extracting(k -> k.name()).contains("weights-from");
        assertThat(ExperimentSchema.generate(Experiments.PLUGINS, BuiltInTasks.registry()).findValue("weights-from"))
                .isNotNull();
    }

    @Test
    void givesASweepsTrialsTheFileByItsFullPath(@TempDir Path dir) throws Exception {
        Map<String, StoredTensor> line = new LinkedHashMap<>();
        line.put("layers.0.weight", StoredTensor.of(DType.FLOAT64, new int[] {1, 1}, new double[] {0.5}));
        line.put("layers.0.bias", StoredTensor.of(DType.FLOAT64, new int[] {1}, new double[] {0.0}));
        Safetensors.write(dir.resolve("line.safetensors"), line, Map.of());
        Path file = Files.writeString(dir.resolve("line.json"), """
                {"task": "train", "name": "line",
                 "model": {"inputs": 1, "weights-from": "line.safetensors", "layers": [{"type": "linear", "outputs": 1}]},
                 "data": {"inputs": [[1], [2]], "targets": [[3], [5]]},
                 "loss": {"type": "mse"}, "optimizer": {"type": "sgd", "lr": 0.01}, "training": {"epochs": 2},
                 "sweep": {"objective": {"result": "final-loss"}, "parameters": {"optimizer.lr": {"values": [0.01, 0.02]}}}}
                """);

        Experiment sweep = Experiments.reader().read(file);

        String full = dir.resolve("line.safetensors").toString();
        assertThat(sweep.sweep().requests()).hasSize(2)
                .allSatisfy(r -> assertThat(Experiments.read("trial.json", r.experiment()).model().weights().file()).isEqualTo(full));
    }

    @Test
    void bindsNoWeightsWhenTheModelNamesNone() {
        assertThat(Experiments.read("f.json", FORWARD.replace("\"weights-from\": \"WEIGHTS\",", "")).model().weights()).isNull();
    }

    @Test
    void listsTheKeyAmongTheModelsKeysInMessagesAboutUnknownOnes() {
        assertThatThrownBy(() -> Experiments.read("f.json", FORWARD.replace("\"weights-from\"", "\"weights-form\"")))
                .hasMessageContaining("weights-from");
    }
}
