package org.djx.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.djx.api.spi.Suggestions;

/**
 * Paths into an experiment such as {@code optimizer.lr} or {@code model.layers[1].outputs}: keys separated by
 * dots, array elements by their index from 0.
 */
public final class JsonPaths {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_-]+)((?:\\[[0-9]+\\])*)");
    private static final Pattern INDEX = Pattern.compile("\\[([0-9]+)\\]");

    private JsonPaths() {
    }

    /** A step of a path: a key, or an index when {@code key} is null. */
    private record Step(String key, int index) {
        @Override
        public String toString() {
            return key != null ? key : "[" + index + "]";
        }
    }

    /**
     * Returns why {@code path} is not a path at all, or null when it is one.
     */
    public static String syntaxProblem(String path) {
        return steps(path) == null ? "'" + path + "' is not a path into the experiment; write keys separated by dots and"
                + " array elements by index, such as optimizer.lr or model.layers[1].outputs" : null;
    }

    private static List<Step> steps(String path) {
        List<Step> steps = new ArrayList<>();
        if (path.isEmpty()) {
            return null;
        }
        for (String part : path.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                return null;
            }
            steps.add(new Step(m.group(1), -1));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                try {
                    steps.add(new Step(null, Integer.parseInt(index.group(1))));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return steps;
    }

    /** Returns the first key of a well-formed path, the section it changes. */
    public static String section(String path) {
        return steps(path).get(0).key();
    }

    /**
     * Puts {@code value} at {@code path} inside {@code root}. Every step but the last must name something
     * there; the last may name a key the object lacks, which then gets it (a key with a default is left out
     * of files), and the reader judges whether that key belongs.
     *
     * @return null, or why the path names nothing, with the keys or the length that are there
     */
    public static String set(ObjectNode root, String path, JsonNode value) {
        List<Step> steps = steps(path);
        if (steps == null) {
            return syntaxProblem(path);
        }
        JsonNode node = root;
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean last = i == steps.size() - 1;
            String where = at.length() == 0 ? "the experiment" : at.toString();
            if (step.key() != null) {
                if (!(node instanceof ObjectNode object)) {
                    return where + " is " + kind(node) + ", not an object with the key '" + step.key() + "'";
                }
                if (last) {
                    object.set(step.key(), value);
                    return null;
                }
                JsonNode next = object.get(step.key());
                if (next == null) {
                    List<String> keys = new ArrayList<>();
                    object.fieldNames().forEachRemaining(keys::add);
                    String hint = Suggestions.didYouMean(step.key(), keys);
                    return where + " has no key '" + step.key() + "'" + hint
                            + (keys.isEmpty() ? "" : "; it has: " + String.join(", ", keys));
                }
                at.append(at.length() == 0 ? "" : ".").append(step.key());
                node = next;
            } else {
                if (!(node instanceof ArrayNode array)) {
                    return where + " is " + kind(node) + ", not an array with an element [" + step.index() + "]";
                }
                if (step.index() >= array.size()) {
                    return where + " has " + array.size() + " element" + (array.size() == 1 ? "" : "s") + ", [0] to ["
                            + (array.size() - 1) + "]; there is no [" + step.index() + "]";
                }
                if (last) {
                    array.set(step.index(), value);
                    return null;
                }
                at.append(step);
                node = array.get(step.index());
            }
        }
        return null;
    }

    private static String kind(JsonNode node) {
        return node.isArray() ? "an array" : node.isObject() ? "an object" : node.isNumber() ? "a number"
                : node.isTextual() ? "a string" : node.isBoolean() ? "a boolean" : "null";
    }
}
