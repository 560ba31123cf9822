package org.djx.engine.experiment;

import java.util.List;
import java.util.Map;
import org.djx.api.ConfigurationException;
import org.djx.api.spi.Config;
import org.djx.api.spi.ParameterSpec;
import org.djx.api.spi.ParameterType;
import org.djx.engine.json.InvalidDocumentException;
import org.djx.engine.json.JsonDocument;

/**
 * A configuration whose values have been checked against their declarations; defaults are filled in.
 * Values are immutable: arrays are copied out on every read.
 */
final class BoundConfig implements Config {
    private final JsonDocument document;
    private final String path;
    private final Map<String, ParameterSpec> specs;
    private final Map<String, Object> values;

    BoundConfig(JsonDocument document, String path, Map<String, ParameterSpec> specs, Map<String, Object> values) {
        this.document = document;
        this.path = path;
        this.specs = Map.copyOf(specs);
        this.values = Map.copyOf(values);
    }

    /** Returns the JSON path of the object this configuration was read from. */
    String path() {
        return path;
    }

    /** Returns the values, defaults included, keyed by parameter name (arrays are live; do not modify). */
    Map<String, Object> values() {
        return values;
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
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    @Override
    public ConfigurationException error(String key, String message) {
        return new InvalidDocumentException(List.of(document.problem(JsonDocument.child(path, key), message)));
    }

    private Object get(String key, ParameterType type) {
        ParameterSpec spec = spec(key);
        if (spec.type() != type) {
            throw new IllegalArgumentException("'" + key + "' is declared as " + spec.type().description()
                    + ", not " + type.description());
        }
        Object value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' has no value and no default; check has() first");
        }
        return value;
    }

    private ParameterSpec spec(String key) {
        ParameterSpec spec = specs.get(key);
        if (spec == null) {
            throw new IllegalArgumentException("'" + key + "' is not a declared parameter; declared: " + specs.keySet());
        }
        return spec;
    }
}
