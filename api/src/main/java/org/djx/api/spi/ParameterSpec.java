package org.djx.api.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.djx.api.Stability;

/**
 * Declares one configuration key of a plugin (or of an engine section): its type, default, bounds and
 * allowed values, and decodes and checks values against them.
 *
 * <p>The engine checks every experiment against these declarations before anything runs, so a
 * plugin receives only values of the declared type within the declared bounds, and an undeclared key
 * is reported as an error. The engine and the test kit both check through {@link #decode} and
 * {@link ConfigValues#bind}, so a file and a test see the same rules and the same messages. Build one
 * with the static factories and refine it with the {@code with}-style methods:
 * <pre>{@code
 * ParameterSpec.number("lr", "learning rate").withDefault(0.1).greaterThan(0)
 * ParameterSpec.number("momentum", "decay of the velocity").withDefault(0.9).atLeast(0).lessThan(1)
 * }</pre>
 *
 * <p>A final class rather than a record since 0.2, so that it can grow without breaking callers;
 * the accessors kept their names.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public final class ParameterSpec {
    private final String name;
    private final ParameterType type;
    private final String description;
    private final Object defaultValue;
    private final boolean required;
    private final Double minimum;
    private final boolean minimumExclusive;
    private final Double maximum;
    private final boolean maximumExclusive;
    private final List<String> choices;

    private ParameterSpec(String name, ParameterType type, String description, Object defaultValue, boolean required,
            Double minimum, boolean minimumExclusive, Double maximum, boolean maximumExclusive, List<String> choices) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.description = Objects.requireNonNull(description, "description");
        this.defaultValue = defaultValue;
        this.required = required;
        this.minimum = minimum;
        this.minimumExclusive = minimumExclusive;
        this.maximum = maximum;
        this.maximumExclusive = maximumExclusive;
        this.choices = List.copyOf(choices);
        if (!Plugin.isValidName(name)) {
            throw new IllegalArgumentException("parameter name '" + name + "' is not kebab-case (" + Plugin.NAME_PATTERN + ")");
        }
        if (!this.choices.isEmpty() && type != ParameterType.STRING && type != ParameterType.STRING_MAP) {
            throw new IllegalArgumentException("only string and string-map parameters have choices: '" + name + "'");
        }
        checkBounds();
        if (defaultValue != null) {
            checkDefault();
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
        return new ParameterSpec(name, ParameterType.STRING, description, null, false, null, false, null, false,
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

    /**
     * Declares an optional object parameter whose values are strings, such as column names mapped to
     * their type; with choices, only those values are valid.
     *
     * @since 0.2
     */
    public static ParameterSpec stringMap(String name, String description, String... choices) {
        return new ParameterSpec(name, ParameterType.STRING_MAP, description, null, false, null, false, null, false,
                List.of(choices));
    }

    private static ParameterSpec of(String name, ParameterType type, String description) {
        return new ParameterSpec(name, type, description, null, false, null, false, null, false, List.of());
    }

    /**
     * Returns this declaration with a default value, used when the key is absent; no longer required.
     *
     * @param value an {@link Integer}, {@link Double} (a whole number is taken as a double for a number
     *              parameter), {@link Boolean} or {@link String}, within the bounds and choices
     * @throws IllegalArgumentException if the value does not fit the declaration
     */
    public ParameterSpec withDefault(Object value) {
        Object converted = type == ParameterType.NUMBER && value instanceof Integer i ? Double.valueOf(i) : value;
        return new ParameterSpec(name, type, description, converted, false, minimum, minimumExclusive, maximum,
                maximumExclusive, choices);
    }

    /** Returns this declaration marked as required, without a default. */
    public ParameterSpec asRequired() {
        return new ParameterSpec(name, type, description, null, true, minimum, minimumExclusive, maximum,
                maximumExclusive, choices);
    }

    /** Returns this declaration with an inclusive lower bound. */
    public ParameterSpec atLeast(double bound) {
        return new ParameterSpec(name, type, description, defaultValue, required, bound, false, maximum,
                maximumExclusive, choices);
    }

    /** Returns this declaration with an exclusive lower bound. */
    public ParameterSpec greaterThan(double bound) {
        return new ParameterSpec(name, type, description, defaultValue, required, bound, true, maximum,
                maximumExclusive, choices);
    }

    /** Returns this declaration with an inclusive upper bound. */
    public ParameterSpec atMost(double bound) {
        return new ParameterSpec(name, type, description, defaultValue, required, minimum, minimumExclusive, bound,
                false, choices);
    }

    /**
     * Returns this declaration with an exclusive upper bound, as {@code momentum in [0, 1)} needs.
     *
     * @since 0.2
     */
    public ParameterSpec lessThan(double bound) {
        return new ParameterSpec(name, type, description, defaultValue, required, minimum, minimumExclusive, bound,
                true, choices);
    }

    /** Returns the JSON key, kebab-case. */
    public String name() {
        return name;
    }

    /** Returns the JSON shape of the value. */
    public ParameterType type() {
        return type;
    }

    /** Returns one sentence for {@code djx describe} and the schema. */
    public String description() {
        return description;
    }

    /**
     * Returns the value used when the key is absent ({@link Integer}, {@link Double}, {@link Boolean} or
     * {@link String}), or null when there is none.
     */
    public Object defaultValue() {
        return defaultValue;
    }

    /** Returns whether the key must be present. */
    public boolean required() {
        return required;
    }

    /** Returns the lower bound of a number, or null. */
    public Double minimum() {
        return minimum;
    }

    /** Returns whether the lower bound itself is excluded. */
    public boolean minimumExclusive() {
        return minimumExclusive;
    }

    /** Returns the upper bound of a number, or null. */
    public Double maximum() {
        return maximum;
    }

    /**
     * Returns whether the upper bound itself is excluded.
     *
     * @since 0.2
     */
    public boolean maximumExclusive() {
        return maximumExclusive;
    }

    /** Returns the allowed values of a string; empty when any string is allowed. */
    public List<String> choices() {
        return choices;
    }

    /**
     * Returns the bounds as text, such as {@code > 0}, {@code < 1}, {@code in [0, 1]} or
     * {@code in [0, 1)}, or an empty string.
     */
    public String boundsText() {
        if (minimum == null && maximum == null) {
            return "";
        }
        if (maximum == null) {
            return (minimumExclusive ? "> " : ">= ") + format(minimum);
        }
        if (minimum == null) {
            return (maximumExclusive ? "< " : "<= ") + format(maximum);
        }
        return "in " + (minimumExclusive ? "(" : "[") + format(minimum) + ", " + format(maximum)
                + (maximumExclusive ? ")" : "]");
    }

    /**
     * Describes what this parameter takes, as messages say it: {@code a number > 0},
     * {@code an integer >= 1}, {@code one of: fan-in, fan-out}, {@code true or false}.
     *
     * @since 0.2
     */
    public String expectation() {
        String kind = switch (type) {
            case INTEGER -> "an integer";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case STRING -> choices.isEmpty() ? "a string" : "one of: " + String.join(", ", choices);
            case NUMBER_LIST -> "an array of numbers";
            case NUMBER_MATRIX -> "an array of equally long arrays of numbers";
            case STRING_MAP -> choices.isEmpty() ? "an object of strings"
                    : "an object whose values are one of: " + String.join(", ", choices);
        };
        String bounds = boundsText();
        return bounds.isEmpty() ? kind : kind + " " + bounds;
    }

    /**
     * Decodes a value in plain Java form, as a JSON value reads, and checks it against this
     * declaration, without any coercion: {@code "10"} is not 10, {@code 10.5} is not an integer.
     *
     * <p>The plain form: {@code null}; {@link Boolean}; {@link String}; {@link Integer}, {@link Long} or
     * {@link java.math.BigInteger} for a number written without fraction or exponent; {@link Double} or
     * {@link java.math.BigDecimal} for any other number; a {@link List} for an array; a {@link java.util.Map}
     * with {@link String} keys for an object. The decoded value is an {@link Integer}, {@link Double},
     * {@link Boolean}, {@link String}, {@code double[]} or {@code double[][]}, as {@link Config} returns
     * them.
     *
     * @param raw the value, or null for JSON's {@code null}
     * @return the decoded value, or every problem found, each placed below the value (such as
     *         {@code [1][2]} for an element of a matrix) and without a key
     * @since 0.2
     */
    public Decoded decode(Object raw) {
        List<ConfigProblem> problems = new ArrayList<>();
        Object value = Decoding.decode(this, raw, problems);
        return value == null ? Decoded.invalid(problems) : Decoded.valid(value);
    }

    /**
     * Describes a value in plain form (see {@link #decode}) the way messages do:
     * {@code the string "10"}, {@code the integer 5}, {@code the number 0.5}, {@code true}, {@code null},
     * {@code an array}, {@code an object}.
     *
     * @since 0.2
     */
    public static String describe(Object raw) {
        return Decoding.describe(raw);
    }

    /** Compares every part of the declaration. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSpec s && name.equals(s.name) && type == s.type
                && description.equals(s.description) && Objects.equals(defaultValue, s.defaultValue)
                && required == s.required && Objects.equals(minimum, s.minimum)
                && minimumExclusive == s.minimumExclusive && Objects.equals(maximum, s.maximum)
                && maximumExclusive == s.maximumExclusive && choices.equals(s.choices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, description, defaultValue, required, minimum, minimumExclusive, maximum,
                maximumExclusive, choices);
    }

    /** Returns the declaration as in {@code ParameterSpec[lr: a number > 0, default 0.1]}. */
    @Override
    public String toString() {
        return "ParameterSpec[" + name + ": " + expectation()
                + (required ? ", required" : defaultValue == null ? "" : ", default " + Decoding.format(defaultValue))
                + "]";
    }

    private void checkBounds() {
        if (minimum == null && maximum == null) {
            return;
        }
        if (type != ParameterType.INTEGER && type != ParameterType.NUMBER) {
            throw new IllegalArgumentException("only integer and number parameters have bounds: '" + name + "'");
        }
        if ((minimum != null && !Double.isFinite(minimum)) || (maximum != null && !Double.isFinite(maximum))) {
            throw new IllegalArgumentException("the bounds of '" + name + "' must be finite");
        }
        if (minimum != null && maximum != null
                && (minimum > maximum || (minimum.equals(maximum) && (minimumExclusive || maximumExclusive)))) {
            throw new IllegalArgumentException("the bounds of '" + name + "' leave no value: " + boundsText());
        }
    }

    // A default is checked like a value from a file, so a plugin cannot ship one that a file could not set.
    private void checkDefault() {
        boolean fitsType = switch (type) {
            case INTEGER -> defaultValue instanceof Integer;
            case NUMBER -> defaultValue instanceof Double;
            case BOOLEAN -> defaultValue instanceof Boolean;
            case STRING -> defaultValue instanceof String;
            case NUMBER_LIST, NUMBER_MATRIX, STRING_MAP -> false;
        };
        if (!fitsType) {
            throw new IllegalArgumentException("default " + Decoding.format(defaultValue) + " of '" + name
                    + "' is not of type " + type.description());
        }
        Decoded decoded = decode(defaultValue);
        if (!decoded.isValid()) {
            throw new IllegalArgumentException("default " + Decoding.format(defaultValue) + " of '" + name
                    + "' breaks its own rule: " + decoded.problems().get(0).message());
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
