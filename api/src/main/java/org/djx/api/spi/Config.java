package org.djx.api.spi;

import org.djx.api.ConfigurationException;
import org.djx.api.Stability;

/**
 * The configuration of one plugin instance, already checked against the plugin's
 * {@link Plugin#configuration()} (see {@link ConfigValues}, the implementation the engine and the test
 * kit hand to plugins).
 *
 * <p>Every declared key with a default can be read whether or not the file set it; a declared key
 * without a default can be read once {@link #has(String)} says it is present. Reading an undeclared
 * key, or a key as the wrong type, is a programming error in the plugin and throws
 * {@link IllegalArgumentException}.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public interface Config {
    /** Returns whether the key has a value, from the file or from its default. */
    boolean has(String key);

    int integer(String key);

    double number(String key);

    boolean bool(String key);

    String string(String key);

    /** Returns a copy of an array-of-numbers value. */
    double[] numbers(String key);

    /** Returns a copy of a matrix value as rows. */
    double[][] matrix(String key);

    /**
     * Returns the value of a {@link ParameterSpec#stringMap string-map} parameter, keys in file order,
     * unmodifiable. Like every read, a key that is absent and has no default throws
     * {@link IllegalArgumentException}; check {@link #has(String)} first. The default throws that too, for
     * implementations written before 0.2.
     *
     * @since 0.2
     */
    @Stability(Stability.Status.EXPERIMENTAL)
    default java.util.Map<String, String> stringMap(String key) {
        throw new IllegalArgumentException("this configuration cannot read the object of strings '" + key + "'");
    }

    /**
     * Returns an exception that places {@code message} at {@code key} of this configuration (file,
     * line:column, JSON path), for a plugin to throw when values are valid one by one but not together.
     */
    ConfigurationException error(String key, String message);
}
