package org.djx.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.djx.api.spi.ConfigProblem;
import org.djx.api.spi.ConfigValues;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.json.InvalidDocumentException;
import org.djx.engine.json.JsonDocument;

/**
 * Checks a JSON object against parameter declarations through the api's {@link ConfigValues#bind}, and
 * places each problem it reports at its file, line:column and JSON path; every problem is collected
 * rather than the first thrown.
 */
final class ConfigBinder {
    private ConfigBinder() {
    }

    /**
     * Binds {@code object} (at {@code path}) to {@code specs}.
     *
     * @param engineKeys keys of the object that the caller reads itself, so they are not unknown
     * @param owner      what the object configures, for messages, such as {@code optimizer 'sgd'}
     * @return the bound configuration, whose {@code error} places messages in the file; partial when
     *         problems were added
     */
    static ConfigValues bind(Problems problems, JsonNode object, String path, List<ParameterSpec> specs,
            Collection<String> engineKeys, String owner) {
        Map<String, Object> raw = Values.plainObject(object);
        ConfigValues bound = ConfigValues.bind(specs, raw, engineKeys, owner);
        for (ConfigProblem p : bound.problems()) {
            problems.add((p.key() == null ? path : JsonDocument.child(path, p.key())) + p.element(), p.message());
        }
        // The reader works on its own copy of the tree: writing the defaults in makes that copy the
        // resolved experiment, every default filled in.
        if (object instanceof ObjectNode o) {
            for (ParameterSpec spec : specs) {
                Object value = spec.defaultValue();
                if (value != null && !raw.containsKey(spec.name())) {
                    o.set(spec.name(), toNode(value));
                }
            }
        }
        JsonDocument document = problems.document();
        return bound.placingErrors((key, message) ->
                new InvalidDocumentException(List.of(document.problem(JsonDocument.child(path, key), message))));
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
    static ConfigValues bindValid(Problems problems, JsonNode object, String path, List<ParameterSpec> specs,
            Collection<String> engineKeys, String owner) {
        ConfigValues config = bind(problems, object, path, specs, engineKeys, owner);
        return config.isValid() ? config : null;
    }
}
