package org.djx.engine.experiment;

import org.djx.engine.spec.TrainerOptions;
import org.djx.engine.spec.EpochLoss;
import org.djx.engine.tasks.TrainTask;
import org.djx.engine.tasks.ForwardTask;
import org.djx.engine.tasks.BuiltInTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.djx.api.Tensor;
import org.djx.engine.json.InvalidDocumentException;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.json.Location;
import org.djx.engine.json.Problem;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.run.ExperimentRunner;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExperimentReaderTests {
    private static final PluginRegistry REGISTRY = PluginLoader.load(List.of());
    private static final String FILE = "exp.json";

    private static Experiment read(String json) {
        JsonDocument document = JsonDocument.parse(FILE, json.getBytes(StandardCharsets.UTF_8));
        return new ExperimentReader(REGISTRY, BuiltInTasks.registry()).read(document, Path.of(FILE));
    }

    private static List<Problem> problems(String json) {
        InvalidDocumentException e = catchThrowableOfType(InvalidDocumentException.class, () -> read(json));
        assertThat(e).as("the experiment should have been rejected").isNotNull();
        return e.problems();
    }

    private static Problem onlyProblem(String json) {
        List<Problem> problems = problems(json);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    /** Where {@code marker} starts on line {@code line} of {@code json}, counted from 1 like an editor. */
    private static Location at(String json, int line, String marker) {
        String text = json.split("\n", -1)[line - 1];
        int index = text.indexOf(marker);
        assertThat(index).as("marker %s on line %d: %s", marker, line, text).isNotNegative();
        assertThat(text.indexOf(marker, index + 1)).as("marker %s is not unique on its line", marker).isNegative();
        return new Location(line, index + 1);
    }

    private static void assertProblem(Problem p, String path, Location location, String... words) {
        assertThat(p.file()).isEqualTo(FILE);
        assertThat(p.path()).isEqualTo(path);
        assertThat(p.location()).isEqualTo(location);
        for (String w : words) {
            assertThat(p.message()).contains(w);
        }
        assertThat(p.toString()).startsWith(FILE + ":" + location + ": at " + path + ": ");
    }

    // ---- malformed files ----

    @Test
    void aMisspeltLayerTypeListsTheAvailableLayersAndSuggestsTheClosest() {
        String json = """
                {
                  "task": "forward",
                  "model": {
                    "inputs": 2,
                    "layers": [
                      {"type": "linear", "outputs": 3},
                      {"type": "sigmiod"}
                    ]
                  },
                  "data": {"inputs": [[1, 2]]}
                }
                """;

        assertProblem(onlyProblem(json), "$.model.layers[1].type", at(json, 7, "\"sigmiod\""),
                "unknown layer 'sigmiod'", "available: dropout, identity, linear, relu, sigmoid, tanh",
                "(did you mean 'sigmoid'?)");
    }

    @Test
    void aMisspeltOptimizerListsTheAvailableOptimizers() {
        String json = """
                {
                  "task": "train",
                  "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                  "data": {"inputs": [[1], [2]], "targets": [[2], [4]]},
                  "loss": {"type": "mse"},
                  "optimizer": {"type": "adma", "lr": 0.1},
                  "training": {"epochs": 5}
                }
                """;

        assertProblem(onlyProblem(json), "$.optimizer.type", at(json, 6, "\"adma\""),
                "unknown optimizer 'adma'", "available: adam, adamw, sgd", "(did you mean 'adam'?)");
    }

    @Test
    void aMisspeltLayerInitializerListsTheAvailableInitializers() {
        String json = """
                {
                  "task": "forward",
                  "model": {
                    "inputs": 2,
                    "layers": [{"type": "linear", "outputs": 1, "init": {"type": "xavier-normel"}}]
                  },
                  "data": {"inputs": [[1, 2]]}
                }
                """;

        assertProblem(onlyProblem(json), "$.model.layers[0].init.type", at(json, 5, "\"xavier-normel\""),
                "unknown initializer 'xavier-normel'",
                "available: constant, he-normal, he-uniform, normal, uniform, xavier-normal, xavier-uniform, zeros",
                "(did you mean 'xavier-normal'?)");
    }

    @Test
    void anUnknownKeyInAPluginConfigListsTheValidKeys() {
        String json = """
                {
                  "task": "train",
                  "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                  "data": {"inputs": [[1], [2]], "targets": [[2], [4]]},
                  "loss": {"type": "mse"},
                  "optimizer": {"type": "sgd", "lr": 0.1, "momentun": 0.9},
                  "training": {"epochs": 5}
                }
                """;

        assertProblem(onlyProblem(json), "$.optimizer.momentun", at(json, 6, "0.9"),
                "unknown key 'momentun' for optimizer 'sgd'", "valid keys: lr, weight-decay, momentum, dampening, nesterov, type",
                "(did you mean 'momentum'?)");
    }

    @Test
    void aMisspeltLayerKeySuggestsTheDeclaredOneListsTheEngineKeysAndLeavesTheRequiredKeyMissing() {
        String json = """
                {
                  "task": "forward",
                  "model": {"inputs": 2, "layers": [{"type": "linear", "output": 3}]},
                  "data": {"inputs": [[1, 2]]}
                }
                """;

        List<Problem> problems = problems(json);

        assertThat(problems).hasSize(2);
        assertProblem(problems.get(0), "$.model.layers[0].output", at(json, 3, "3}"),
                "unknown key 'output' for layer 'linear'",
                "valid keys: outputs, bias, weights, biases, init, name, type", "(did you mean 'outputs'?)");
        // The misspelt key does not count as the required one.
        assertProblem(problems.get(1), "$.model.layers[0]", at(json, 3, "{\"type\""),
                "missing required key 'outputs' for layer 'linear'");
    }

    @Test
    void anUnknownTopLevelKeyListsTheValidKeys() {
        String json = """
                {
                  "task": "forward",
                  "seeed": 7,
                  "model": {"inputs": 1, "layers": [{"type": "identity"}]},
                  "data": {"inputs": [[1]]}
                }
                """;

        assertProblem(onlyProblem(json), "$.seeed", at(json, 3, "7"),
                "unknown key 'seeed' for an experiment",
                "valid keys: task, name, description, seed, data-folder, classifier, concept, curve, data, dataset, loss, model, optimizer, preprocessing, product, schedule, shift, stack, submission, training, validation, expect, sweep, data-hub",
                "(did you mean 'seed'?)");
    }

    @Test
    void aStringIsNotCoercedToAnInteger() {
        String json = """
                {
                  "task": "train",
                  "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                  "data": {"inputs": [[1], [2]], "targets": [[2], [4]]},
                  "loss": {"type": "mse"},
                  "optimizer": {"type": "sgd", "lr": 0.1},
                  "training": {"epochs": "10"}
                }
                """;

        assertProblem(onlyProblem(json), "$.training.epochs", at(json, 7, "\"10\""),
                "expected an integer >= 1", "found the string \"10\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.5", "10.0", "1e1"})
    void aNumberWithAFractionOrExponentIsNotAnInteger(String epochs) {
        String json = """
                {
                  "task": "train",
                  "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                  "data": {"inputs": [[1], [2]], "targets": [[2], [4]]},
                  "loss": {"type": "mse"},
                  "optimizer": {"type": "sgd", "lr": 0.1},
                  "training": {"epochs": EPOCHS}
                }
                """.replace("EPOCHS", epochs);

        assertProblem(onlyProblem(json), "$.training.epochs", at(json, 7, epochs),
                "expected an integer >= 1", "found the number " + Double.parseDouble(epochs));
    }

    @Test
    void anIntegerBeyondIntRangeIsRejectedAsOutOfRange() {
        String json = """
                {
                  "task": "forward",
                  "seed": 3000000000,
                  "model": {"inputs": 1, "layers": [{"type": "identity"}]},
                  "data": {"inputs": [[1]]}
                }
                """;

        assertProblem(onlyProblem(json), "$.seed", at(json, 3, "3000000000"),
                "expected an integer >= 0", "3000000000, which is out of range");
    }

    @Test
    void nullIsNotANumber() {
        String json = """
                {
                  "task": "train",
                  "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                  "data": {"inputs": [[1], [2]], "targets": [[2], [4]]},
                  "loss": {"type": "mse"},
                  "optimizer": {"type": "sgd", "lr": null},
                  "training": {"epochs": 5}
                }
                """;

        assertProblem(onlyProblem(json), "$.optimizer.lr", at(json, 6, "null"),
                "expected a number > 0", "found null");
    }

    @Test
    void aNegativeLearningRateBreaksItsBound() {
        String json = """
                {
                  "task": "train",
                  "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                  "data": {"inputs": [[1], [2]], "targets": [[2], [4]]},
                  "loss": {"type": "mse"},
                  "optimizer": {"type": "sgd", "lr": -0.01},
                  "training": {"epochs": 5}
                }
                """;

        assertProblem(onlyProblem(json), "$.optimizer.lr", at(json, 6, "-0.01"),
                "lr must be > 0", "found -0.01");
    }

    @Test
    void aZeroLearningRateBreaksTheExclusiveBound() {
        String json = """
                {
                  "task": "train",
                  "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                  "data": {"inputs": [[1], [2]], "targets": [[2], [4]]},
                  "loss": {"type": "mse"},
                  "optimizer": {"type": "adam", "lr": 0},
                  "training": {"epochs": 5}
                }
                """;

        assertProblem(onlyProblem(json), "$.optimizer.lr", at(json, 6, "0}"), "lr must be > 0", "found 0.0");
    }

    @Test
    void zeroEpochsBreaksItsBound() {
        String json = """
                {
                  "task": "train",
                  "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                  "data": {"inputs": [[1], [2]], "targets": [[2], [4]]},
                  "loss": {"type": "mse"},
                  "optimizer": {"type": "sgd", "lr": 0.1},
                  "training": {"epochs": 0}
                }
                """;

        assertProblem(onlyProblem(json), "$.training.epochs", at(json, 7, "0}"), "epochs must be >= 1", "found 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"batch-size\": 0", "\"shuffle\": \"yes\"", "\"report-every\": 0"})
    void anInvalidValueOfADefaultedTrainingKeyIsReportedAtItsPath(String entry) {
        String json = """
                {
                  "task": "train",
                  "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                  "data": {"inputs": [[1], [2]], "targets": [[2], [4]]},
                  "loss": {"type": "mse"},
                  "optimizer": {"type": "sgd", "lr": 0.1},
                  "training": {"epochs": 5, ENTRY}
                }
                """.replace("ENTRY", entry);
        String key = entry.substring(1, entry.indexOf('"', 1));
        String value = entry.substring(entry.indexOf(": ") + 2);

        assertProblem(onlyProblem(json), "$.training." + key, at(json, 7, value + "}"));
    }

    @Test
    void missingEpochsIsReportedAtTheTrainingSection() {
        String json = """
                {
                  "task": "train",
                  "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                  "data": {"inputs": [[1], [2]], "targets": [[2], [4]]},
                  "loss": {"type": "mse"},
                  "optimizer": {"type": "sgd", "lr": 0.1},
                  "training": {"batch-size": 1}
                }
                """;

        assertProblem(onlyProblem(json), "$.training", at(json, 7, "{\"batch-size\""),
                "missing required key 'epochs' for the training section", "an integer >= 1");
    }

    @Test
    void aMissingTaskIsReportedAtTheRootWithTheTaskNames() {
        String json = """
                {
                  "model": {"inputs": 1, "layers": [{"type": "identity"}]},
                  "data": {"inputs": [[1]]}
                }
                """;

        assertProblem(onlyProblem(json), "$", new Location(1, 1),
                "missing required key 'task' for an experiment", "one of: forward, train");
    }

    @Test
    void anUnknownTaskListsTheTasksAndSuggestsTheClosest() {
        String json = """
                {
                  "task": "trian",
                  "model": {"inputs": 1, "layers": [{"type": "identity"}]},
                  "data": {"inputs": [[1]]}
                }
                """;

        assertProblem(onlyProblem(json), "$.task", at(json, 2, "\"trian\""),
                "'trian' is not a valid value for task", "valid: forward, train", "(did you mean 'train'?)");
    }

    @Test
    void aTaskThatIsNotAStringIsRejected() {
        String json = """
                {
                  "task": 1,
                  "model": {"inputs": 1, "layers": [{"type": "identity"}]},
                  "data": {"inputs": [[1]]}
                }
                """;

        assertProblem(onlyProblem(json), "$.task", at(json, 2, "1"),
                "expected one of: forward, train", "found the integer 1");
    }

    @Test
    void aSectionTheTaskDoesNotUseIsRejected() {
        String json = """
                {
                  "task": "forward",
                  "model": {"inputs": 1, "layers": [{"type": "identity"}]},
                  "data": {"inputs": [[1]]},
                  "loss": {"type": "mse"}
                }
                """;

        assertProblem(onlyProblem(json), "$.loss", at(json, 5, "{\"type\""),
                "the section 'loss' is not used by task 'forward'", "which uses: data, model");
    }

    @Test
    void targetsInAForwardTaskAreAnUnknownKey() {
        String json = """
                {
                  "task": "forward",
                  "model": {"inputs": 1, "layers": [{"type": "identity"}]},
                  "data": {"inputs": [[1]], "targets": [[1]]}
                }
                """;

        assertProblem(onlyProblem(json), "$.data.targets", at(json, 4, "[[1]]}"),
                "unknown key 'targets' for the data section", "valid keys: inputs");
    }

    @Test
    void aMissingSectionThatTrainingNeedsIsReportedAtTheRoot() {
        String json = """
                {
                  "task": "train",
                  "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                  "data": {"inputs": [[1], [2]], "targets": [[2], [4]]},
                  "loss": {"type": "mse"},
                  "training": {"epochs": 5}
                }
                """;

        assertProblem(onlyProblem(json), "$", new Location(1, 1),
                "missing section 'optimizer', which task 'train' requires");
    }

    @Test
    void aRaggedMatrixRowIsReportedAtThatRow() {
        String json = """
                {
                  "task": "forward",
                  "model": {"inputs": 2, "layers": [{"type": "identity"}]},
                  "data": {
                    "inputs": [
                      [1, 2],
                      [3, 4],
                      [5]
                    ]
                  }
                }
                """;

        assertProblem(onlyProblem(json), "$.data.inputs[2]", at(json, 8, "[5]"),
                "row 2 has 1 values but row 0 has 2", "same length");
    }

    @Test
    void anEmptyMatrixIsRejected() {
        String json = """
                {
                  "task": "forward",
                  "model": {"inputs": 2, "layers": [{"type": "identity"}]},
                  "data": {"inputs": []}
                }
                """;

        assertProblem(onlyProblem(json), "$.data.inputs", at(json, 4, "[]"), "found an empty array");
    }

    @Test
    void aNonNumberCellIsReportedAtTheCellWithItsValue() {
        String json = """
                {
                  "task": "forward",
                  "model": {"inputs": 2, "layers": [{"type": "identity"}]},
                  "data": {"inputs": [[1, "2"]]}
                }
                """;

        assertProblem(onlyProblem(json), "$.data.inputs[0][1]", at(json, 4, "\"2\""), "the string \"2\"");
    }

    @Test
    void inputsNarrowerOrWiderThanTheModelAreRejected() {
        String json = """
                {
                  "task": "forward",
                  "model": {"inputs": 2, "layers": [{"type": "identity"}]},
                  "data": {"inputs": [[1, 2, 3], [4, 5, 6]]}
                }
                """;

        assertProblem(onlyProblem(json), "$.data.inputs", at(json, 4, "[[1, 2, 3]"),
                "each example has 3 values but model.inputs is 2");
    }

    @Test
    void moreTargetRowsThanExamplesAreRejected() {
        String json = """
                {
                  "task": "train",
                  "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                  "data": {
                    "inputs": [[1], [2]],
                    "targets": [[2], [4], [6]]
                  },
                  "loss": {"type": "mse"},
                  "optimizer": {"type": "sgd", "lr": 0.1},
                  "training": {"epochs": 5}
                }
                """;

        assertProblem(onlyProblem(json), "$.data.targets", at(json, 6, "[[2]"),
                "there are 3 target rows for 2 examples");
    }

    @Test
    void aLayerNameUsedTwiceIsRejectedAtTheSecondUse() {
        String json = """
                {
                  "task": "forward",
                  "model": {
                    "inputs": 2,
                    "layers": [
                      {"type": "linear", "outputs": 3, "name": "hidden"},
                      {"type": "sigmoid", "name": "hidden"},
                      {"type": "linear", "outputs": 1, "name": "out"}
                    ]
                  },
                  "data": {"inputs": [[1, 2]]}
                }
                """;

        assertProblem(onlyProblem(json), "$.model.layers[1].name", at(json, 7, "\"hidden\""),
                "the layer name 'hidden' is used twice");
    }

    @Test
    void linearWeightsOfTheWrongShapeAreRejectedWhenTheFileIsRead() {
        String json = """
                {
                  "task": "forward",
                  "model": {
                    "inputs": 2,
                    "layers": [
                      {"type": "linear", "outputs": 3,
                       "weights": [[0.1, 0.2], [0.3, 0.4]]}
                    ]
                  },
                  "data": {"inputs": [[1, 2]]}
                }
                """;
        assertProblem(onlyProblem(json), "$.model.layers[0].weights", at(json, 7, "[[0.1"),
                "expected 2 x 3 (inputs x outputs), found 2 x 2");
    }

    @Test
    void targetColumnsThatDoNotMatchTheLastLayerAreRejectedWhenTheFileIsRead() {
        String json = """
                {
                  "task": "train",
                  "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                  "data": {"inputs": [[1], [2]], "targets": [[2, 0], [4, 0]]},
                  "loss": {"type": "mse"},
                  "optimizer": {"type": "sgd", "lr": 0.1},
                  "training": {"epochs": 5}
                }
                """;
        assertProblem(onlyProblem(json), "$.data.targets", at(json, 4, "[[2, 0]"),
                "each target row has 2 values but the network's last layer has 1 outputs");
    }

    @Test
    void anEmptyLayerListIsRejected() {
        String json = """
                {
                  "task": "forward",
                  "model": {"inputs": 1, "layers": []},
                  "data": {"inputs": [[1]]}
                }
                """;

        assertProblem(onlyProblem(json), "$.model.layers", at(json, 3, "[]"), "expected a non-empty array of layer objects");
    }

    @Test
    void aDocumentThatIsNotAnObjectIsRejected() {
        assertProblem(onlyProblem("[1, 2]"), "$", new Location(1, 1), "expected a JSON object", "found an array");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnceInDocumentOrder() {
        String json = """
                {
                  "task": "train",
                  "model": {"inputs": 2, "layers": [{"type": "linaer", "outputs": 1}]},
                  "data": {"inputs": [[1, 2], [3, 4]], "targets": [[1], [2]]},
                  "loss": {"type": "mse"},
                  "optimizer": {"type": "sdg", "lr": 0.1},
                  "training": {"epochs": -3}
                }
                """;
        InvalidDocumentException e = catchThrowableOfType(InvalidDocumentException.class, () -> read(json));

        assertThat(e).isNotNull();
        assertThat(e.problems()).hasSize(3);
        assertProblem(e.problems().get(0), "$.model.layers[0].type", at(json, 3, "\"linaer\""), "unknown layer 'linaer'");
        assertProblem(e.problems().get(1), "$.optimizer.type", at(json, 6, "\"sdg\""), "unknown optimizer 'sdg'");
        assertProblem(e.problems().get(2), "$.training.epochs", at(json, 7, "-3"), "epochs must be >= 1");
        assertThat(e.getMessage()).startsWith(FILE + ": 3 problems");
        assertThat(e.getMessage().lines()).hasSize(4);
    }

    // ---- valid files ----

    @Test
    void aValidFileReadsIntoTheExpectedExperimentWithDefaultsFilledIn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("line-fit.json");
        Files.writeString(file, """
                {
                  "task": "train",
                  "model": {
                    "inputs": 2,
                    "layers": [{"type": "linear", "outputs": 1, "name": "y"}]
                  },
                  "data": {"inputs": [[1, 2], [3, 4], [5, 6]], "targets": [[1], [2], [3]]},
                  "loss": {"type": "mse"},
                  "optimizer": {"type": "sgd", "lr": 0.05},
                  "training": {"epochs": 10}
                }
                """);

        Experiment e = new ExperimentReader(REGISTRY, BuiltInTasks.registry()).read(file);

        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e.name()).isEqualTo("line-fit");
        assertThat(e.description()).isEmpty();
        assertThat(e.seed()).isZero();
        assertThat(e.task().name()).isEqualTo("train");

        assertThat(e.model().inputs()).isEqualTo(2);
        assertThat(e.model().init().type()).isEqualTo("normal");
        assertThat(e.model().init().plugin().kind()).isEqualTo(PluginKind.INITIALIZER);
        assertThat(e.model().init().config().number("std")).isEqualTo(0.01);
        assertThat(e.model().init().config().number("mean")).isEqualTo(0.0);
        assertThat(e.model().layers()).hasSize(1);
        org.djx.engine.spec.LayerSpec layer = e.model().layers().get(0);
        assertThat(layer.label()).isEqualTo("y");
        assertThat(layer.init()).isNull();
        assertThat(layer.layer().type()).isEqualTo("linear");
        assertThat(layer.layer().path()).isEqualTo("$.model.layers[0]");
        assertThat(layer.layer().config().integer("outputs")).isEqualTo(1);
        assertThat(layer.layer().config().bool("bias")).isTrue();
        assertThat(layer.layer().config().has("weights")).isFalse();

        assertThat(train(e).inputs().toRows()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        assertThat(train(e).targets().toRows()).isDeepEqualTo(new double[][] {{1}, {2}, {3}});

        assertThat(train(e).loss().type()).isEqualTo("mse");
        assertThat(train(e).optimizer().type()).isEqualTo("sgd");
        assertThat(train(e).optimizer().config().number("lr")).isEqualTo(0.05);
        assertThat(train(e).optimizer().config().number("weight-decay")).isEqualTo(0.0);

        assertThat(train(e).training().trainer()).isEqualTo(new TrainerOptions(10, 64, true, Double.NaN, EpochLoss.FULL_PASS));
        assertThat(train(e).training().reportEvery()).isEqualTo(1);
        assertThat(train(e).training().traceFirstStep()).isFalse();
    }

    @Test
    void explicitValuesReplaceTheDefaults() {
        Experiment e = read("""
                {
                  "task": "train",
                  "name": "custom",
                  "description": "Fits a line.",
                  "seed": 42,
                  "model": {"inputs": 1, "init": {"type": "uniform", "low": -1, "high": 1},
                            "layers": [{"type": "linear", "outputs": 1, "bias": false,
                                        "init": {"type": "constant", "value": 0.5}}]},
                  "data": {"inputs": [[1], [2]], "targets": [[2], [4]]},
                  "loss": {"type": "half-squared-error"},
                  "optimizer": {"type": "adam", "lr": 0.5, "weight-decay": 0.01},
                  "training": {"epochs": 3, "batch-size": 1, "shuffle": false, "tolerance": 1e-6, "report-every": 2}
                }
                """);

        assertThat(e.name()).isEqualTo("custom");
        assertThat(e.description()).isEqualTo("Fits a line.");
        assertThat(e.seed()).isEqualTo(42);
        assertThat(e.model().init().type()).isEqualTo("uniform");
        assertThat(e.model().init().config().number("low")).isEqualTo(-1.0);
        assertThat(e.model().layers().get(0).layer().config().bool("bias")).isFalse();
        assertThat(e.model().layers().get(0).init().type()).isEqualTo("constant");
        assertThat(e.model().layers().get(0).init().config().number("value")).isEqualTo(0.5);
        assertThat(train(e).loss().type()).isEqualTo("half-squared-error");
        assertThat(train(e).optimizer().config().number("beta1")).isEqualTo(0.9);
        assertThat(train(e).optimizer().config().number("weight-decay")).isEqualTo(0.01);
        assertThat(train(e).training()).isEqualTo(new org.djx.engine.spec.TrainingSpec(new TrainerOptions(3, 1, false, 1e-6, EpochLoss.FULL_PASS), 2, false));
    }

    @Test
    void aForwardTaskHasDataWithoutTargets() {
        Experiment e = read("""
                {"task": "forward", "model": {"inputs": 1, "layers": [{"type": "identity"}]}, "data": {"inputs": [[1]]}}
                """);

        assertThat(e.task().name()).isEqualTo("forward");
        assertThat(e.job().spec()).isInstanceOf(ForwardTask.Spec.class);
        assertThat(((ForwardTask.Spec) e.job().spec()).inputs().toRows()).isDeepEqualTo(new double[][] {{1}});
    }

    @Test
    void theParsedDataCannotBeChangedThroughWhatItHandsOut() {
        Experiment e = read("""
                {"task": "forward", "model": {"inputs": 2, "layers": [{"type": "identity"}]}, "data": {"inputs": [[1, 2]]}}
                """);

        Tensor handedOut = ((ForwardTask.Spec) e.job().spec()).inputs();
        handedOut.set(0, 99);

        assertThat(((ForwardTask.Spec) e.job().spec()).inputs().get(0)).isEqualTo(1.0);
    }

    private static TrainTask.Spec train(Experiment e) {
        assertThat(e.job().spec()).isInstanceOf(TrainTask.Spec.class);
        return (TrainTask.Spec) e.job().spec();
    }

    @Test
    void aTabularModelWhoseWeightsFixTheDataWidthIsLeftToTheRun() {
        // The data decides the width: 331 house-price features here. One input feature stands in for it at
        // validation, and a layer that refuses that stand-in is not reported: its real width comes with the data.
        String weights = java.util.Collections.nCopies(331, "[0.0]").toString();
        Experiment e = read("""
                {"task": "k-fold", "dataset": {"type": "kaggle-house"}, "preprocessing": {"steps": [{"type": "standardize"}]},
                 "model": {"layers": [{"type": "linear", "outputs": 1, "weights": WEIGHTS}]},
                 "loss": {"type": "mse"}, "optimizer": {"type": "sgd", "lr": 0.1}, "training": {"epochs": 1},
                 "validation": {"folds": 2}}
                """.replace("WEIGHTS", weights));

        assertThat(e.task().name()).isEqualTo("k-fold");
    }

    @Test
    void aTabularModelWithTwoOutputsIsRefusedBeforeTheDataIsLoaded() {
        String json = """
                {"task": "k-fold", "dataset": {"type": "kaggle-house"}, "preprocessing": {"steps": []},
                 "model": {"layers": [{"type": "linear", "outputs": 2}]},
                 "loss": {"type": "mse"}, "optimizer": {"type": "sgd", "lr": 0.1}, "training": {"epochs": 1},
                 "validation": {"folds": 2}}
                """;

        assertThat(onlyProblem(json).message()).isEqualTo("the network's last layer has 2 outputs; a regression on a tabular"
                + " dataset fits one target, so it needs 1 (for classes, use a classification metric: accuracy, log-loss, auc, macro-f1)");
        assertThat(onlyProblem(json).path()).isEqualTo("$.model.layers");
    }

    @Test
    void aLayersOwnKeysAreCheckedEvenWhenItsPluginKeysAreNot() {
        String json = """
                {"task": "forward",
                 "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": [4], "name": ["x"], "init": {"type": "nomal"}}]},
                 "data": {"inputs": [[1]]}}
                """;

        assertThat(problems(json)).extracting(Problem::path).containsExactly("$.model.layers[0].outputs",
                "$.model.layers[0].name", "$.model.layers[0].init.type");
    }

    @Test
    void anExpectationOfAResultTheTaskDoesNotProduceIsRefusedWithTheResultsItDoes() {
        String json = """
                {"task": "k-fold", "dataset": {"type": "kaggle-house"}, "preprocessing": {"steps": []},
                 "model": {"layers": [{"type": "linear", "outputs": 1}]},
                 "loss": {"type": "mse"}, "optimizer": {"type": "sgd", "lr": 0.1}, "training": {"epochs": 1},
                 "validation": {"folds": 2},
                 "expect": {"avg-valid-log-rmsee": {"max": 0.2}, "fold-2/valid-log-rmse": {"max": 0.3}, "fold-3/valid-log-rmse": {"max": 1}}}
                """;

        List<Problem> p = problems(json);

        assertThat(p).extracting(Problem::path).containsExactly("$.expect.avg-valid-log-rmsee", "$.expect['fold-3/valid-log-rmse']");
        assertThat(p.get(0).message()).startsWith("task 'k-fold' produces no result 'avg-valid-log-rmsee'; its results are:"
                + " train-rows, features, fold-1/train-log-rmse, fold-1/valid-log-rmse, fold-2/train-log-rmse")
                .endsWith("(did you mean 'avg-valid-log-rmse'?)");
    }

    @Test
    void aNetworkTooLargeForTheHeapIsRefusedNamingThePluginAndTheLimit() {
        // 2 x 1e9 float64 weights are 16 GB: the allocation fails at once, whatever the test JVM's heap.
        String json = """
                {"task": "forward", "model": {"inputs": 2, "layers": [{"type": "linear", "outputs": 1000000000}]},
                 "data": {"inputs": [[1, 2]]}}
                """;

        Problem p = onlyProblem(json);

        assertThat(p.path()).isEqualTo("$.model");
        // Refused before the allocation, with the size it would take rather than a caught OutOfMemoryError.
        assertThat(p.message()).startsWith("layer 'linear' at $.model.layers[0] asks for a parameter 'weight' of 2 x 1000000000"
                + " float64 values: with its gradient 29.8 GiB;").contains("the heap holds at most ").contains("DJX_JAVA_OPTS=-Xmx");
    }

    @Test
    void twoStackInitializersOfOneLabelAreRefusedBeforeTheirResultsCollide() {
        // Labels leave out settings equal to their defaults, so these two would both name their results "normal".
        String json = """
                {"task": "depth-statistics", "stack": {"depth": 2, "width": 4, "batch": 4, "activations": ["tanh"],
                 "initializers": [{"type": "normal"}, {"type": "normal", "std": 0.01}]}}
                """;

        Problem p = onlyProblem(json);

        assertThat(p.path()).isEqualTo("$.stack.initializers[1]");
        assertThat(p.message()).startsWith("this initializer is labelled 'normal', as initializer 0 is");
    }
}
