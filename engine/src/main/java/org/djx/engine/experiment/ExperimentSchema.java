package org.djx.engine.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.plugin.PluginRegistry;

/**
 * Generates a JSON Schema (draft 2020-12) of experiment files from the same declarations the reader
 * checks against and from the installed plugins, so that an editor can complete and check files.
 * Rules the schema cannot state (rows of a matrix of equal length, a network that fits its data)
 * are left to {@code djx validate}.
 */
public final class ExperimentSchema {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ExperimentSchema() {
    }

    /** Returns the schema for experiment files run with {@code registry}'s plugins. */
    public static ObjectNode generate(PluginRegistry registry) {
        ObjectNode root = F.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "djx experiment");
        root.put("description", "An experiment file for djx. Generated from the installed plugins; `djx validate` also checks "
                + "what a schema cannot say, such as equally long matrix rows and a network that fits its data.");
        ObjectNode defs = root.putObject("$defs");
        for (PluginKind kind : PluginKind.values()) {
            defs.set(kind.label(), pluginKind(registry, kind));
        }
        ObjectNode properties = object(root, ExperimentReader.TOP_LEVEL);
        properties.set("model", model());
        // Only the tasks that fit need targets, and the per-task rules below cannot reach into a section.
        ParameterSpec optionalTargets = ParameterSpec.matrix(ExperimentReader.TARGETS.name(), ExperimentReader.TARGETS.description());
        properties.set("data", section(List.of(ExperimentReader.INPUTS, optionalTargets)));
        properties.set("loss", ref(PluginKind.LOSS));
        properties.set("optimizer", ref(PluginKind.OPTIMIZER));
        properties.set("dataset", ref(PluginKind.DATASET));
        // 'metric' is read by the k-fold and submission tasks only; the schema allows it in every task.
        properties.set("training", section(ExperimentReader.TABULAR_TRAINING));
        properties.set("preprocessing", preprocessing());
        properties.set("validation", section(ExperimentReader.VALIDATION));
        properties.set("curve", section(ExperimentReader.CURVE));
        properties.set("product", section(ExperimentReader.PRODUCT));
        properties.set("stack", stack(registry));
        properties.set("shift", section(ExperimentReader.SHIFT));
        properties.set("concept", section(ExperimentReader.CONCEPT));
        properties.set("classifier", classifier());
        properties.set("expect", expect());
        ArrayNode allOf = root.putArray("allOf");
        for (TaskKind task : TaskKind.values()) {
            ObjectNode rule = allOf.addObject();
            rule.putObject("if").putObject("properties").putObject("task").put("const", task.label());
            ObjectNode then = rule.putObject("then");
            ArrayNode required = then.putArray("required");
            task.sections().stream().sorted().forEach(required::add);
            List<String> unused = new ArrayList<>(TaskKind.allSections());
            unused.removeAll(task.sections());
            ArrayNode forbidden = then.putObject("not").putArray("anyOf");
            unused.forEach(s -> forbidden.addObject().putArray("required").add(s));
        }
        return root;
    }

    private static ObjectNode pluginKind(PluginRegistry registry, PluginKind kind) {
        ObjectNode node = F.objectNode();
        ArrayNode oneOf = node.putArray("oneOf");
        for (String name : registry.names(kind)) {
            PluginDescriptor d = registry.find(kind, name).orElseThrow();
            ObjectNode plugin = oneOf.addObject();
            plugin.put("description", d.plugin().description());
            ObjectNode properties = object(plugin, d.plugin().configuration());
            properties.putObject("type").put("const", name);
            if (kind == PluginKind.LAYER) {
                properties.putObject("name").put("type", "string").put("minLength", 1)
                        .put("description", "Label under which a forward task reports the layer's output.");
                properties.set("init", ref(PluginKind.INITIALIZER));
            }
            ((ArrayNode) plugin.get("required")).insert(0, "type");
        }
        return node;
    }

    /** Fills {@code node} as a closed object of {@code specs}; returns its "properties". */
    private static ObjectNode object(ObjectNode node, List<ParameterSpec> specs) {
        node.put("type", "object");
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = node.putArray("required");
        for (ParameterSpec s : specs) {
            properties.set(s.name(), parameter(s));
            if (s.required()) {
                required.add(s.name());
            }
        }
        node.put("additionalProperties", false);
        return properties;
    }

    private static ObjectNode section(List<ParameterSpec> specs) {
        ObjectNode node = F.objectNode();
        object(node, specs);
        return node;
    }

    private static ObjectNode parameter(ParameterSpec s) {
        ObjectNode p = F.objectNode();
        p.put("description", s.description());
        switch (s.type()) {
            case INTEGER -> p.put("type", "integer");
            case NUMBER -> p.put("type", "number");
            case BOOLEAN -> p.put("type", "boolean");
            case STRING -> {
                p.put("type", "string");
                if (!s.choices().isEmpty()) {
                    ArrayNode e = p.putArray("enum");
                    s.choices().forEach(e::add);
                }
            }
            case NUMBER_LIST -> p.put("type", "array").put("minItems", 1).putObject("items").put("type", "number");
            case NUMBER_MATRIX -> p.put("type", "array").put("minItems", 1).putObject("items")
                    .put("type", "array").put("minItems", 1).putObject("items").put("type", "number");
        }
        if (s.minimum() != null) {
            p.put(s.minimumExclusive() ? "exclusiveMinimum" : "minimum", s.minimum());
        }
        if (s.maximum() != null) {
            p.put(s.maximumExclusive() ? "exclusiveMaximum" : "maximum", s.maximum());
        }
        Object d = s.defaultValue();
        if (d instanceof Integer i) {
            p.put("default", i);
        } else if (d instanceof Double v) {
            p.put("default", v);
        } else if (d instanceof Boolean b) {
            p.put("default", b);
        } else if (d instanceof String t) {
            p.put("default", t);
        }
        return p;
    }

    private static ObjectNode model() {
        ObjectNode node = F.objectNode();
        ObjectNode properties = object(node, ExperimentReader.MODEL);
        properties.set("init", ref(PluginKind.INITIALIZER));
        properties.putObject("layers").put("type", "array").put("minItems", 1).set("items", ref(PluginKind.LAYER));
        ((ArrayNode) node.get("required")).add("layers");
        return node;
    }

    private static ObjectNode classifier() {
        ObjectNode node = F.objectNode();
        node.put("description", "A logistic regression (one linear layer, loss " + ExperimentReader.CLASSIFIER_LOSS
                + ") that tells training rows from test rows, and the importance weights it gives.");
        ObjectNode properties = object(node, ExperimentReader.CLASSIFIER);
        properties.set("optimizer", ref(PluginKind.OPTIMIZER));
        properties.set("training", section(ExperimentReader.TRAINING));
        ArrayNode required = (ArrayNode) node.get("required");
        required.add("optimizer");
        required.add("training");
        return node;
    }

    private static ObjectNode preprocessing() {
        ObjectNode node = F.objectNode();
        ObjectNode properties = object(node, ExperimentReader.PREPROCESSING);
        ArrayNode steps = properties.putObject("steps").put("type", "array").putObject("items").putArray("oneOf");
        step(steps, "standardize", ExperimentReader.STANDARDIZE);
        step(steps, "fill-missing", ExperimentReader.FILL_MISSING);
        step(steps, "one-hot", ExperimentReader.ONE_HOT);
        ((ArrayNode) node.get("required")).add("steps");
        return node;
    }

    private static void step(ArrayNode oneOf, String type, List<ParameterSpec> specs) {
        ObjectNode step = oneOf.addObject();
        ObjectNode properties = object(step, specs);
        properties.putObject("type").put("const", type);
        ((ArrayNode) step.get("required")).add("type");
    }

    private static ObjectNode stack(PluginRegistry registry) {
        ObjectNode node = F.objectNode();
        ObjectNode properties = object(node, ExperimentReader.STACK);
        ArrayNode names = properties.putObject("activations").put("type", "array").put("minItems", 1)
                .putObject("items").putArray("enum");
        registry.names(PluginKind.LAYER).forEach(names::add);
        properties.putObject("initializers").put("type", "array").put("minItems", 1).set("items", ref(PluginKind.INITIALIZER));
        ArrayNode required = (ArrayNode) node.get("required");
        required.add("activations");
        required.add("initializers");
        return node;
    }

    private static ObjectNode expect() {
        ObjectNode node = F.objectNode();
        node.put("type", "object");
        node.put("description", "Bands the run's results must fall in; a broken band makes the run exit with 3.");
        ObjectNode band = node.putObject("additionalProperties");
        object(band, ExperimentReader.BAND);
        band.put("minProperties", 1);
        return node;
    }

    private static ObjectNode ref(PluginKind kind) {
        return F.objectNode().put("$ref", "#/$defs/" + kind.label());
    }
}
