package org.djx.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.djx.api.ConfigurationException;
import org.djx.api.spi.Config;
import org.djx.api.spi.ConfigValues;
import org.djx.api.spi.Plugin;

/**
 * A plugin configuration built from a plain {@link Map} in a test, checked against the plugin's
 * {@link Plugin#configuration()} by the same api code that checks experiment files
 * ({@link ConfigValues#bind}), so a test sees the engine's rules and messages.
 *
 * <p>Declared defaults are filled in. Undeclared keys, missing required keys, values of the wrong
 * type, numbers outside the declared bounds and strings outside the declared choices are all
 * reported together in one {@link ConfigurationException} that names the plugin. Values take the
 * plain form of JSON values ({@link org.djx.api.spi.ParameterSpec#decode}), with these Java
 * conveniences:
 * <ul>
 *   <li>{@link Short} and {@link Byte} count as integers, {@link Float} as a number;</li>
 *   <li>{@code NUMBER_LIST}: a {@code double[]}, {@code int[]} or {@code List} of numbers;</li>
 *   <li>{@code NUMBER_MATRIX}: a {@code double[][]} or {@code List} of rows, each a {@code double[]},
 *       {@code int[]} or {@code List} of numbers.</li>
 * </ul>
 * As in JSON, a whole number is a valid number ({@code 5} for {@code 5.0}), but nothing is coerced
 * beyond that: {@code "10"} is not 10, {@code 2.0} is not an integer, and NaN is no number.
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
    private final ConfigValues values;

    private PluginConfig(String pluginName, ConfigValues values) {
        this.pluginName = pluginName;
        this.values = values;
    }

    /**
     * Returns the configuration of {@code plugin} with the given values and the declared defaults.
     *
     * @param values the keys a test sets, never null; an empty map means "all defaults"
     * @throws ConfigurationException listing every undeclared key, missing required key and invalid value
     * @throws IllegalArgumentException if the plugin declares a key twice
     */
    public static PluginConfig of(Plugin plugin, Map<String, ?> values) {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(values, "values");
        Map<String, Object> plain = new LinkedHashMap<>();
        values.forEach((key, value) -> plain.put(key, plain(value)));
        ConfigValues bound = ConfigValues.bind(plugin.configuration(), plain, List.of(), "plugin '" + plugin.name() + "'");
        if (!bound.isValid()) {
            List<String> problems = new ArrayList<>();
            bound.problems().forEach(p -> problems.add(p.toString()));
            throw new ConfigurationException("invalid configuration of plugin '" + plugin.name() + "': "
                    + String.join("; ", problems));
        }
        return new PluginConfig(plugin.name(), bound);
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
        return values.has(key);
    }

    @Override
    public int integer(String key) {
        return values.integer(key);
    }

    @Override
    public double number(String key) {
        return values.number(key);
    }

    @Override
    public boolean bool(String key) {
        return values.bool(key);
    }

    @Override
    public String string(String key) {
        return values.string(key);
    }

    @Override
    public double[] numbers(String key) {
        return values.numbers(key);
    }

    @Override
    public double[][] matrix(String key) {
        return values.matrix(key);
    }

    @Override
    public Map<String, String> stringMap(String key) {
        return values.stringMap(key);
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
        return values.toString();
    }

    /** Returns a test's Java value in the plain form of a JSON value: arrays as lists, small numbers widened. */
    private static Object plain(Object value) {
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof double[] d) {
            return Arrays.stream(d).boxed().collect(Collectors.toList());
        }
        if (value instanceof int[] i) {
            return Arrays.stream(i).boxed().collect(Collectors.toList());
        }
        if (value instanceof Object[] rows) {
            return Arrays.stream(rows).map(PluginConfig::plain).collect(Collectors.toList());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PluginConfig::plain).collect(Collectors.toList());
        }
        return value;
    }
}
