package org.djx.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.djx.api.PluginException;
import org.djx.api.Tensor;
import org.djx.api.spi.Config;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.plugin.PluginRegistry;

/**
 * Reads an experiment file into an {@link Experiment}, checking everything that can be checked without
 * running it, and reporting every problem at once with its file, line:column and JSON path.
 */
public final class ExperimentReader {
    /** The top-level keys besides the sections. */
    static final List<ParameterSpec> TOP_LEVEL = List.of(
            ParameterSpec.string("task", "What the experiment does.", TaskKind.labels().toArray(String[]::new)).asRequired(),
            ParameterSpec.string("name", "Name of the experiment; defaults to the file name without .json."),
            ParameterSpec.string("description", "What the experiment shows."),
            ParameterSpec.integer("seed", "Root of every random stream of the run.").withDefault(0).atLeast(0));
    static final List<String> SECTIONS = List.of("model", "data", "loss", "optimizer", "training");

    static final List<ParameterSpec> MODEL = List.of(
            ParameterSpec.integer("inputs", "Number of input features per example.").asRequired().atLeast(1));
    static final List<String> MODEL_SECTIONS = List.of("init", "layers");

    static final List<ParameterSpec> TRAINING = List.of(
            ParameterSpec.integer("epochs", "The most passes over the training data.").asRequired().atLeast(1),
            ParameterSpec.integer("batch-size", "Examples per minibatch.").withDefault(64).atLeast(1),
            ParameterSpec.bool("shuffle", "Visit the examples in a fresh random order each epoch.").withDefault(true),
            ParameterSpec.number("tolerance", "Stop once the epoch's training loss is below this.").greaterThan(0),
            ParameterSpec.integer("report-every", "Print the loss every this many epochs.").withDefault(1).atLeast(1),
            ParameterSpec.bool("trace-first-step",
                    "Print the first step's deltas (dLoss/dOutput of each layer with parameters), gradients and updated parameters.")
                    .withDefault(false));

    static final ParameterSpec INPUTS = ParameterSpec.matrix("inputs", "The examples, one per row.").asRequired();
    static final ParameterSpec TARGETS = ParameterSpec.matrix("targets", "The targets, one row per example.").asRequired();

    /** The initializer a model uses when it names none: D2L's N(0, 0.01^2). */
    static final String DEFAULT_INITIALIZER = "normal";

    private final PluginRegistry registry;

    public ExperimentReader(PluginRegistry registry) {
        this.registry = registry;
    }

    /**
     * Reads and checks an experiment file.
     *
     * @throws org.djx.engine.json.InvalidDocumentException with every problem found
     */
    public Experiment read(Path file) {
        return read(JsonDocument.read(file), file);
    }

    /** Checks an already parsed document; {@code file} gives the default experiment name. */
    public Experiment read(JsonDocument document, Path file) {
        Problems problems = new Problems(document);
        JsonNode root = document.root();
        if (!root.isObject()) {
            problems.add("$", "expected a JSON object with the keys task, model, data, ...; found " + Values.describe(root));
            problems.throwIfAny();
        }
        BoundConfig top = ConfigBinder.bind(problems, root, "$", TOP_LEVEL, SECTIONS, "an experiment");
        if (!top.has("task")) {
            problems.throwIfAny();
        }
        TaskKind task = TaskKind.byLabel(top.string("task"));
        for (String section : SECTIONS) {
            boolean present = root.has(section);
            boolean used = task.sections().contains(section);
            if (present && !used) {
                problems.add(JsonDocument.child("$", section), "the section '" + section + "' is not used by task '"
                        + task.label() + "', which uses: " + String.join(", ", new TreeSet<>(task.sections())));
            } else if (!present && used) {
                problems.add("$", "missing section '" + section + "', which task '" + task.label() + "' requires");
            }
        }
        ModelSpec model = root.has("model") ? model(problems, root.get("model")) : null;
        DataSpec data = root.has("data") && task.sections().contains("data") ? data(problems, root.get("data"), task, model) : null;
        ComponentSpec loss = used(task, root, "loss") ? component(problems, root.get("loss"), "$.loss", PluginKind.LOSS, Set.of()).orElse(null) : null;
        ComponentSpec optimizer = used(task, root, "optimizer")
                ? component(problems, root.get("optimizer"), "$.optimizer", PluginKind.OPTIMIZER, Set.of()).orElse(null) : null;
        TrainingSpec training = used(task, root, "training") ? training(problems, root.get("training")) : null;
        problems.throwIfAny();
        String name = top.has("name") ? top.string("name") : defaultName(file);
        String description = top.has("description") ? top.string("description") : "";
        return new Experiment(document.file(), name, description, top.integer("seed"), task, model, data, loss,
                optimizer, training, document);
    }

    private static boolean used(TaskKind task, JsonNode root, String section) {
        return root.has(section) && task.sections().contains(section);
    }

    private static String defaultName(Path file) {
        String n = file.getFileName() == null ? "experiment" : file.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }

    private ModelSpec model(Problems problems, JsonNode node) {
        String path = "$.model";
        if (!expectObject(problems, node, path)) {
            return null;
        }
        BoundConfig config = ConfigBinder.bind(problems, node, path, MODEL, MODEL_SECTIONS, "the model");
        Optional<ComponentSpec> init = node.has("init")
                ? component(problems, node.get("init"), "$.model.init", PluginKind.INITIALIZER, Set.of())
                : defaultInitializer(problems, path);
        List<LayerSpec> layers = new ArrayList<>();
        String layersPath = JsonDocument.child(path, "layers");
        JsonNode list = node.get("layers");
        if (list == null) {
            problems.add(path, "missing required key 'layers': an array of layer objects such as {\"type\": \"linear\", \"outputs\": 1}");
        } else if (!list.isArray() || list.isEmpty()) {
            problems.add(layersPath, "expected a non-empty array of layer objects, found " + Values.describe(list));
        } else {
            Set<String> labels = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                layer(problems, list.get(i), JsonDocument.element(layersPath, i), labels).ifPresent(layers::add);
            }
        }
        if (!config.has("inputs") || init.isEmpty() || layers.size() != (list == null ? -1 : list.size())) {
            return null;
        }
        return new ModelSpec(config.integer("inputs"), init.get(), layers);
    }

    private Optional<LayerSpec> layer(Problems problems, JsonNode node, String path, Set<String> labels) {
        Optional<ComponentSpec> layer = component(problems, node, path, PluginKind.LAYER, Set.of("name", "init"));
        if (layer.isEmpty()) {
            return Optional.empty();
        }
        String label = null;
        JsonNode name = node.get("name");
        if (name != null) {
            String namePath = JsonDocument.child(path, "name");
            if (!name.isTextual() || name.textValue().isBlank()) {
                problems.add(namePath, "expected a non-empty string naming the layer's output, found " + Values.describe(name));
            } else if (!labels.add(name.textValue())) {
                problems.add(namePath, "the layer name '" + name.textValue() + "' is used twice; layer names are unique");
            } else {
                label = name.textValue();
            }
        }
        ComponentSpec init = null;
        if (node.has("init")) {
            Optional<ComponentSpec> i = component(problems, node.get("init"), JsonDocument.child(path, "init"),
                    PluginKind.INITIALIZER, Set.of());
            if (i.isEmpty()) {
                return Optional.empty();
            }
            init = i.get();
        }
        return Optional.of(new LayerSpec(label, layer.get(), init));
    }

    private Optional<ComponentSpec> defaultInitializer(Problems problems, String modelPath) {
        Optional<PluginDescriptor> normal;
        try {
            normal = registry.find(PluginKind.INITIALIZER, DEFAULT_INITIALIZER);
        } catch (PluginException e) {
            problems.add(modelPath, e.getMessage());
            return Optional.empty();
        }
        if (normal.isEmpty()) {
            problems.add(modelPath, "the model names no 'init' and the default initializer '" + DEFAULT_INITIALIZER
                    + "' is not installed; set init to one of: " + String.join(", ", registry.names(PluginKind.INITIALIZER)));
            return Optional.empty();
        }
        String path = JsonDocument.child(modelPath, "init");
        Config config = ConfigBinder.bind(problems, JsonNodeFactory.instance.objectNode(), path,
                normal.get().plugin().parameters(), Set.of(), "initializer '" + DEFAULT_INITIALIZER + "'");
        return Optional.of(new ComponentSpec(normal.get(), config, path));
    }

    /** Reads {@code {"type": NAME, ...config}} as a plugin of {@code kind} with its configuration. */
    private Optional<ComponentSpec> component(Problems problems, JsonNode node, String path, PluginKind kind,
            Set<String> engineKeys) {
        if (!expectObject(problems, node, path)) {
            return Optional.empty();
        }
        JsonNode type = node.get("type");
        String typePath = JsonDocument.child(path, "type");
        List<String> available = registry.names(kind);
        if (type == null) {
            problems.add(path, "missing required key 'type': the name of a " + kind.label() + "; available: "
                    + String.join(", ", available));
            return Optional.empty();
        }
        if (!type.isTextual()) {
            problems.add(typePath, "expected the name of a " + kind.label() + " as a string, found "
                    + Values.describe(type) + "; available: " + String.join(", ", available));
            return Optional.empty();
        }
        String name = type.textValue();
        Optional<PluginDescriptor> plugin = lookup(problems, kind, name, typePath);
        if (plugin.isEmpty()) {
            return Optional.empty();
        }
        Set<String> ignored = new HashSet<>(engineKeys);
        ignored.add("type");
        BoundConfig config = ConfigBinder.bind(problems, node, path, plugin.get().plugin().parameters(),
                orderedEngineKeys(ignored), kind.label() + " '" + name + "'");
        return Optional.of(new ComponentSpec(plugin.get(), config, path));
    }

    private Optional<PluginDescriptor> lookup(Problems problems, PluginKind kind, String name, String path) {
        try {
            Optional<PluginDescriptor> plugin = registry.find(kind, name);
            if (plugin.isEmpty()) {
                List<String> available = registry.names(kind);
                problems.add(path, "unknown " + kind.label() + " '" + name + "'; available: "
                        + (available.isEmpty() ? "none installed" : String.join(", ", available))
                        + Suggestions.didYouMean(name, available));
            }
            return plugin;
        } catch (PluginException e) {
            problems.add(path, e.getMessage());
            return Optional.empty();
        }
    }

    private static List<String> orderedEngineKeys(Set<String> keys) {
        return new ArrayList<>(new TreeSet<>(keys));
    }

    private DataSpec data(Problems problems, JsonNode node, TaskKind task, ModelSpec model) {
        String path = "$.data";
        if (!expectObject(problems, node, path)) {
            return null;
        }
        List<ParameterSpec> specs = task == TaskKind.TRAIN ? List.of(INPUTS, TARGETS) : List.of(INPUTS);
        BoundConfig config = ConfigBinder.bind(problems, node, path, specs, List.of(), "the data of task '" + task.label() + "'");
        if (!config.has("inputs") || task == TaskKind.TRAIN && !config.has("targets")) {
            return null;
        }
        Tensor inputs = Tensor.matrix(config.matrix("inputs"));
        Tensor targets = task == TaskKind.TRAIN ? Tensor.matrix(config.matrix("targets")) : null;
        if (model != null && inputs.columns() != model.inputs()) {
            problems.add("$.data.inputs", "each example has " + inputs.columns() + " values but model.inputs is "
                    + model.inputs() + "; they must agree");
        }
        if (targets != null && targets.rows() != inputs.rows()) {
            problems.add("$.data.targets", "there are " + targets.rows() + " target rows for " + inputs.rows()
                    + " examples; give one target row per example");
        }
        return new DataSpec(inputs, targets);
    }

    private static TrainingSpec training(Problems problems, JsonNode node) {
        String path = "$.training";
        if (!expectObject(problems, node, path)) {
            return null;
        }
        BoundConfig c = ConfigBinder.bind(problems, node, path, TRAINING, List.of(), "the training section");
        if (!c.has("epochs")) {
            return null;
        }
        return new TrainingSpec(c.integer("epochs"), c.integer("batch-size"), c.bool("shuffle"),
                c.has("tolerance") ? c.number("tolerance") : Double.NaN, c.integer("report-every"),
                c.bool("trace-first-step"));
    }

    private static boolean expectObject(Problems problems, JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            problems.add(path, "expected a JSON object, found " + (node == null ? "nothing" : Values.describe(node)));
            return false;
        }
        return true;
    }
}
