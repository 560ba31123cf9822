package org.djx.api.spi;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.djx.api.Stability;

/**
 * Declares one configuration key of a plugin: its type, default, bounds and allowed values.
 *
 * <p>The engine checks every experiment against these declarations before anything runs, so a
 * plugin receives only values of the declared type within the declared bounds, and an undeclared key
 * is reported as an error. Build one with the static factories and refine it with the
 * {@code with}-style methods:
 * <pre>{@code
 * ParameterSpec.number("lr", "learning rate").withDefault(0.1).greaterThan(0)
 * }</pre>
 *
 * @param name          the JSON key, kebab-case
 * @param type          the JSON shape of the value
 * @param description   one sentence for {@code djx describe} and the schema
 * @param defaultValue  the value used when the key is absent ({@link Integer}, {@link Double},
 *                      {@link Boolean} or {@link String}), or null when there is none
 * @param required      whether the key must be present
 * @param minimum       the lower bound of a number, or null
 * @param minimumExclusive whether the lower bound itself is excluded
 * @param maximum       the upper bound (inclusive) of a number, or null
 * @param choices       the allowed values of a string; empty when any string is allowed
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public record ParameterSpec(
        String name,
        ParameterType type,
        String description,
        Object defaultValue,
        boolean required,
        Double minimum,
        boolean minimumExclusive,
        Double maximum,
        List<String> choices) {

    private static final Pattern KEBAB_CASE = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
        if (!KEBAB_CASE.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name '" + name + "' is not kebab-case");
        }
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("parameter '" + name + "' is required and has a default");
        }
        if (defaultValue != null && !fitsType(type, defaultValue)) {
            throw new IllegalArgumentException("default " + defaultValue + " of '" + name + "' is not of type " + type.description());
        }
        if (!choices.isEmpty() && type != ParameterType.STRING) {
            throw new IllegalArgumentException("only string parameters have choices: '" + name + "'");
        }
    }

    /** Declares an optional whole-number parameter without a default. */
    public static ParameterSpec integer(String name, String description) {
        return of(name, ParameterType.INTEGER, description);
    }

    /** Declares an optional number parameter without a default. */
    public static ParameterSpec number(String name, String description) {
        return of(name, ParameterType.NUMBER, description);
    }

    /** Declares an optional boolean parameter without a default. */
    public static ParameterSpec bool(String name, String description) {
        return of(name, ParameterType.BOOLEAN, description);
    }

    /** Declares an optional string parameter; with choices, only those values are valid. */
    public static ParameterSpec string(String name, String description, String... choices) {
        return new ParameterSpec(name, ParameterType.STRING, description, null, false, null, false, null,
                List.of(choices));
    }

    /** Declares an optional array-of-numbers parameter. */
    public static ParameterSpec numbers(String name, String description) {
        return of(name, ParameterType.NUMBER_LIST, description);
    }

    /** Declares an optional matrix parameter (an array of equally long arrays of numbers). */
    public static ParameterSpec matrix(String name, String description) {
        return of(name, ParameterType.NUMBER_MATRIX, description);
    }

    private static ParameterSpec of(String name, ParameterType type, String description) {
        return new ParameterSpec(name, type, description, null, false, null, false, null, List.of());
    }

    /** Returns this declaration with a default value, used when the key is absent. */
    public ParameterSpec withDefault(Object value) {
        Object converted = type == ParameterType.NUMBER && value instanceof Integer i ? Double.valueOf(i) : value;
        return new ParameterSpec(name, type, description, converted, false, minimum, minimumExclusive, maximum, choices);
    }

    /** Returns this declaration marked as required. */
    public ParameterSpec asRequired() {
        return new ParameterSpec(name, type, description, null, true, minimum, minimumExclusive, maximum, choices);
    }

    /** Returns this declaration with an inclusive lower bound. */
    public ParameterSpec atLeast(double bound) {
        return new ParameterSpec(name, type, description, defaultValue, required, bound, false, maximum, choices);
    }

    /** Returns this declaration with an exclusive lower bound. */
    public ParameterSpec greaterThan(double bound) {
        return new ParameterSpec(name, type, description, defaultValue, required, bound, true, maximum, choices);
    }

    /** Returns this declaration with an inclusive upper bound. */
    public ParameterSpec atMost(double bound) {
        return new ParameterSpec(name, type, description, defaultValue, required, minimum, minimumExclusive, bound, choices);
    }

    /** Returns the bounds as text, such as {@code > 0} or {@code in [0, 1]}, or an empty string. */
    public String boundsText() {
        if (minimum == null && maximum == null) {
            return "";
        }
        if (maximum == null) {
            return (minimumExclusive ? "> " : ">= ") + format(minimum);
        }
        if (minimum == null) {
            return "<= " + format(maximum);
        }
        return "in " + (minimumExclusive ? "(" : "[") + format(minimum) + ", " + format(maximum) + "]";
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static boolean fitsType(ParameterType type, Object value) {
        return switch (type) {
            case INTEGER -> value instanceof Integer;
            case NUMBER -> value instanceof Double;
            case BOOLEAN -> value instanceof Boolean;
            case STRING -> value instanceof String;
            case NUMBER_LIST, NUMBER_MATRIX -> false;
        };
    }
}
