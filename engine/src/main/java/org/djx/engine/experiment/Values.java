package org.djx.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.json.JsonDocument;

/** Reads one JSON value as the declared type, without any coercion, and checks its bounds. */
final class Values {
    private Values() {
    }

    /** Returns the value as Integer, Double, Boolean, String, double[] or double[][]; null after a problem. */
    static Object read(Problems problems, JsonNode node, String path, ParameterSpec spec) {
        Object value = switch (spec.type()) {
            case INTEGER -> node.isIntegralNumber() && node.canConvertToInt() ? Integer.valueOf(node.intValue()) : null;
            case NUMBER -> node.isNumber() ? Double.valueOf(node.doubleValue()) : null;
            case BOOLEAN -> node.isBoolean() ? Boolean.valueOf(node.booleanValue()) : null;
            case STRING -> node.isTextual() ? node.textValue() : null;
            case NUMBER_LIST -> node.isArray() ? numbers(problems, node, path) : null;
            case NUMBER_MATRIX -> node.isArray() ? matrix(problems, node, path) : null;
        };
        if (value == null) {
            // Arrays report their own problems, at the offending element.
            if (!node.isArray()) {
                problems.add(path, "expected " + expectation(spec) + ", found " + describe(node));
            }
            return null;
        }
        String bad = checkBounds(spec, value);
        if (bad != null) {
            problems.add(path, bad);
            return null;
        }
        return value;
    }

    /** Describes what a parameter takes, such as {@code a number > 0} or {@code one of: a, b}. */
    static String expectation(ParameterSpec spec) {
        String type = switch (spec.type()) {
            case INTEGER -> "an integer";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case STRING -> spec.choices().isEmpty() ? "a string" : "one of: " + String.join(", ", spec.choices());
            case NUMBER_LIST -> "an array of numbers";
            case NUMBER_MATRIX -> "an array of equally long arrays of numbers";
        };
        String bounds = spec.boundsText();
        return bounds.isEmpty() ? type : type + " " + bounds;
    }

    /** Describes a JSON value for messages: its kind and, for scalars, the value itself. */
    static String describe(JsonNode node) {
        if (node.isTextual()) {
            String t = node.textValue();
            return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "\"";
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? "the integer " + node.asText() : "the integer " + node.asText() + ", which is out of range";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isNull()) {
            return "null";
        }
        return node.isArray() ? "an array" : "an object";
    }

    /** Reads a non-empty array of numbers, reporting an empty array or each non-number element. */
    private static double[] numbers(Problems problems, JsonNode node, String path) {
        if (node.isEmpty()) {
            problems.add(path, "expected a non-empty array of numbers, found an empty array");
            return null;
        }
        double[] out = new double[node.size()];
        boolean valid = true;
        for (int i = 0; i < out.length; i++) {
            JsonNode element = node.get(i);
            if (element.isNumber()) {
                out[i] = element.doubleValue();
            } else {
                problems.add(JsonDocument.element(path, i), "expected a number, found " + describe(element));
                valid = false;
            }
        }
        return valid ? out : null;
    }

    private static double[][] matrix(Problems problems, JsonNode node, String path) {
        if (node.isEmpty()) {
            problems.add(path, "expected an array of equally long arrays of numbers, found an empty array");
            return null;
        }
        double[][] rows = new double[node.size()][];
        boolean valid = true;
        for (int r = 0; r < rows.length; r++) {
            String rowPath = JsonDocument.element(path, r);
            JsonNode row = node.get(r);
            if (!row.isArray()) {
                problems.add(rowPath, "expected row " + r + " of a matrix, an array of numbers, found " + describe(row));
                valid = false;
                continue;
            }
            rows[r] = numbers(problems, row, rowPath);
            if (rows[r] == null) {
                valid = false;
            } else if (rows[0] != null && rows[r].length != rows[0].length) {
                problems.add(rowPath, "row " + r + " has " + rows[r].length + " values but row 0 has "
                        + rows[0].length + "; every row of a matrix has the same length");
                valid = false;
            }
        }
        return valid ? rows : null;
    }

    private static String checkBounds(ParameterSpec spec, Object value) {
        if (value instanceof String s && !spec.choices().isEmpty() && !spec.choices().contains(s)) {
            return "'" + s + "' is not a valid value for " + spec.name() + "; valid: "
                    + String.join(", ", spec.choices()) + Suggestions.didYouMean(s, spec.choices());
        }
        if (value instanceof Number n) {
            double v = n.doubleValue();
            Double min = spec.minimum();
            Double max = spec.maximum();
            boolean below = min != null && (spec.minimumExclusive() ? v <= min : v < min);
            boolean above = max != null && v > max;
            if (below || above) {
                return spec.name() + " must be " + spec.boundsText() + ", found " + (value instanceof Integer ? value.toString() : Double.toString(v));
            }
        }
        return null;
    }
}
