package org.djx.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.djx.api.DType;
import org.djx.api.PluginException;
import org.djx.api.spi.ConfigValues;
import org.djx.api.spi.ParameterSpec;
import org.djx.api.spi.Plugin;
import org.djx.api.spi.Suggestions;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.spec.ComponentSpec;
import org.djx.engine.spec.InitialWeights;
import org.djx.engine.spec.LayerSpec;
import org.djx.engine.spec.ModelSpec;
import org.djx.engine.task.Bound;
import org.djx.engine.task.Form;
import org.djx.engine.task.Section;

/**
 * Binds values of an experiment file to the {@link Form}s tasks declare: every problem is recorded with its
 * JSON path, defaults are written back into the (copied) tree, and every plugin read is remembered, in file
 * order, for the run's provenance and for checking each plugin's configuration before anything runs.
 */
final class SectionBinder {
    /** The model's own keys besides its initializer and layers; the schema and {@code djx describe} list them. */
    static final List<ParameterSpec> MODEL = List.of(
            ParameterSpec.integer("inputs",
                    "Number of input features per example; taken from the data when absent.").atLeast(1),
            ParameterSpec.string("dtype", "Element type of the network's parameters and activations: float32 computes "
                    + "about twice as fast, float64 matches worked examples to every printed digit.",
                    DType.FLOAT32.label(), DType.FLOAT64.label()).withDefault(DType.FLOAT64.label()),
            WeightsFrom.SPEC);
    /** The keys of a layer object that the engine reads itself. */
    static final List<String> LAYER_KEYS = Plugin.RESERVED_LAYER_KEYS;
    /** The initializer a model uses when it names none: D2L's N(0, 0.01^2). */
    static final String DEFAULT_INITIALIZER = "normal";

    private final PluginRegistry registry;
    private final Problems problems;
    private final List<ComponentSpec> components = new ArrayList<>();

    SectionBinder(PluginRegistry registry, Problems problems) {
        this.registry = registry;
        this.problems = problems;
    }

    /** Returns every plugin bound so far, in the order the file names them. */
    List<ComponentSpec> components() {
        return List.copyOf(components);
    }

    /** Binds {@code node} at {@code path} to {@code form}; returns null when a problem was recorded. */
    Bound bind(JsonNode node, String path, Form form) {
        int before = problems.count();
        Bound bound = bindForm(node, path, form);
        return problems.count() == before ? bound : null;
    }

    private Bound bindForm(JsonNode node, String path, Form form) {
        if (form instanceof Form.Parameters p) {
            return parameters(node, path, p, null, List.of());
        } else if (form instanceof Form.Plugin p) {
            ComponentSpec c = component(node, path, p.kind(), List.of());
            return c == null ? null : Bound.plugin(path, c);
        } else if (form instanceof Form.Plugins p) {
            return plugins(node, path, p.kind());
        } else if (form instanceof Form.PluginNames p) {
            return names(node, path, p.kind());
        } else if (form instanceof Form.Steps s) {
            return steps(node, path, s);
        }
        ModelSpec model = model(node, path);
        return model == null ? null : Bound.model(path, model);
    }

    private Bound parameters(JsonNode node, String path, Form.Parameters form, String type, List<String> ownKeys) {
        if (!expectObject(node, path)) {
            return null;
        }
        List<String> engineKeys = new ArrayList<>(ownKeys);
        form.nested().forEach(s -> engineKeys.add(s.name()));
        ConfigValues config = ConfigBinder.bind(problems, node, path, form.keys(), engineKeys, owner(path, type));
        Map<String, Bound> nested = new LinkedHashMap<>();
        for (Section s : form.nested()) {
            JsonNode child = node.get(s.name());
            if (child == null && !s.required()) {
                continue;
            } else if (child == null) {
                problems.add(path, "missing required key '" + s.name() + "', such as \"" + s.name() + "\": " + s.example() + " ("
                        + s.description() + ")");
            } else {
                nested.put(s.name(), bindForm(child, JsonDocument.child(path, s.name()), s.form()));
            }
        }
        return Bound.parameters(path, config, nested, type);
    }

    /** Names what an object configures, for messages: {@code the training section}, {@code the classifier.training section}. */
    private static String owner(String path, String type) {
        return type != null ? "step '" + type + "'" : "the " + path.substring(2) + " section";
    }

    private Bound plugins(JsonNode node, String path, PluginKind kind) {
        if (!node.isArray() || node.isEmpty()) {
            problems.add(path, "expected a non-empty array of " + kind.label() + " objects such as [{\"type\": \""
                    + example(kind) + "\"}], found " + Values.describe(node));
            return null;
        }
        List<ComponentSpec> list = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            ComponentSpec c = component(node.get(i), JsonDocument.element(path, i), kind, List.of());
            if (c != null) {
                list.add(c);
            }
        }
        return Bound.plugins(path, list);
    }

    private Bound names(JsonNode node, String path, PluginKind kind) {
        if (!node.isArray() || node.isEmpty()) {
            problems.add(path, "expected a non-empty array of " + kind.label() + " names such as [\"" + example(kind)
                    + "\"], found " + Values.describe(node));
            return null;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String p = JsonDocument.element(path, i);
            JsonNode n = node.get(i);
            if (!n.isTextual()) {
                problems.add(p, "expected the name of a " + kind.label() + ", found " + Values.describe(n));
            } else if (lookup(kind, n.textValue(), p) != null) {
                names.add(n.textValue());
            }
        }
        return Bound.names(path, names);
    }

    private Bound steps(JsonNode node, String path, Form.Steps form) {
        List<String> types = new ArrayList<>(form.types().keySet());
        if (!node.isArray()) {
            problems.add(path, "expected an array of steps such as [{\"type\": \"" + types.get(0) + "\"}], found "
                    + Values.describe(node));
            return null;
        }
        List<Bound> steps = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String p = JsonDocument.element(path, i);
            JsonNode step = node.get(i);
            if (!expectObject(step, p)) {
                continue;
            }
            JsonNode type = step.get("type");
            if (type == null || !type.isTextual() || !types.contains(type.textValue())) {
                String given = type != null && type.isTextual() ? type.textValue() : null;
                problems.add(type == null ? p : JsonDocument.child(p, "type"), (type == null ? "missing 'type'"
                        : "unknown " + form.noun() + " " + (given == null ? Values.describe(type) : "'" + given + "'"))
                        + "; available: " + String.join(", ", types) + (given == null ? "" : Suggestions.didYouMean(given, types)));
                continue;
            }
            String t = type.textValue();
            steps.add(parameters(step, p, new Form.Parameters(form.types().get(t), List.of()), t, List.of("type")));
        }
        return Bound.steps(path, steps);
    }

    /**
     * Reads the model section: its keys, its initializer (the default written in when absent), its layers, and the
     * file of initial weights it may name.
     */
    private ModelSpec model(JsonNode node, String path) {
        if (!expectObject(node, path)) {
            return null;
        }
        ConfigValues config = ConfigBinder.bind(problems, node, path, MODEL, List.of("init", "layers"), "the model");
        // A file that cannot be used is a problem on record, and the layers are still read: all problems at once.
        InitialWeights weights = config.has(WeightsFrom.KEY) ? WeightsFrom.read(problems, config.string(WeightsFrom.KEY), path) : null;
        ComponentSpec init;
        String initPath = JsonDocument.child(path, "init");
        if (node.has("init")) {
            init = component(node.get("init"), initPath, PluginKind.INITIALIZER, List.of());
        } else {
            init = defaultInitializer((ObjectNode) node, initPath);
        }
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
                LayerSpec layer = layer(list.get(i), JsonDocument.element(layersPath, i), labels);
                if (layer != null) {
                    layers.add(layer);
                }
            }
        }
        if (init == null || list == null || layers.size() != list.size()) {
            return null;
        }
        // An invalid dtype is already a problem on record; the file is refused after reading.
        DType dtype = config.has("dtype") && DType.FLOAT32.label().equals(config.string("dtype")) ? DType.FLOAT32 : DType.FLOAT64;
        return new ModelSpec(config.has("inputs") ? config.integer("inputs") : ModelSpec.FROM_DATA, dtype, init, layers, weights);
    }

    private LayerSpec layer(JsonNode node, String path, Set<String> labels) {
        ComponentSpec layer = component(node, path, PluginKind.LAYER, LAYER_KEYS);
        if (node == null || !node.isObject()) {
            return null;
        }
        // The keys the engine reads itself are checked whether or not the plugin's part is valid: all problems at once.
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
            init = component(node.get("init"), JsonDocument.child(path, "init"), PluginKind.INITIALIZER, List.of());
            if (init == null) {
                return null;
            }
        }
        return layer == null ? null : new LayerSpec(label, layer, init);
    }

    private ComponentSpec defaultInitializer(ObjectNode model, String path) {
        PluginDescriptor normal = lookup(PluginKind.INITIALIZER, DEFAULT_INITIALIZER, null);
        if (normal == null) {
            problems.add(path.substring(0, path.lastIndexOf('.')), "the model names no 'init' and the default initializer '"
                    + DEFAULT_INITIALIZER + "' is not installed; set init to one of: "
                    + String.join(", ", registry.names(PluginKind.INITIALIZER)));
            return null;
        }
        // Written into the resolved experiment as if the file said it.
        ObjectNode init = model.putObject("init").put("type", DEFAULT_INITIALIZER);
        return component(init, path, PluginKind.INITIALIZER, List.of());
    }

    /**
     * Reads {@code {"type": NAME, ...config}} as a plugin of {@code kind}; returns null when a problem was recorded.
     *
     * @param engineKeys keys of the object that the engine reads itself
     */
    ComponentSpec component(JsonNode node, String path, PluginKind kind, List<String> engineKeys) {
        if (!expectObject(node, path)) {
            return null;
        }
        JsonNode type = node.get("type");
        // The names are listed only in messages: listing them creates every dropped-in plugin of the kind.
        if (type == null) {
            problems.add(path, "missing required key 'type': the name of a " + kind.label() + "; available: "
                    + String.join(", ", registry.names(kind)));
            return null;
        }
        if (!type.isTextual()) {
            problems.add(JsonDocument.child(path, "type"), "expected the name of a " + kind.label() + " as a string, found "
                    + Values.describe(type) + "; available: " + String.join(", ", registry.names(kind)));
            return null;
        }
        PluginDescriptor plugin = lookup(kind, type.textValue(), JsonDocument.child(path, "type"));
        if (plugin == null) {
            return null;
        }
        String label = label(node, engineKeys, plugin.plugin().configuration());
        Set<String> ignored = new TreeSet<>(engineKeys);
        ignored.add("type");
        int before = problems.count();
        ConfigValues config = ConfigBinder.bind(problems, node, path, plugin.plugin().configuration(), new ArrayList<>(ignored),
                kind.label() + " '" + plugin.name() + "'");
        if (problems.count() != before) {
            return null;
        }
        ComponentSpec spec = new ComponentSpec(plugin, config, path, label);
        components.add(spec);
        return spec;
    }

    /** Returns the plugin {@code name} of {@code kind}, or null after recording why not (at {@code path}, unless null). */
    PluginDescriptor lookup(PluginKind kind, String name, String path) {
        try {
            PluginDescriptor plugin = registry.find(kind, name).orElse(null);
            if (plugin == null && path != null) {
                List<String> available = registry.names(kind);
                problems.add(path, "unknown " + kind.label() + " '" + name + "'; available: "
                        + (available.isEmpty() ? "none installed" : String.join(", ", available))
                        + Suggestions.didYouMean(name, available));
            }
            return plugin;
        } catch (PluginException e) {
            problems.add(path == null ? "$" : path, e.getMessage());
            return null;
        }
    }

    /**
     * Returns the type with the settings that differ from their defaults, such as {@code normal(std=1.0)}:
     * the same for a file and for its resolved copy, where every default is written out.
     */
    private static String label(JsonNode node, List<String> engineKeys, List<ParameterSpec> specs) {
        List<String> settings = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getKey().equals("type") && !engineKeys.contains(e.getKey())
                    && !isDefault(e.getValue(), specs.stream().filter(p -> p.name().equals(e.getKey())).findFirst().orElse(null))) {
                settings.add(e.getKey() + "=" + e.getValue().asText());
            }
        }
        String type = node.get("type").textValue();
        return settings.isEmpty() ? type : type + "(" + String.join(", ", settings) + ")";
    }

    /** Returns the installed plugins of {@code kind}, by name. */
    List<String> names(PluginKind kind) {
        return registry.names(kind);
    }

    private static boolean isDefault(JsonNode value, ParameterSpec spec) {
        Object d = spec == null ? null : spec.defaultValue();
        if (d instanceof Number n) {
            return value.isNumber() && value.doubleValue() == n.doubleValue();
        }
        if (d instanceof Boolean b) {
            return value.isBoolean() && value.booleanValue() == b;
        }
        return d instanceof String t && value.isTextual() && value.textValue().equals(t);
    }

    private String example(PluginKind kind) {
        List<String> names = registry.names(kind);
        return names.isEmpty() ? "NAME" : names.get(0);
    }

    private boolean expectObject(JsonNode node, String path) {
        return expectObject(problems, node, path);
    }

    /** Returns whether {@code node} is an object, after recording a problem at {@code path} when it is not. */
    static boolean expectObject(Problems problems, JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            problems.add(path, "expected a JSON object, found " + (node == null ? "nothing" : Values.describe(node)));
            return false;
        }
        return true;
    }
}
