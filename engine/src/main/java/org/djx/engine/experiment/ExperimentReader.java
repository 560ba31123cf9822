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
import org.djx.api.DType;
import org.djx.api.PluginException;
import org.djx.api.Tensor;
import org.djx.api.spi.Config;
import org.djx.api.spi.ConfigValues;
import org.djx.api.spi.ParameterSpec;
import org.djx.api.spi.Plugin;
import org.djx.api.spi.Suggestions;
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

    static final List<ParameterSpec> MODEL = List.of(
            ParameterSpec.integer("inputs",
                    "Number of input features per example; taken from the data when absent.").atLeast(1),
            ParameterSpec.string("dtype", "Element type of the network's parameters and activations: float32 computes "
                    + "about twice as fast, float64 matches worked examples to every printed digit.",
                    DType.FLOAT32.label(), DType.FLOAT64.label()).withDefault(DType.FLOAT64.label()));
    static final List<String> MODEL_SECTIONS = List.of("init", "layers");

    static final List<ParameterSpec> TRAINING = List.of(
            ParameterSpec.integer("epochs", "The most passes over the training data.").asRequired().atLeast(1),
            ParameterSpec.integer("batch-size", "Examples per minibatch.").withDefault(64).atLeast(1),
            ParameterSpec.bool("shuffle", "Visit the examples in a fresh random order each epoch.").withDefault(true),
            ParameterSpec.number("tolerance", "Stop once the epoch's training loss is below this.").greaterThan(0),
            ParameterSpec.integer("report-every", "Print the loss every this many epochs.").withDefault(1).atLeast(1),
            ParameterSpec.bool("trace-first-step",
                    "Print the first step's deltas (dLoss/dOutput of each layer with parameters), gradients and updated parameters.")
                    .withDefault(false),
            ParameterSpec.string("epoch-loss", "How the loss after each epoch is measured: full-pass evaluates every "
                    + "training example with the epoch's final parameters; batch-mean averages the epoch's batch "
                    + "losses, saving that pass unless a metric needs it.", "full-pass", "batch-mean").withDefault("full-pass"));

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
        // A copy, into which binding writes every default: afterwards it is the resolved experiment.
        JsonNode root = document.root().deepCopy();
        if (!root.isObject()) {
            problems.add("$", "expected a JSON object with the keys task, model, data, ...; found " + Values.describe(root));
            problems.throwIfAny();
        }
        List<String> sectionKeys = new ArrayList<>(TaskKind.allSections());
        sectionKeys.add("expect");
        ConfigValues top = ConfigBinder.bind(problems, root, "$", TOP_LEVEL, sectionKeys, "an experiment");
        if (!top.has("task")) {
            problems.throwIfAny();
        }
        TaskKind task = TaskKind.byLabel(top.string("task"));
        for (String section : TaskKind.allSections()) {
            boolean present = root.has(section);
            boolean used = task.sections().contains(section);
            if (present && !used) {
                problems.add(JsonDocument.child("$", section), "the section '" + section + "' is not used by task '"
                        + task.label() + "', which uses: " + String.join(", ", new TreeSet<>(task.sections())));
            } else if (!present && used) {
                problems.add("$", "missing section '" + section + "', which task '" + task.label() + "' requires");
            }
        }
        ModelSpec model = used(task, root, "model") ? model(problems, root.get("model")) : null;
        TaskSpec spec = taskSpec(problems, task, root, model);
        List<Expectation> expectations = root.has("expect") ? expectations(problems, root.get("expect")) : List.of();
        problems.throwIfAny();
        if (model != null && model.inputs() == ModelSpec.FROM_DATA) {
            if (spec instanceof ForwardSpec f) {
                model = model.withInputs(f.data().inputs().columns());
            } else if (spec instanceof TrainSpec t) {
                model = model.withInputs(t.data().inputs().columns());
            } else if (spec instanceof CurveSpec) {
                model = model.withInputs(1);
            } else if (spec instanceof CovariateShiftSpec c) {
                model = model.withInputs(c.inputs());
            }
        }
        String name = top.has("name") ? top.string("name") : defaultName(file);
        String description = top.has("description") ? top.string("description") : "";
        return new Experiment(document.file(), name, description, top.integer("seed"), model, spec, expectations,
                root.toPrettyString(), document);
    }

    /** Reads the sections of {@code task}; returns null when a problem was recorded. */
    private TaskSpec taskSpec(Problems problems, TaskKind task, JsonNode root, ModelSpec model) {
        int before = problems.count();
        TaskSpec spec = switch (task) {
            case FORWARD -> {
                DataSpec data = used(task, root, "data") ? data(problems, root.get("data"), task, model) : null;
                yield data == null ? null : new ForwardSpec(data);
            }
            case TRAIN -> {
                DataSpec data = used(task, root, "data") ? data(problems, root.get("data"), task, model) : null;
                ComponentSpec loss = used(task, root, "loss")
                        ? component(problems, root.get("loss"), "$.loss", PluginKind.LOSS, Set.of()).orElse(null) : null;
                ComponentSpec optimizer = used(task, root, "optimizer")
                        ? component(problems, root.get("optimizer"), "$.optimizer", PluginKind.OPTIMIZER, Set.of()).orElse(null) : null;
                TrainingSpec training = used(task, root, "training") ? training(problems, root.get("training")) : null;
                yield data == null || loss == null || optimizer == null || training == null ? null
                        : new TrainSpec(data, loss, optimizer, training);
            }
            case GRADIENT_CURVE -> used(task, root, "curve") ? curve(problems, root.get("curve"), model) : null;
            case MATRIX_PRODUCT -> used(task, root, "product") ? product(problems, root.get("product")) : null;
            case DEPTH_STATISTICS -> used(task, root, "stack") ? stack(problems, root.get("stack")) : null;
            case K_FOLD, SUBMISSION -> tabular(problems, task, root);
            case COVARIATE_SHIFT -> covariateShift(problems, root, model);
            case ADVERSARIAL_VALIDATION -> adversarialValidation(problems, root);
            case CONCEPT_SHIFT -> conceptShift(problems, root, model);
        };
        return problems.count() == before ? spec : null;
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
        ConfigValues config = ConfigBinder.bind(problems, node, path, MODEL, MODEL_SECTIONS, "the model");
        Optional<ComponentSpec> init = node.has("init")
                ? component(problems, node.get("init"), "$.model.init", PluginKind.INITIALIZER, Set.of())
                : defaultInitializer(problems, path, node);
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
        if (init.isEmpty() || layers.size() != (list == null ? -1 : list.size())) {
            return null;
        }
        // An invalid dtype is already a problem on record; the file is refused after reading.
        DType dtype = config.has("dtype") && DType.FLOAT32.label().equals(config.string("dtype")) ? DType.FLOAT32 : DType.FLOAT64;
        return new ModelSpec(config.has("inputs") ? config.integer("inputs") : ModelSpec.FROM_DATA, dtype, init.get(), layers);
    }

    private Optional<LayerSpec> layer(Problems problems, JsonNode node, String path, Set<String> labels) {
        Optional<ComponentSpec> layer = component(problems, node, path, PluginKind.LAYER, Set.copyOf(Plugin.RESERVED_LAYER_KEYS));
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

    private Optional<ComponentSpec> defaultInitializer(Problems problems, String modelPath, JsonNode modelNode) {
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
        com.fasterxml.jackson.databind.node.ObjectNode init = JsonNodeFactory.instance.objectNode().put("type", DEFAULT_INITIALIZER);
        Config config = ConfigBinder.bind(problems, init, path,
                normal.get().plugin().configuration(), Plugin.RESERVED_KEYS, "initializer '" + DEFAULT_INITIALIZER + "'");
        if (modelNode instanceof com.fasterxml.jackson.databind.node.ObjectNode m) {
            m.set("init", init);
        }
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
        ConfigValues config = ConfigBinder.bind(problems, node, path, plugin.get().plugin().configuration(),
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
        ConfigValues config = ConfigBinder.bind(problems, node, path, specs, List.of(), "the data of task '" + task.label() + "'");
        if (!config.has("inputs") || task == TaskKind.TRAIN && !config.has("targets")) {
            return null;
        }
        Tensor inputs = Tensor.matrix(config.matrix("inputs"));
        Tensor targets = task == TaskKind.TRAIN ? Tensor.matrix(config.matrix("targets")) : null;
        if (model != null && model.inputs() != ModelSpec.FROM_DATA && inputs.columns() != model.inputs()) {
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
        ConfigValues c = trainingConfig(problems, node, TRAINING);
        return c == null ? null : trainingSpec(c);
    }

    private static ConfigValues trainingConfig(Problems problems, JsonNode node, List<ParameterSpec> specs) {
        return trainingConfig(problems, node, "$.training", specs);
    }

    private static ConfigValues trainingConfig(Problems problems, JsonNode node, String path, List<ParameterSpec> specs) {
        if (!expectObject(problems, node, path)) {
            return null;
        }
        return ConfigBinder.bindValid(problems, node, path, specs, List.of(), "the training section");
    }

    private static TrainingSpec trainingSpec(ConfigValues c) {
        return new TrainingSpec(c.integer("epochs"), c.integer("batch-size"), c.bool("shuffle"),
                c.has("tolerance") ? c.number("tolerance") : Double.NaN, c.integer("report-every"),
                c.bool("trace-first-step"), "batch-mean".equals(c.string("epoch-loss"))
                        ? TrainingSpec.EpochLoss.BATCH_MEAN : TrainingSpec.EpochLoss.FULL_PASS);
    }

    static final List<ParameterSpec> CURVE = List.of(
            ParameterSpec.number("start", "First x value (inclusive).").asRequired(),
            ParameterSpec.number("stop", "End of the x range (exclusive).").asRequired(),
            ParameterSpec.number("step", "Distance between x values.").asRequired().greaterThan(0),
            ParameterSpec.string("value-label", "Legend of the network's output.").withDefault("value"),
            ParameterSpec.string("gradient-label", "Legend of the gradient.").withDefault("gradient"));

    static final List<ParameterSpec> PRODUCT = List.of(
            ParameterSpec.integer("size", "Rows and columns of each matrix.").withDefault(4).atLeast(1).atMost(1024),
            ParameterSpec.integer("factors", "How many matrices multiply the first.").withDefault(100).atLeast(1).atMost(1_000_000),
            ParameterSpec.integer("overflow-search",
                    "How many more factors to multiply while looking for the float32 and float64 overflow.")
                    .withDefault(10_000).atLeast(0).atMost(1_000_000));

    static final List<ParameterSpec> STACK = List.of(
            ParameterSpec.integer("depth", "Number of linear-activation pairs.").withDefault(30).atLeast(1).atMost(1000),
            ParameterSpec.integer("width", "Features of every layer.").withDefault(256).atLeast(1).atMost(8192),
            ParameterSpec.integer("batch", "Examples in the measured batch.").withDefault(256).atLeast(2).atMost(65536));
    static final List<String> STACK_LISTS = List.of("activations", "initializers");

    private static final int MAX_CURVE_POINTS = 1_000_000;

    private CurveSpec curve(Problems problems, JsonNode node, ModelSpec model) {
        String path = "$.curve";
        if (!expectObject(problems, node, path)) {
            return null;
        }
        ConfigValues c = ConfigBinder.bindValid(problems, node, path, CURVE, List.of(), "the curve section");
        if (model != null && model.inputs() != ModelSpec.FROM_DATA && model.inputs() != 1) {
            problems.add("$.model.inputs", "a gradient curve needs a network of one input, found " + model.inputs());
        }
        if (c == null) {
            return null;
        }
        CurveSpec spec = new CurveSpec(c.number("start"), c.number("stop"), c.number("step"),
                c.string("value-label"), c.string("gradient-label"));
        if (!(spec.stop() > spec.start())) {
            problems.add(JsonDocument.child(path, "stop"), "stop must exceed start, found start " + spec.start() + ", stop " + spec.stop());
            return null;
        }
        if (spec.points() > MAX_CURVE_POINTS) {
            problems.add(JsonDocument.child(path, "step"), "the range has " + spec.points() + " points; at most "
                    + MAX_CURVE_POINTS + " are allowed, so use a larger step");
            return null;
        }
        return spec;
    }

    private static ProductSpec product(Problems problems, JsonNode node) {
        String path = "$.product";
        if (!expectObject(problems, node, path)) {
            return null;
        }
        ConfigValues c = ConfigBinder.bindValid(problems, node, path, PRODUCT, List.of(), "the product section");
        return c == null ? null : new ProductSpec(c.integer("size"), c.integer("factors"), c.integer("overflow-search"));
    }

    private DepthSpec stack(Problems problems, JsonNode node) {
        String path = "$.stack";
        if (!expectObject(problems, node, path)) {
            return null;
        }
        ConfigValues c = ConfigBinder.bind(problems, node, path, STACK, STACK_LISTS, "the stack section");
        List<String> activations = new ArrayList<>();
        JsonNode acts = node.get("activations");
        String actsPath = JsonDocument.child(path, "activations");
        if (acts == null || !acts.isArray() || acts.isEmpty()) {
            problems.add(acts == null ? path : actsPath, "expected 'activations', a non-empty array of layer names such as [\"tanh\", \"relu\"]"
                    + (acts == null ? "" : ", found " + Values.describe(acts)));
        } else {
            for (int i = 0; i < acts.size(); i++) {
                String p = JsonDocument.element(actsPath, i);
                JsonNode a = acts.get(i);
                if (!a.isTextual()) {
                    problems.add(p, "expected a layer name, found " + Values.describe(a));
                } else if (lookup(problems, PluginKind.LAYER, a.textValue(), p).isPresent()) {
                    activations.add(a.textValue());
                }
            }
        }
        List<ComponentSpec> initializers = new ArrayList<>();
        List<String> initLabels = new ArrayList<>();
        JsonNode inits = node.get("initializers");
        String initsPath = JsonDocument.child(path, "initializers");
        if (inits == null || !inits.isArray() || inits.isEmpty()) {
            problems.add(inits == null ? path : initsPath, "expected 'initializers', a non-empty array of initializer objects such as [{\"type\": \"xavier-normal\"}]"
                    + (inits == null ? "" : ", found " + Values.describe(inits)));
        } else {
            for (int i = 0; i < inits.size(); i++) {
                JsonNode init = inits.get(i);
                // Labelled by what the file says, before binding writes the defaults in.
                String label = init.isObject() && init.path("type").isTextual() ? initializerLabel(init) : null;
                Optional<ComponentSpec> spec = component(problems, init, JsonDocument.element(initsPath, i), PluginKind.INITIALIZER, Set.of());
                spec.ifPresent(s -> {
                    initializers.add(s);
                    initLabels.add(label);
                });
            }
        }
        if (problems.count() > 0 || !c.has("width")) {
            return null;
        }
        int width = c.integer("width");
        List<DepthSpec.Variant> variants = new ArrayList<>();
        JsonNodeFactory f = JsonNodeFactory.instance;
        for (String activation : activations) {
            for (int k = 0; k < initializers.size(); k++) {
                List<LayerSpec> layers = new ArrayList<>();
                for (int d = 0; d < c.integer("depth"); d++) {
                    // The stack is written out as if the file listed every layer, so it is checked the same way.
                    com.fasterxml.jackson.databind.node.ObjectNode linear = f.objectNode()
                            .put("type", "linear").put("outputs", width).put("bias", false);
                    com.fasterxml.jackson.databind.node.ObjectNode act = f.objectNode().put("type", activation);
                    component(problems, linear, path, PluginKind.LAYER, Set.of())
                            .ifPresent(l -> layers.add(new LayerSpec(null, l, null)));
                    component(problems, act, path, PluginKind.LAYER, Set.of())
                            .ifPresent(l -> layers.add(new LayerSpec(null, l, null)));
                }
                variants.add(new DepthSpec.Variant(activation, initLabels.get(k), new ModelSpec(width, DType.FLOAT64, initializers.get(k), layers)));
            }
        }
        return new DepthSpec(c.integer("depth"), width, c.integer("batch"), variants);
    }

    /** Returns an initializer's type with its explicit settings, such as {@code normal(std=1.0)}. */
    private static String initializerLabel(JsonNode init) {
        StringBuilder sb = new StringBuilder(init.get("type").textValue());
        List<String> settings = new ArrayList<>();
        for (java.util.Map.Entry<String, JsonNode> e : init.properties()) {
            if (!e.getKey().equals("type")) {
                settings.add(e.getKey() + "=" + e.getValue().asText());
            }
        }
        return settings.isEmpty() ? sb.toString() : sb.append('(').append(String.join(", ", settings)).append(')').toString();
    }

    static final List<ParameterSpec> TABULAR_TRAINING;

    static {
        List<ParameterSpec> specs = new ArrayList<>(TRAINING);
        specs.add(ParameterSpec.string("metric", "What is reported after each epoch.",
                org.djx.engine.metric.Metric.labels().toArray(String[]::new)).withDefault("log-rmse"));
        TABULAR_TRAINING = List.copyOf(specs);
    }

    static final List<ParameterSpec> PREPROCESSING = List.of(
            ParameterSpec.string("fit-on", "Which rows the statistics are fitted on.", "train-and-test", "train")
                    .withDefault("train-and-test"));
    static final List<ParameterSpec> VALIDATION = List.of(
            ParameterSpec.integer("folds", "Number of folds k.").withDefault(5).atLeast(2).atMost(1000));
    static final List<ParameterSpec> STANDARDIZE = List.of();
    static final List<ParameterSpec> FILL_MISSING = List.of(
            ParameterSpec.number("value", "The value that replaces a missing number.").withDefault(0.0));
    static final List<ParameterSpec> ONE_HOT = List.of(
            ParameterSpec.bool("dummy-na", "Whether a missing value gets an indicator column of its own.").withDefault(true));
    static final List<String> STEP_TYPES = List.of("standardize", "fill-missing", "one-hot");

    private TabularSpec tabular(Problems problems, TaskKind task, JsonNode root) {
        ComponentSpec dataset = used(task, root, "dataset")
                ? component(problems, root.get("dataset"), "$.dataset", PluginKind.DATASET, Set.of()).orElse(null) : null;
        PreprocessingSpec preprocessing = used(task, root, "preprocessing") ? preprocessing(problems, root.get("preprocessing")) : null;
        ComponentSpec loss = used(task, root, "loss")
                ? component(problems, root.get("loss"), "$.loss", PluginKind.LOSS, Set.of()).orElse(null) : null;
        ComponentSpec optimizer = used(task, root, "optimizer")
                ? component(problems, root.get("optimizer"), "$.optimizer", PluginKind.OPTIMIZER, Set.of()).orElse(null) : null;
        ConfigValues training = used(task, root, "training") ? trainingConfig(problems, root.get("training"), TABULAR_TRAINING) : null;
        // Adversarial validation runs the k-fold regression, and reads its sections here too.
        boolean kFold = task != TaskKind.SUBMISSION;
        int folds = 0;
        if (kFold && used(task, root, "validation")) {
            JsonNode node = root.get("validation");
            if (expectObject(problems, node, "$.validation")) {
                ConfigValues v = ConfigBinder.bindValid(problems, node, "$.validation", VALIDATION, List.of(), "the validation section");
                folds = v == null ? 0 : v.integer("folds");
            }
        }
        if (dataset == null || preprocessing == null || loss == null || optimizer == null || training == null
                || kFold && folds < 2) {
            return null;
        }
        return new TabularSpec(kFold ? TaskKind.K_FOLD : TaskKind.SUBMISSION, dataset, preprocessing, loss, optimizer, trainingSpec(training),
                org.djx.engine.metric.Metric.byLabel(training.string("metric")), folds);
    }

    private static PreprocessingSpec preprocessing(Problems problems, JsonNode node) {
        String path = "$.preprocessing";
        if (!expectObject(problems, node, path)) {
            return null;
        }
        ConfigValues c = ConfigBinder.bindValid(problems, node, path, PREPROCESSING, List.of("steps"), "the preprocessing section");
        JsonNode steps = node.get("steps");
        String stepsPath = JsonDocument.child(path, "steps");
        if (steps == null || !steps.isArray()) {
            problems.add(steps == null ? path : stepsPath, "expected 'steps', an array of steps such as "
                    + "[{\"type\": \"standardize\"}, {\"type\": \"fill-missing\"}, {\"type\": \"one-hot\"}]"
                    + (steps == null ? "" : ", found " + Values.describe(steps)));
            return null;
        }
        List<PreprocessingSpec.Step> list = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String p = JsonDocument.element(stepsPath, i);
            JsonNode step = steps.get(i);
            if (!expectObject(problems, step, p)) {
                continue;
            }
            JsonNode type = step.get("type");
            if (type == null || !type.isTextual() || !STEP_TYPES.contains(type.textValue())) {
                String given = type == null ? null : type.isTextual() ? type.textValue() : null;
                problems.add(type == null ? p : JsonDocument.child(p, "type"), (type == null ? "missing 'type'"
                        : "unknown preprocessing step " + (given == null ? Values.describe(type) : "'" + given + "'"))
                        + "; available: " + String.join(", ", STEP_TYPES)
                        + (given == null ? "" : Suggestions.didYouMean(given, STEP_TYPES)));
                continue;
            }
            String kind = type.textValue();
            List<ParameterSpec> specs = switch (kind) {
                case "standardize" -> STANDARDIZE;
                case "fill-missing" -> FILL_MISSING;
                default -> ONE_HOT;
            };
            ConfigValues sc = ConfigBinder.bindValid(problems, step, p, specs, List.of("type"), "preprocessing step '" + kind + "'");
            if (sc == null) {
                continue;
            }
            list.add(switch (kind) {
                case "standardize" -> new PreprocessingSpec.Standardize();
                case "fill-missing" -> new PreprocessingSpec.FillMissing(sc.number("value"));
                default -> new PreprocessingSpec.OneHot(sc.bool("dummy-na"));
            });
        }
        return c == null || list.size() != steps.size() ? null
                : new PreprocessingSpec("train-and-test".equals(c.string("fit-on")), list);
    }

    static final List<ParameterSpec> CLASSIFIER = List.of(
            ParameterSpec.integer("folds",
                    "Cross-validation folds: every row is scored by a classifier that did not see it.").withDefault(5).atLeast(2).atMost(100),
            ParameterSpec.number("max-weight", "Importance weights above this are clipped to it.").withDefault(10.0).atLeast(1));
    static final List<String> CLASSIFIER_SECTIONS = List.of("optimizer", "training");
    /** The classifier is a logistic regression: one linear layer trained with this loss on its logit. */
    static final String CLASSIFIER_LOSS = "bce-with-logits";

    static final List<ParameterSpec> SHIFT = List.of(
            ParameterSpec.integer("inputs", "Input features per example.").withDefault(1).atLeast(1).atMost(100),
            ParameterSpec.integer("train-rows", "Training rows per data set, drawn from N(0, I).").withDefault(500).atLeast(10)
                    .atMost(1_000_000),
            ParameterSpec.integer("test-rows", "Test rows per data set: x_1 ~ N(shift, 1), the other inputs N(0, 1).")
                    .withDefault(500).atLeast(10).atMost(1_000_000),
            ParameterSpec.number("shift", "The mean of x_1 at test time; 0 means no shift.").withDefault(1.0).atLeast(-10).atMost(10),
            ParameterSpec.number("noise", "Standard deviation of the noise added to y = sum_j (x_j + x_j^2 / 2).")
                    .withDefault(0.1).atLeast(0),
            ParameterSpec.integer("repeats", "How many data sets are drawn, each from its own random streams.")
                    .withDefault(5).atLeast(1).atMost(100));

    static final List<ParameterSpec> CONCEPT = List.of(
            ParameterSpec.integer("inputs", "Input features per example, besides the region.").withDefault(2).atLeast(1).atMost(100),
            ParameterSpec.integer("train-rows", "Training rows per region.").withDefault(500).atLeast(1).atMost(1_000_000),
            ParameterSpec.integer("test-rows", "Test rows per region.").withDefault(500).atLeast(1).atMost(1_000_000),
            ParameterSpec.numbers("thresholds",
                    "One threshold per region (at least two): in region r the label is 1 when x_1 + ... + x_d exceeds thresholds[r].")
                    .asRequired(),
            ParameterSpec.number("label-noise", "The probability that a label is flipped; below 0.5.").withDefault(0.0).atLeast(0)
                    .atMost(0.49));

    private ClassifierSpec classifier(Problems problems, JsonNode root) {
        String path = "$.classifier";
        JsonNode node = root.get("classifier");
        if (!expectObject(problems, node, path)) {
            return null;
        }
        ConfigValues c = ConfigBinder.bindValid(problems, node, path, CLASSIFIER, CLASSIFIER_SECTIONS, "the classifier section");
        String optimizerPath = JsonDocument.child(path, "optimizer");
        ComponentSpec optimizer = null;
        if (!node.has("optimizer")) {
            problems.add(path, "missing required key 'optimizer': the classifier's optimizer, such as {\"type\": \"adam\", \"lr\": 0.05}");
        } else {
            optimizer = component(problems, node.get("optimizer"), optimizerPath, PluginKind.OPTIMIZER, Set.of()).orElse(null);
        }
        ConfigValues training = null;
        if (!node.has("training")) {
            problems.add(path, "missing required key 'training': the classifier's schedule, such as {\"epochs\": 20, \"batch-size\": 64}");
        } else {
            training = trainingConfig(problems, node.get("training"), JsonDocument.child(path, "training"), TRAINING);
        }
        ComponentSpec loss = classifierLoss(problems, path, "the classifier is a logistic regression, trained");
        // Written out as if the file listed it, so the layer and its initializer are checked like any other.
        Optional<ComponentSpec> linear = component(problems, JsonNodeFactory.instance.objectNode().put("type", "linear").put("outputs", 1),
                path, PluginKind.LAYER, Set.of());
        Optional<ComponentSpec> init = component(problems, JsonNodeFactory.instance.objectNode().put("type", DEFAULT_INITIALIZER),
                path, PluginKind.INITIALIZER, Set.of());
        if (c == null || optimizer == null || training == null || loss == null || linear.isEmpty() || init.isEmpty()) {
            return null;
        }
        // float64: the classifier is small, and its AUC and weights are reported to many digits.
        ModelSpec model = new ModelSpec(ModelSpec.FROM_DATA, DType.FLOAT64, init.get(), List.of(new LayerSpec(null, linear.get(), null)));
        return new ClassifierSpec(c.integer("folds"), c.number("max-weight"), model, loss, optimizer, trainingSpec(training));
    }

    /** Returns the loss {@code bce-with-logits}, or null after saying that it is not installed. */
    private ComponentSpec classifierLoss(Problems problems, String path, String who) {
        try {
            if (registry.find(PluginKind.LOSS, CLASSIFIER_LOSS).isEmpty()) {
                problems.add(path, who + " with the loss '" + CLASSIFIER_LOSS + "', which is not installed; installed losses: "
                        + String.join(", ", registry.names(PluginKind.LOSS)));
                return null;
            }
        } catch (PluginException e) {
            problems.add(path, e.getMessage());
            return null;
        }
        return component(problems, JsonNodeFactory.instance.objectNode().put("type", CLASSIFIER_LOSS), path, PluginKind.LOSS,
                Set.of()).orElse(null);
    }

    private CovariateShiftSpec covariateShift(Problems problems, JsonNode root, ModelSpec model) {
        TaskKind task = TaskKind.COVARIATE_SHIFT;
        String path = "$.shift";
        ConfigValues shift = used(task, root, "shift") && expectObject(problems, root.get("shift"), path)
                ? ConfigBinder.bindValid(problems, root.get("shift"), path, SHIFT, List.of(), "the shift section") : null;
        ClassifierSpec classifier = used(task, root, "classifier") ? classifier(problems, root) : null;
        ComponentSpec loss = used(task, root, "loss")
                ? component(problems, root.get("loss"), "$.loss", PluginKind.LOSS, Set.of()).orElse(null) : null;
        ComponentSpec optimizer = used(task, root, "optimizer")
                ? component(problems, root.get("optimizer"), "$.optimizer", PluginKind.OPTIMIZER, Set.of()).orElse(null) : null;
        TrainingSpec training = used(task, root, "training") ? training(problems, root.get("training")) : null;
        if (shift == null) {
            return null;
        }
        if (model != null && model.inputs() != ModelSpec.FROM_DATA && model.inputs() != shift.integer("inputs")) {
            problems.add("$.model.inputs", "the model takes " + model.inputs() + " inputs but the shift section generates "
                    + shift.integer("inputs") + "; leave model.inputs out or make them agree");
        }
        if (classifier != null) {
            for (String key : List.of("train-rows", "test-rows")) {
                if (shift.integer(key) < classifier.folds()) {
                    problems.add(JsonDocument.child(path, key), key + " is " + shift.integer(key) + ", fewer than the classifier's "
                            + classifier.folds() + " folds; every fold needs rows of both kinds");
                }
            }
        }
        if (classifier == null || loss == null || optimizer == null || training == null || problems.count() > 0) {
            return null;
        }
        return new CovariateShiftSpec(shift.integer("inputs"), shift.integer("train-rows"), shift.integer("test-rows"),
                shift.number("shift"), shift.number("noise"), shift.integer("repeats"), loss, optimizer, training, classifier);
    }

    private AdversarialValidationSpec adversarialValidation(Problems problems, JsonNode root) {
        // The regression's sections read exactly as a k-fold task's.
        TabularSpec regression = tabular(problems, TaskKind.ADVERSARIAL_VALIDATION, root);
        ClassifierSpec classifier = used(TaskKind.ADVERSARIAL_VALIDATION, root, "classifier") ? classifier(problems, root) : null;
        return regression == null || classifier == null ? null : new AdversarialValidationSpec(regression, classifier);
    }

    private ConceptShiftSpec conceptShift(Problems problems, JsonNode root, ModelSpec model) {
        TaskKind task = TaskKind.CONCEPT_SHIFT;
        String path = "$.concept";
        ConfigValues concept = used(task, root, "concept") && expectObject(problems, root.get("concept"), path)
                ? ConfigBinder.bindValid(problems, root.get("concept"), path, CONCEPT, List.of(), "the concept section") : null;
        ComponentSpec optimizer = used(task, root, "optimizer")
                ? component(problems, root.get("optimizer"), "$.optimizer", PluginKind.OPTIMIZER, Set.of()).orElse(null) : null;
        TrainingSpec training = used(task, root, "training") ? training(problems, root.get("training")) : null;
        ComponentSpec loss = classifierLoss(problems, "$", "the concept-shift task trains its model");
        if (model != null && model.inputs() != ModelSpec.FROM_DATA) {
            problems.add("$.model.inputs", "leave model.inputs out: the concept-shift task trains the model on the inputs alone"
                    + " and on the inputs plus one column per region, so the data decides the width");
        }
        if (concept == null) {
            return null;
        }
        double[] thresholds = concept.numbers("thresholds");
        if (thresholds.length < 2) {
            problems.add(JsonDocument.child(path, "thresholds"), "expected one threshold per region and at least two regions, found "
                    + thresholds.length + " threshold" + (thresholds.length == 1 ? "" : "s"));
        }
        if (loss == null || optimizer == null || training == null || problems.count() > 0) {
            return null;
        }
        List<Double> list = new ArrayList<>();
        for (double t : thresholds) {
            list.add(t);
        }
        return new ConceptShiftSpec(concept.integer("inputs"), concept.integer("train-rows"), concept.integer("test-rows"), list,
                concept.number("label-noise"), loss, optimizer, training);
    }

    static final List<ParameterSpec> BAND = List.of(
            ParameterSpec.number("min", "The smallest value that holds (inclusive)."),
            ParameterSpec.number("max", "The largest value that holds (inclusive)."),
            ParameterSpec.number("equals", "The one value that holds; instead of min and max."));

    /** Reads {@code "expect": {"METRIC": {"min": a, "max": b} or {"equals": v}, ...}}. */
    private static List<Expectation> expectations(Problems problems, JsonNode node) {
        String path = "$.expect";
        if (!expectObject(problems, node, path)) {
            return List.of();
        }
        List<Expectation> list = new ArrayList<>();
        for (java.util.Map.Entry<String, JsonNode> e : node.properties()) {
            String p = JsonDocument.child(path, e.getKey());
            if (!expectObject(problems, e.getValue(), p)) {
                continue;
            }
            ConfigValues band = ConfigBinder.bindValid(problems, e.getValue(), p, BAND, List.of(), "the expectation of '" + e.getKey() + "'");
            if (band == null) {
                continue;
            }
            if (band.has("equals") && (band.has("min") || band.has("max"))) {
                problems.add(p, "give either 'equals' or 'min' and/or 'max', not both");
            } else if (band.has("equals")) {
                list.add(new Expectation(e.getKey(), band.number("equals"), band.number("equals"), p));
            } else if (!band.has("min") && !band.has("max")) {
                problems.add(p, "an expectation needs 'min', 'max' or 'equals'");
            } else {
                double min = band.has("min") ? band.number("min") : Double.NEGATIVE_INFINITY;
                double max = band.has("max") ? band.number("max") : Double.POSITIVE_INFINITY;
                if (min > max) {
                    problems.add(p, "min " + min + " exceeds max " + max);
                } else {
                    list.add(new Expectation(e.getKey(), min, max, p));
                }
            }
        }
        return list;
    }

    private static boolean expectObject(Problems problems, JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            problems.add(path, "expected a JSON object, found " + (node == null ? "nothing" : Values.describe(node)));
            return false;
        }
        return true;
    }
}
