package org.djx.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.api.spi.ParameterSpec;

/**
 * Turns JSON values into the plain Java form that {@link ParameterSpec#decode} and
 * {@link org.djx.api.spi.ConfigValues#bind} check: the rules and their messages live in the api, so that
 * the test kit applies the same ones; the engine adds only where a value sits in its file.
 */
final class Values {
    private Values() {
    }

    /**
     * Returns {@code node} in plain form: null, Boolean, String, Integer, Long or BigInteger (as the
     * reader parsed the literal), Double, a List or a Map in document order.
     */
    static Object plain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            return plainObject(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(plain(element)));
            return list;
        }
        if (node.isNumber()) {
            // The reader keeps an integer literal integral (int, long or BigInteger) and refuses a
            // fraction a double cannot hold, so numberValue() is already the plain form.
            return node.numberValue();
        }
        return node.isBoolean() ? (Object) node.booleanValue() : node.asText();
    }

    /** Returns the fields of an object node in plain form, in document order. */
    static Map<String, Object> plainObject(JsonNode object) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            map.put(field.getKey(), plain(field.getValue()));
        }
        return map;
    }

    /** Describes a JSON value for messages, as {@link ParameterSpec#describe} does. */
    static String describe(JsonNode node) {
        // Only the kind of an array or object shows in the text: do not convert its contents.
        if (node.isArray()) {
            return ParameterSpec.describe(List.of());
        }
        return node.isObject() ? ParameterSpec.describe(Map.of()) : ParameterSpec.describe(plain(node));
    }
}
