package org.djx.api.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Decodes plain values (what JSON values become) against a {@link ParameterSpec}, strictly: no value
 * changes type on the way, and every problem is collected with the place below the value it concerns.
 * The messages are those of djx's golden malformed-file tests; change them only on purpose.
 */
final class Decoding {
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private Decoding() {
    }

    /** Returns the value as Integer, Double, Boolean, String, double[] or double[][]; null after a problem. */
    static Object decode(ParameterSpec spec, Object raw, List<ConfigProblem> problems) {
        int before = problems.size();
        Object value = switch (spec.type()) {
            case INTEGER -> integer(raw);
            case NUMBER -> number(raw, "", problems);
            case BOOLEAN -> raw instanceof Boolean ? raw : null;
            case STRING -> raw instanceof String ? raw : null;
            case NUMBER_LIST -> raw instanceof List<?> list ? numbers(list, "", problems) : null;
            case NUMBER_MATRIX -> raw instanceof List<?> list ? matrix(list, problems) : null;
            case STRING_MAP -> raw instanceof Map<?, ?> map ? strings(spec, map, problems) : null;
        };
        if (value == null) {
            // Arrays and too large numbers report their own problems, at the offending element.
            if (problems.size() == before) {
                problems.add(problem("", "expected " + spec.expectation() + ", found " + describe(raw)));
            }
            return null;
        }
        String bad = checkRule(spec, value);
        if (bad != null) {
            problems.add(problem("", bad));
            return null;
        }
        return value;
    }

    /** Describes a plain value for messages: its kind and, for scalars, the value itself. */
    static String describe(Object raw) {
        if (raw == null) {
            return "null";
        }
        if (raw instanceof String t) {
            return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "\"";
        }
        if (isIntegral(raw)) {
            return "the integer " + raw + (integer(raw) == null ? ", which is out of range" : "");
        }
        if (raw instanceof Double d) {
            return Double.isFinite(d) ? "the number " + d : d.toString();
        }
        if (raw instanceof BigDecimal d) {
            return "the number " + d;
        }
        if (raw instanceof Boolean) {
            return raw.toString();
        }
        if (raw instanceof List<?>) {
            return "an array";
        }
        if (raw instanceof Map<?, ?>) {
            return "an object";
        }
        return "a value of type " + raw.getClass().getSimpleName();
    }

    /** Formats a decoded value for listings: strings quoted, arrays with their elements. */
    static String format(Object value) {
        if (value instanceof double[] d) {
            return Arrays.toString(d);
        }
        if (value instanceof Object[] o) {
            return Arrays.deepToString(o);
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(value);
    }

    private static boolean isIntegral(Object raw) {
        return raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger;
    }

    /** Returns an integral value within int range as Integer, anything else as null. */
    private static Integer integer(Object raw) {
        if (raw instanceof Integer i) {
            return i;
        }
        if (raw instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        if (raw instanceof BigInteger b && b.compareTo(INT_MIN) >= 0 && b.compareTo(INT_MAX) <= 0) {
            return b.intValue();
        }
        return null;
    }

    /** Returns any plain number as a finite Double; null for anything else, with a problem if it overflows. */
    private static Double number(Object raw, String at, List<ConfigProblem> problems) {
        double v;
        if (raw instanceof Double d) {
            v = d;
        } else if (isIntegral(raw) || raw instanceof BigDecimal) {
            v = ((Number) raw).doubleValue();
            if (!Double.isFinite(v)) {
                problems.add(problem(at, "the number " + raw + " is too large for a double (about 1.8e308 at most)"));
                return null;
            }
        } else {
            return null;
        }
        return Double.isFinite(v) ? v : null;
    }

    /** Reads a non-empty array of numbers, reporting an empty array or each element that is not a number. */
    private static double[] numbers(List<?> list, String at, List<ConfigProblem> problems) {
        if (list.isEmpty()) {
            problems.add(problem(at, "expected a non-empty array of numbers, found an empty array"));
            return null;
        }
        double[] out = new double[list.size()];
        boolean valid = true;
        for (int i = 0; i < out.length; i++) {
            String elementAt = at + "[" + i + "]";
            int before = problems.size();
            Double v = number(list.get(i), elementAt, problems);
            if (v != null) {
                out[i] = v;
                continue;
            }
            if (problems.size() == before) {
                problems.add(problem(elementAt, "expected a number, found " + describe(list.get(i))));
            }
            valid = false;
        }
        return valid ? out : null;
    }

    private static double[][] matrix(List<?> list, List<ConfigProblem> problems) {
        if (list.isEmpty()) {
            problems.add(problem("", "expected an array of equally long arrays of numbers, found an empty array"));
            return null;
        }
        double[][] rows = new double[list.size()][];
        boolean valid = true;
        for (int r = 0; r < rows.length; r++) {
            String rowAt = "[" + r + "]";
            if (!(list.get(r) instanceof List<?> row)) {
                problems.add(problem(rowAt, "expected row " + r + " of a matrix, an array of numbers, found "
                        + describe(list.get(r))));
                valid = false;
                continue;
            }
            rows[r] = numbers(row, rowAt, problems);
            if (rows[r] == null) {
                valid = false;
            } else if (rows[0] != null && rows[r].length != rows[0].length) {
                problems.add(problem(rowAt, "row " + r + " has " + rows[r].length + " values but row 0 has "
                        + rows[0].length + "; every row of a matrix has the same length"));
                valid = false;
            }
        }
        return valid ? rows : null;
    }

    /** Reads an object of strings in file order, reporting each value that is not a string or not a choice. */
    private static Map<String, String> strings(ParameterSpec spec, Map<?, ?> map, List<ConfigProblem> problems) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        boolean valid = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String at = "." + e.getKey();
            if (!(e.getValue() instanceof String s)) {
                problems.add(problem(at, "expected " + (spec.choices().isEmpty() ? "a string" : "one of: "
                        + String.join(", ", spec.choices())) + ", found " + describe(e.getValue())));
                valid = false;
            } else if (!spec.choices().isEmpty() && !spec.choices().contains(s)) {
                problems.add(problem(at, "'" + s + "' is not a valid value for " + spec.name() + "." + e.getKey() + "; valid: "
                        + String.join(", ", spec.choices()) + Suggestions.didYouMean(s, spec.choices())));
                valid = false;
            } else {
                out.put(String.valueOf(e.getKey()), s);
            }
        }
        return valid ? java.util.Collections.unmodifiableMap(out) : null;
    }

    /** Returns what is wrong with a value of the right type (a bound or a choice), or null. */
    private static String checkRule(ParameterSpec spec, Object value) {
        if (value instanceof String s && !spec.choices().isEmpty() && !spec.choices().contains(s)) {
            return "'" + s + "' is not a valid value for " + spec.name() + "; valid: "
                    + String.join(", ", spec.choices()) + Suggestions.didYouMean(s, spec.choices());
        }
        if (value instanceof Number n) {
            double v = n.doubleValue();
            Double min = spec.minimum();
            Double max = spec.maximum();
            boolean below = min != null && (spec.minimumExclusive() ? v <= min : v < min);
            boolean above = max != null && (spec.maximumExclusive() ? v >= max : v > max);
            if (below || above) {
                return spec.name() + " must be " + spec.boundsText() + ", found " + value;
            }
        }
        return null;
    }

    private static ConfigProblem problem(String at, String message) {
        return ConfigProblem.of(null, at, message);
    }
}
