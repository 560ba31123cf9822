package org.djx.api.spi;

import org.djx.api.Stability;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.djx.api.ConfigurationException;

/**
 * A configuration object bound to its declarations: every value decoded and checked, defaults filled
 * in, and every problem collected rather than the first thrown. The engine binds each plugin entry of
 * an experiment file this way and the test kit binds a test's map the same way, so both apply the same
 * rules with the same messages and add only where a problem is (file, line:column, JSON path; or the
 * plugin's name).
 *
 * <p>It is a {@link Config}: reading an undeclared key, a key as the wrong type, or a key without a
 * value is a programming error and throws {@link IllegalArgumentException}; arrays are copied on every
 * read. A configuration with problems holds the values that were valid and the defaults of the keys
 * that were absent, so a caller that goes on reading must not read a key whose value was rejected.
 *
 * <pre>{@code
 * ConfigValues c = ConfigValues.bind(plugin.configuration(), Map.of("lr", 0.1), Plugin.RESERVED_KEYS, "optimizer 'sgd'");
 * if (!c.isValid()) { ... c.problems() ... }
 * }</pre>
 *
 * @since 0.2
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class ConfigValues implements Config {
    private final String owner;
    private final Map<String, ParameterSpec> specs;
    private final Map<String, Object> values;
    private final List<ConfigProblem> problems;
    private final BiFunction<String, String, ? extends ConfigurationException> errors;

    private ConfigValues(String owner, Map<String, ParameterSpec> specs, Map<String, Object> values,
            List<ConfigProblem> problems, BiFunction<String, String, ? extends ConfigurationException> errors) {
        this.owner = owner;
        this.specs = specs;
        this.values = values;
        this.problems = problems;
        this.errors = errors;
    }

    /**
     * Binds {@code raw} to {@code specs}: unknown keys (with the valid keys and the nearest one),
     * missing required keys, values of the wrong type, out of bounds or not among the choices each
     * become a problem.
     *
     * @param specs    the declarations, with unique names
     * @param raw      the object's keys and values in plain form (see {@link ParameterSpec#decode}), in
     *                 the order problems should be reported; null values stand for JSON's {@code null}
     * @param ownKeys  keys of the object that the caller reads itself, such as {@link Plugin#RESERVED_KEYS};
     *                 they are neither unknown nor bound
     * @param owner    what the object configures, for messages, such as {@code optimizer 'sgd'} or
     *                 {@code the training section}
     * @throws IllegalArgumentException if two specs share a name
     */
    public static ConfigValues bind(List<ParameterSpec> specs, Map<String, ?> raw, Collection<String> ownKeys,
            String owner) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(ownKeys, "ownKeys");
        Objects.requireNonNull(owner, "owner");
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            if (byName.put(s.name(), s) != null) {
                throw new IllegalArgumentException("the parameter '" + s.name() + "' of " + owner + " is declared twice");
            }
        }
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Object> decoded = new LinkedHashMap<>();
        for (Map.Entry<String, ?> field : raw.entrySet()) {
            String key = field.getKey();
            if (ownKeys.contains(key)) {
                continue;
            }
            ParameterSpec spec = byName.get(key);
            if (spec == null) {
                List<String> valid = new ArrayList<>(byName.keySet());
                valid.addAll(ownKeys);
                problems.add(ConfigProblem.of(key, "", "unknown key '" + key + "' for " + owner + "; valid keys: "
                        + (valid.isEmpty() ? "none" : String.join(", ", valid)) + Suggestions.didYouMean(key, valid)));
                continue;
            }
            Decoded value = spec.decode(field.getValue());
            if (value.isValid()) {
                decoded.put(key, value.value());
            } else {
                value.problems().forEach(p -> problems.add(p.at(key)));
            }
        }
        // Declaration order, so that listings read like the plugin's own declaration.
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            if (decoded.containsKey(spec.name())) {
                values.put(spec.name(), decoded.get(spec.name()));
            } else if (raw.containsKey(spec.name())) {
                continue;
            } else if (spec.required()) {
                problems.add(ConfigProblem.of(null, "", "missing required key '" + spec.name() + "' for " + owner + ": "
                        + spec.expectation() + " (" + spec.description() + ")"));
            } else if (spec.defaultValue() != null) {
                values.put(spec.name(), spec.defaultValue());
            }
        }
        return new ConfigValues(owner, Collections.unmodifiableMap(byName), Collections.unmodifiableMap(values),
                List.copyOf(problems), null);
    }

    /**
     * Returns these values with {@link #error} creating its exceptions through {@code errors}, which
     * receives the key and the message; the engine places them at a file, line:column and JSON path.
     */
    public ConfigValues placingErrors(BiFunction<String, String, ? extends ConfigurationException> errors) {
        return new ConfigValues(owner, specs, values, problems, Objects.requireNonNull(errors, "errors"));
    }

    /** Returns whether the object broke no rule. */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /** Returns every problem, unknown and bad keys in the object's order, then missing keys; empty when valid. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /**
     * Returns the valid values and the filled-in defaults, in declaration order, as {@link Integer},
     * {@link Double}, {@link Boolean}, {@link String}, {@code double[]} or {@code double[][]} (copies).
     */
    public Map<String, Object> values() {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, copy(v)));
        return Collections.unmodifiableMap(copy);
    }

    /** Returns what these values configure, as given to {@link #bind}. */
    public String owner() {
        return owner;
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
        return (double[]) copy(get(key, ParameterType.NUMBER_LIST));
    }

    @Override
    public double[][] matrix(String key) {
        return (double[][]) copy(get(key, ParameterType.NUMBER_MATRIX));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> stringMap(String key) {
        // Decoding made it unmodifiable.
        return (Map<String, String>) get(key, ParameterType.STRING_MAP);
    }

    /**
     * Returns the exception of {@link #placingErrors}, or else one whose message names the key and the
     * owner: {@code invalid value at 'lr' of optimizer 'sgd': ...}.
     */
    @Override
    public ConfigurationException error(String key, String message) {
        return errors != null ? errors.apply(key, message)
                : new ConfigurationException("invalid value at '" + key + "' of " + owner + ": " + message);
    }

    /** Returns every value, defaults included, in declaration order: {@code {outputs=3, mode="fast"}}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            sb.append(sb.length() > 1 ? ", " : "").append(e.getKey()).append('=').append(Decoding.format(e.getValue()));
        }
        return sb.append('}').toString();
    }

    private Object get(String key, ParameterType type) {
        ParameterSpec spec = spec(key);
        if (spec.type() != type) {
            throw new IllegalArgumentException("'" + key + "' of " + owner + " is declared as "
                    + spec.type().description() + ", not " + type.description());
        }
        Object value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' of " + owner + " has no value and no default; check has() first");
        }
        return value;
    }

    private ParameterSpec spec(String key) {
        ParameterSpec spec = specs.get(key);
        if (spec == null) {
            throw new IllegalArgumentException("'" + key + "' is not a declared parameter of " + owner + "; declared: "
                    + specs.keySet());
        }
        return spec;
    }

    /** Copies arrays (rows too), so that no caller shares a bound array; other values are immutable. */
    static Object copy(Object value) {
        if (value instanceof double[] d) {
            return d.clone();
        }
        if (value instanceof double[][] rows) {
            double[][] copy = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                copy[i] = rows[i].clone();
            }
            return copy;
        }
        return value;
    }
}
