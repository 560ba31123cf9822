package org.djx.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.json.JsonDocument;

/**
 * Checks a JSON object against parameter declarations and binds it to a {@link BoundConfig}: unknown
 * keys, missing required keys, wrong types, values out of bounds and values not among the choices
 * each become a problem, and every problem is collected rather than the first thrown.
 */
final class ConfigBinder {
    private ConfigBinder() {
    }

    /**
     * Binds {@code object} (at {@code path}) to {@code specs}.
     *
     * @param engineKeys keys of the object that the caller reads itself, so they are not unknown
     * @param owner      what the object configures, for messages, such as {@code optimizer 'sgd'}
     * @return the bound configuration; partial when problems were added
     */
    static BoundConfig bind(Problems problems, JsonNode object, String path, List<ParameterSpec> specs,
            Collection<String> engineKeys, String owner) {
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            byName.put(s.name(), s);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String key = field.getKey();
            if (engineKeys.contains(key)) {
                continue;
            }
            String keyPath = JsonDocument.child(path, key);
            ParameterSpec spec = byName.get(key);
            if (spec == null) {
                List<String> valid = new ArrayList<>(byName.keySet());
                valid.addAll(engineKeys);
                problems.add(keyPath, "unknown key '" + key + "' for " + owner + "; valid keys: "
                        + (valid.isEmpty() ? "none" : String.join(", ", valid))
                        + Suggestions.didYouMean(key, valid));
                continue;
            }
            Object value = Values.read(problems, field.getValue(), keyPath, spec);
            if (value != null) {
                values.put(key, value);
            }
        }
        java.util.Map<String, Object> defaults = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            if (object.has(spec.name())) {
                continue;
            }
            if (spec.required()) {
                problems.add(path, "missing required key '" + spec.name() + "' for " + owner + ": "
                        + Values.expectation(spec) + " (" + spec.description() + ")");
            } else if (spec.defaultValue() != null) {
                values.put(spec.name(), spec.defaultValue());
                defaults.put(spec.name(), spec.defaultValue());
            }
        }
        // The reader works on its own copy of the tree: writing the defaults in makes that copy the
        // resolved experiment, every default filled in.
        if (object instanceof ObjectNode o) {
            defaults.forEach((key, value) -> o.set(key, toNode(value)));
        }
        return new BoundConfig(problems.document(), path, byName, values);
    }

    private static JsonNode toNode(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof Integer i) {
            return f.numberNode(i);
        } else if (value instanceof Double d) {
            return f.numberNode(d);
        } else if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        return f.textNode(String.valueOf(value));
    }

    /**
     * Binds like {@link #bind} but returns null when the object broke any rule, so that a caller never
     * reads a key whose value was rejected (such a key has neither its value nor its default).
     */
    static BoundConfig bindValid(Problems problems, JsonNode object, String path, List<ParameterSpec> specs,
            Collection<String> engineKeys, String owner) {
        int before = problems.count();
        BoundConfig config = bind(problems, object, path, specs, engineKeys, owner);
        return problems.count() == before ? config : null;
    }
}
