package org.djx.api.spi;

import java.util.List;
import java.util.regex.Pattern;
import org.djx.api.Stability;

/**
 * What every plugin has in common: the name an experiment file refers to it by, a description, and
 * the configuration keys it accepts.
 *
 * <p>Implementations are discovered with {@link java.util.ServiceLoader} through one of the
 * kind-specific interfaces ({@link LayerFactory}, {@link InitializerFactory}, {@link OptimizerFactory},
 * {@link LossFactory}, {@link DatasetSource}, {@link ScheduleFactory}). They must be public final classes with a public
 * no-argument constructor, and should be stateless: {@code create} is called once per use.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public interface Plugin {
    /**
     * The pattern plugin names and configuration keys follow, as experiment files spell them:
     * lowercase kebab-case, such as {@code leaky-relu}, {@code adam} or {@code weight-decay}.
     *
     * @since 0.2
     */
    String NAME_PATTERN = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";

    /**
     * The keys the engine reads itself from every plugin entry of an experiment file
     * (<code>{"type": "adam", ...}</code>), so that no plugin may declare them.
     *
     * @since 0.2
     */
    List<String> RESERVED_KEYS = List.of("type");

    /**
     * The keys the engine reads itself from every layer entry: besides {@code type}, the output's
     * {@code name} and the layer's {@code init}ializer.
     *
     * @since 0.2
     */
    List<String> RESERVED_LAYER_KEYS = List.of("type", "name", "init");

    /** Returns the kebab-case name, unique within the plugin's kind, such as {@code xavier-normal}. */
    String name();

    /** Returns one sentence saying what the plugin does. */
    String description();

    /**
     * Returns the configuration keys this plugin accepts; an empty list if none.
     *
     * <p>Named {@code configuration}, not {@code parameters}, so that a class can be a {@link Layer}
     * (whose {@link Layer#parameters()} are its trainable tensors) and a plugin at once.
     *
     * @since 0.2
     */
    default List<ParameterSpec> configuration() {
        return List.of();
    }

    /**
     * Returns whether {@code name} follows {@link #NAME_PATTERN}; false for null.
     *
     * @since 0.2
     */
    static boolean isValidName(String name) {
        return name != null && Pattern.matches(NAME_PATTERN, name);
    }

    /**
     * Returns the keys the engine reads itself from entries of plugins of {@code kind}, one of the
     * kind interfaces such as {@link LayerFactory}: {@link #RESERVED_LAYER_KEYS} for layers,
     * {@link #RESERVED_KEYS} for every other kind.
     *
     * @since 0.2
     */
    static List<String> reservedKeys(Class<? extends Plugin> kind) {
        return LayerFactory.class.isAssignableFrom(kind) ? RESERVED_LAYER_KEYS : RESERVED_KEYS;
    }
}
