package org.djx.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.djx.api.ConfigurationException;
import org.djx.api.spi.Config;
import org.djx.api.spi.ParameterSpec;
import org.djx.api.spi.ParameterType;
import org.djx.api.spi.Plugin;

/**
 * A plugin configuration built from a plain {@link Map} in a test, checked against the plugin's
 * {@link Plugin#parameters()} the way the engine checks an experiment file.
 *
 * <p>Declared defaults are filled in. Undeclared keys, missing required keys, values of the wrong
 * type, numbers outside the declared bounds and strings outside the declared choices are all
 * reported together in one {@link ConfigurationException}. Accepted Java values per
 * {@link ParameterType}:
 * <ul>
 *   <li>{@code INTEGER}: {@link Integer}, {@link Short}, {@link Byte}, or a {@link Long} within int range;</li>
 *   <li>{@code NUMBER}: any finite {@link Number} (as in JSON, {@code 5} is a valid number);</li>
 *   <li>{@code BOOLEAN}: {@link Boolean}; {@code STRING}: {@link String};</li>
 *   <li>{@code NUMBER_LIST}: a non-empty {@code double[]}, {@code int[]} or {@code List} of numbers;</li>
 *   <li>{@code NUMBER_MATRIX}: a non-empty {@code double[][]} or {@code List} of number lists, rows
 *       non-empty and equally long.</li>
 * </ul>
 *
 * <p>Reading behaves like the engine's configuration: reading an undeclared key, a key as the wrong
 * type, or a key without a value throws {@link IllegalArgumentException}; arrays are copied on every
 * read.
 *
 * <pre>{@code
 * Config config = PluginConfig.of(new LinearLayerFactory(), Map.of("outputs", 3));
 * }</pre>
 *
 * @since 0.1
 */
public final class PluginConfig implements Config {
    private final String pluginName;
    private final Map<String, ParameterSpec> specs;
    private final Map<String, Object> values;

    private PluginConfig(String pluginName, Map<String, ParameterSpec> specs, Map<String, Object> values) {
        this.pluginName = pluginName;
        this.specs = Collections.unmodifiableMap(specs);
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Returns the configuration of {@code plugin} with the given values and the declared defaults.
     *
     * @param values the keys a test sets, never null; an empty map means "all defaults"
     * @throws ConfigurationException listing every undeclared key, missing required key and invalid value
     */
    public static PluginConfig of(Plugin plugin, Map<String, ?> values) {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(values, "values");
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        for (ParameterSpec spec : plugin.parameters()) {
            if (specs.put(spec.name(), spec) != null) {
                throw new IllegalArgumentException(
                        "plugin '" + plugin.name() + "' declares the parameter '" + spec.name() + "' twice");
            }
        }
        List<String> problems = new ArrayList<>();
        for (String key : values.keySet()) {
            if (!specs.containsKey(key)) {
                problems.add("unknown key '" + key + "'; valid keys: "
                        + (specs.isEmpty() ? "none" : String.join(", ", specs.keySet())));
            }
        }
        Map<String, Object> bound = new LinkedHashMap<>();
        for (ParameterSpec spec : specs.values()) {
            if (values.containsKey(spec.name())) {
                Object raw = values.get(spec.name());
                Object value = convert(spec, raw);
                if (value == null) {
                    problems.add("'" + spec.name() + "' expects " + expectation(spec) + ", found " + describe(raw));
                    continue;
                }
                String outOfBounds = checkBounds(spec, value);
                if (outOfBounds != null) {
                    problems.add(outOfBounds);
                    continue;
                }
                bound.put(spec.name(), value);
            } else if (spec.required()) {
                problems.add("missing required key '" + spec.name() + "': " + expectation(spec)
                        + " (" + spec.description() + ")");
            } else if (spec.defaultValue() != null) {
                bound.put(spec.name(), spec.defaultValue());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("invalid configuration for '" + plugin.name() + "': "
                    + String.join("; ", problems));
        }
        return new PluginConfig(plugin.name(), specs, bound);
    }

    /**
     * Returns the configuration of {@code plugin} with every declared default and nothing else.
     *
     * @throws ConfigurationException if the plugin has a required key
     */
    public static PluginConfig defaults(Plugin plugin) {
        return of(plugin, Map.of());
    }

    @Override
    public boolean has(String key) {
        spec(key);
        return values.containsKey(key);
    }

    @Override
    public int integer(String key) {
        return (Integer) get(key, ParameterType.INTEGER);
    }

    @Override
    public double number(String key) {
        return (Double) get(key, ParameterType.NUMBER);
    }

    @Override
    public boolean bool(String key) {
        return (Boolean) get(key, ParameterType.BOOLEAN);
    }

    @Override
    public String string(String key) {
        return (String) get(key, ParameterType.STRING);
    }

    @Override
    public double[] numbers(String key) {
        return ((double[]) get(key, ParameterType.NUMBER_LIST)).clone();
    }

    @Override
    public double[][] matrix(String key) {
        double[][] rows = (double[][]) get(key, ParameterType.NUMBER_MATRIX);
        double[][] copy = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            copy[r] = rows[r].clone();
        }
        return copy;
    }

    /**
     * Returns an exception whose message names the plugin, this configuration and {@code key}, for a
     * plugin to throw when values are valid one by one but not together.
     */
    @Override
    public ConfigurationException error(String key, String message) {
        return new ConfigurationException("invalid value at '" + key + "' of '" + pluginName + "' " + this
                + ": " + message);
    }

    /**
     * Returns every value, defaults included, in declaration order, as in
     * {@code {outputs=3, bias=true}}; failure messages of the kit quote it.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(e.getKey()).append('=').append(format(e.getValue()));
        }
        return sb.append('}').toString();
    }

    private Object get(String key, ParameterType type) {
        ParameterSpec spec = spec(key);
        if (spec.type() != type) {
            throw new IllegalArgumentException("'" + key + "' of '" + pluginName + "' is declared as "
                    + spec.type().description() + ", not " + type.description());
        }
        Object value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' of '" + pluginName
                    + "' has no value and no default; check has() first");
        }
        return value;
    }

    private ParameterSpec spec(String key) {
        ParameterSpec spec = specs.get(key);
        if (spec == null) {
            throw new IllegalArgumentException("'" + key + "' is not a declared parameter of '" + pluginName
                    + "'; declared: " + specs.keySet());
        }
        return spec;
    }

    /** Returns the value in the engine's representation, or null if it is not of the declared type. */
    private static Object convert(ParameterSpec spec, Object raw) {
        return switch (spec.type()) {
            case INTEGER -> {
                if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
                    yield ((Number) raw).intValue();
                }
                if (raw instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                    yield l.intValue();
                }
                yield null;
            }
            case NUMBER -> raw instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
            case BOOLEAN -> raw instanceof Boolean ? raw : null;
            case STRING -> raw instanceof String ? raw : null;
            case NUMBER_LIST -> numbers(raw);
            case NUMBER_MATRIX -> matrix(raw);
        };
    }

    private static double[] numbers(Object raw) {
        double[] out;
        if (raw instanceof double[] d) {
            out = d.clone();
        } else if (raw instanceof int[] ints) {
            out = Arrays.stream(ints).asDoubleStream().toArray();
        } else if (raw instanceof List<?> list) {
            out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number n)) {
                    return null;
                }
                out[i] = n.doubleValue();
            }
        } else {
            return null;
        }
        if (out.length == 0) {
            return null;
        }
        for (double v : out) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return out;
    }

    private static double[][] matrix(Object raw) {
        List<?> rows;
        if (raw instanceof double[][] d) {
            rows = Arrays.asList(d);
        } else if (raw instanceof List<?> list) {
            rows = list;
        } else {
            return null;
        }
        if (rows.isEmpty()) {
            return null;
        }
        double[][] out = new double[rows.size()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = numbers(rows.get(r));
            if (out[r] == null || out[r].length != out[0].length) {
                return null;
            }
        }
        return out;
    }

    private static String checkBounds(ParameterSpec spec, Object value) {
        if (value instanceof String s && !spec.choices().isEmpty() && !spec.choices().contains(s)) {
            return "'" + spec.name() + "' must be one of: " + String.join(", ", spec.choices())
                    + ", found '" + s + "'";
        }
        if (value instanceof Number n) {
            double v = n.doubleValue();
            Double min = spec.minimum();
            Double max = spec.maximum();
            boolean below = min != null && (spec.minimumExclusive() ? v <= min : v < min);
            boolean above = max != null && v > max;
            if (below || above) {
                return "'" + spec.name() + "' must be " + spec.boundsText() + ", found " + value;
            }
        }
        return null;
    }

    private static String expectation(ParameterSpec spec) {
        String type = switch (spec.type()) {
            case INTEGER -> "an integer";
            case NUMBER -> "a finite number";
            case BOOLEAN -> "a boolean";
            case STRING -> spec.choices().isEmpty() ? "a string" : "one of: " + String.join(", ", spec.choices());
            case NUMBER_LIST -> "a non-empty array of finite numbers";
            case NUMBER_MATRIX -> "a non-empty array of equally long, non-empty arrays of finite numbers";
        };
        String bounds = spec.boundsText();
        return bounds.isEmpty() ? type : type + " " + bounds;
    }

    private static String describe(Object raw) {
        if (raw == null) {
            return "null";
        }
        return format(raw) + " (" + raw.getClass().getSimpleName() + ")";
    }

    private static String format(Object value) {
        if (value instanceof double[] d) {
            return Arrays.toString(d);
        }
        if (value instanceof int[] i) {
            return Arrays.toString(i);
        }
        if (value instanceof Object[] o) {
            return Arrays.deepToString(o);
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(value);
    }
}
