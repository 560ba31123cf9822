package org.djx.api.spi;

import org.djx.api.Stability;

/**
 * The JSON shape a plugin parameter takes in an experiment file. Types are added as experiment files need them
 * ({@link #STRING_MAP} in 0.2): a switch over this enum needs a default branch.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public enum ParameterType {
    /** A whole number, written without a fraction or exponent: {@code 64}. */
    INTEGER("integer"),
    /** A finite number: {@code 0.01}, {@code 5}, {@code 1e-3}. */
    NUMBER("number"),
    /** {@code true} or {@code false}. */
    BOOLEAN("boolean"),
    /** A string; with choices, one of them. */
    STRING("string"),
    /** An array of finite numbers: {@code [0.1, 0.2]}. */
    NUMBER_LIST("array of numbers"),
    /** An array of equally long arrays of finite numbers: {@code [[0.1, 0.3], [0.2, 0.4]]}. */
    NUMBER_MATRIX("array of arrays of numbers"),
    /**
     * An object whose values are strings, such as {@code {"Street": "categorical", "Id": "ignore"}}; with
     * choices, every value is one of them.
     *
     * @since 0.2
     */
    STRING_MAP("object of strings");

    private final String description;

    ParameterType(String description) {
        this.description = description;
    }

    /** Returns how error messages and {@code djx describe} call this type. */
    public String description() {
        return description;
    }
}
