package org.djx.engine.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.plugin.PluginKind;

/**
 * The shape of one value of an experiment file, as a task declares it: the reader binds the file against
 * it, and the schema and {@code djx describe} print it, so each is written once.
 */
public sealed interface Form {
    /**
     * An object of parameters and nested values.
     *
     * @param keys   its parameters
     * @param nested its values that are not parameters (plugins, objects, lists)
     */
    record Parameters(List<ParameterSpec> keys, List<Section> nested) implements Form {
        public Parameters {
            keys = List.copyOf(keys);
            nested = List.copyOf(nested);
        }
    }

    /** A plugin object, {@code {"type": NAME, ...its configuration}}. */
    record Plugin(PluginKind kind) implements Form {
        public Plugin {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** A non-empty array of plugin objects of one kind. */
    record Plugins(PluginKind kind) implements Form {
        public Plugins {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** A non-empty array of plugin names of one kind, such as {@code ["tanh", "relu"]}. */
    record PluginNames(PluginKind kind) implements Form {
        public PluginNames {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * An array of objects {@code {"type": T, ...}}, each type with its own parameters (preprocessing
     * steps).
     *
     * @param noun  what one step is called in messages, such as {@code preprocessing step}
     * @param types the parameters of each type, in the order they are listed
     */
    record Steps(String noun, Map<String, List<ParameterSpec>> types) implements Form {
        public Steps {
            Objects.requireNonNull(noun, "noun");
            Map<String, List<ParameterSpec>> copy = new LinkedHashMap<>();
            types.forEach((type, keys) -> copy.put(type, List.copyOf(keys)));
            types = java.util.Collections.unmodifiableMap(copy);
        }
    }

    /** The {@code model} section: inputs, dtype, an initializer and the layers. */
    record Model() implements Form {
    }

    /** Returns an object of these parameters and nested values. */
    static Form parameters(List<ParameterSpec> keys, Section... nested) {
        return new Parameters(keys, List.of(nested));
    }
}
