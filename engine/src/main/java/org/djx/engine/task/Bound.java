package org.djx.engine.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.djx.api.spi.Config;
import org.djx.engine.spec.ComponentSpec;
import org.djx.engine.spec.ModelSpec;

/**
 * A value of an experiment file bound to its {@link Form}: checked, defaults filled in, plugins found.
 * Which accessor answers depends on the form; asking another is a programming error.
 */
public final class Bound {
    private final String path;
    private final Config config;
    private final Map<String, Bound> nested;
    private final ComponentSpec component;
    private final List<ComponentSpec> components;
    private final List<String> names;
    private final List<Bound> steps;
    private final String type;
    private final ModelSpec model;

    private Bound(String path, Config config, Map<String, Bound> nested, ComponentSpec component, List<ComponentSpec> components,
            List<String> names, List<Bound> steps, String type, ModelSpec model) {
        this.path = Objects.requireNonNull(path, "path");
        this.config = config;
        this.nested = nested == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nested));
        this.component = component;
        this.components = components == null ? null : List.copyOf(components);
        this.names = names == null ? null : List.copyOf(names);
        this.steps = steps == null ? null : List.copyOf(steps);
        this.type = type;
        this.model = model;
    }

    /** An object of parameters (and, for a step, its type) with its nested values by name. */
    public static Bound parameters(String path, Config config, Map<String, Bound> nested, String type) {
        return new Bound(path, Objects.requireNonNull(config, "config"), nested, null, null, null, null, type, null);
    }

    public static Bound plugin(String path, ComponentSpec component) {
        return new Bound(path, null, null, Objects.requireNonNull(component, "component"), null, null, null, null, null);
    }

    public static Bound plugins(String path, List<ComponentSpec> components) {
        return new Bound(path, null, null, null, components, null, null, null, null);
    }

    public static Bound names(String path, List<String> names) {
        return new Bound(path, null, null, null, null, names, null, null, null);
    }

    public static Bound steps(String path, List<Bound> steps) {
        return new Bound(path, null, null, null, null, null, steps, null, null);
    }

    public static Bound model(String path, ModelSpec model) {
        return new Bound(path, null, null, null, null, null, null, null, Objects.requireNonNull(model, "model"));
    }

    /** Returns the JSON path of the value, such as {@code $.training}. */
    public String path() {
        return path;
    }

    /** Returns the parameters of an object. */
    public Config config() {
        return require(config, "parameters");
    }

    /** Returns the nested value {@code name} of an object. */
    public Bound get(String name) {
        Bound b = require(nested, "nested values").get(name);
        if (b == null) {
            throw new IllegalArgumentException("no nested value '" + name + "' at " + path);
        }
        return b;
    }

    /** Returns the type of a step, such as {@code one-hot}. */
    public String type() {
        return require(type, "a step type");
    }

    public ComponentSpec component() {
        return require(component, "a plugin");
    }

    public List<ComponentSpec> components() {
        return require(components, "plugins");
    }

    public List<String> names() {
        return require(names, "plugin names");
    }

    public List<Bound> steps() {
        return require(steps, "steps");
    }

    public ModelSpec model() {
        return require(model, "a model");
    }

    private <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalStateException("the value at " + path + " is not " + what);
        }
        return value;
    }
}
