package org.djx.engine.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.sweep.SweepParameter;
import org.djx.engine.task.Form;
import org.djx.engine.task.Section;
import org.djx.engine.task.Task;
import org.djx.engine.task.TaskRegistry;

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

    /** Returns the schema for experiment files run with {@code registry}'s plugins and {@code tasks}. */
    public static ObjectNode generate(PluginRegistry registry, TaskRegistry tasks) {
        ObjectNode root = F.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "djx experiment");
        root.put("description", "An experiment file for djx. Generated from the installed plugins and tasks; `djx validate` also checks "
                + "what a schema cannot say, such as equally long matrix rows and a network that fits its data.");
        ObjectNode defs = root.putObject("$defs");
        for (PluginKind kind : PluginKind.values()) {
            defs.set(kind.label(), pluginKind(registry, kind));
        }
        ObjectNode properties = object(root, ExperimentReader.topLevel(tasks));
        properties.set("expect", expect());
        properties.set("sweep", sweep());
        properties.set("data-hub", dataHub());
        // Each task's sections are allowed, and required, only with that task: properties that no branch
        // evaluates are refused.
        root.remove("additionalProperties");
        root.put("unevaluatedProperties", false);
        ArrayNode allOf = root.putArray("allOf");
        for (Task task : tasks.all()) {
            ObjectNode rule = allOf.addObject();
            rule.putObject("if").putObject("properties").putObject("task").put("const", task.name());
            ObjectNode then = rule.putObject("then");
            ObjectNode sections = then.putObject("properties");
            ArrayNode required = then.putArray("required");
            for (Section section : task.sections()) {
                sections.set(section.name(), section(registry, section));
                if (section.required()) {
                    required.add(section.name());
                }
            }
        }
        return root;
    }

    /** Returns the schema of a section or of a value nested in one. */
    private static ObjectNode section(PluginRegistry registry, Section section) {
        ObjectNode node = form(registry, section.form());
        node.put("description", section.description());
        return node;
    }

    private static ObjectNode form(PluginRegistry registry, Form form) {
        if (form instanceof Form.Parameters p) {
            ObjectNode node = F.objectNode();
            ObjectNode properties = object(node, p.keys());
            ArrayNode required = (ArrayNode) node.get("required");
            for (Section nested : p.nested()) {
                properties.set(nested.name(), section(registry, nested));
                if (nested.required()) {
                    required.add(nested.name());
                }
            }
            return node;
        } else if (form instanceof Form.Plugin p) {
            return ref(p.kind());
        } else if (form instanceof Form.Plugins p) {
            ObjectNode node = F.objectNode().put("type", "array").put("minItems", 1);
            node.set("items", ref(p.kind()));
            return node;
        } else if (form instanceof Form.PluginNames p) {
            ObjectNode node = F.objectNode().put("type", "array").put("minItems", 1);
            ArrayNode names = node.putObject("items").putArray("enum");
            registry.names(p.kind()).forEach(names::add);
            return node;
        } else if (form instanceof Form.Steps s) {
            ObjectNode node = F.objectNode().put("type", "array");
            ArrayNode oneOf = node.putObject("items").putArray("oneOf");
            s.types().forEach((type, keys) -> step(oneOf, type, keys));
            return node;
        }
        return model();
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
            case STRING_MAP -> {
                ObjectNode values = p.put("type", "object").putObject("additionalProperties").put("type", "string");
                if (!s.choices().isEmpty()) {
                    ArrayNode e = values.putArray("enum");
                    s.choices().forEach(e::add);
                }
            }
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
        ObjectNode properties = object(node, SectionBinder.MODEL);
        properties.set("init", ref(PluginKind.INITIALIZER));
        properties.putObject("layers").put("type", "array").put("minItems", 1).set("items", ref(PluginKind.LAYER));
        ((ArrayNode) node.get("required")).add("layers");
        return node;
    }

    private static void step(ArrayNode oneOf, String type, List<ParameterSpec> specs) {
        ObjectNode step = oneOf.addObject();
        ObjectNode properties = object(step, specs);
        properties.putObject("type").put("const", type);
        ((ArrayNode) step.get("required")).add("type");
    }

    private static ObjectNode expect() {
        ObjectNode node = F.objectNode();
        node.put("type", "object");
        node.put("description", "Bands the run's results must fall in; a broken band makes the run exit with 3.");
        ObjectNode band = node.putObject("additionalProperties");
        object(band, ExpectSection.BAND);
        band.put("minProperties", 1);
        return node;
    }

    private static ObjectNode dataHub() {
        ObjectNode node = F.objectNode();
        node.put("type", "object");
        node.put("description", "Data-hub files the experiment declares, by name, for its dataset to read as hub:NAME;"
                + " each is verified by its SHA-1.");
        ObjectNode entry = node.putObject("additionalProperties");
        object(entry, DataHubSection.ENTRY);
        return node;
    }

    private static ObjectNode sweep() {
        ObjectNode node = F.objectNode();
        ObjectNode properties = object(node, SweepSection.KEYS);
        node.put("description", "Runs the experiment at many points: the parameters vary values by their path in the experiment,"
                + " and the objective ranks the points; expect then names the sweep's results.");
        object(properties.putObject("objective"), SweepSection.OBJECTIVE);
        object(properties.putObject("scheduler"), SweepSection.HALVING);
        ObjectNode parameters = properties.putObject("parameters");
        parameters.put("type", "object").put("minProperties", 1)
                .put("description", "Each key is a path into the experiment, such as optimizer.lr or model.layers[0].outputs.");
        ArrayNode kinds = parameters.putObject("additionalProperties").putArray("oneOf");
        for (SweepParameter.Kind kind : SweepParameter.Kind.values()) {
            ObjectNode one = kinds.addObject().put("type", "object").put("additionalProperties", false);
            one.putArray("required").add(kind.key());
            ObjectNode list = one.putObject("properties").putObject(kind.key()).put("type", "array");
            if (kind == SweepParameter.Kind.VALUES || kind == SweepParameter.Kind.CHOICE) {
                list.put("minItems", 1);
            } else {
                list.put("minItems", 2).put("maxItems", 2).putObject("items").put("type", "number");
            }
        }
        ((ArrayNode) node.get("required")).add("objective").add("parameters");
        return node;
    }

    private static ObjectNode ref(PluginKind kind) {
        return F.objectNode().put("$ref", "#/$defs/" + kind.label());
    }


}
