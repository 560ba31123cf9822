package org.djx.api.spi;

import org.djx.api.Stability;
import java.util.List;

/**
 * What {@link ParameterSpec#decode} returns: either the decoded value or every problem of the raw
 * value, never both.
 *
 * @since 0.2
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class Decoded {
    private final Object value;
    private final List<ConfigProblem> problems;

    private Decoded(Object value, List<ConfigProblem> problems) {
        this.value = value;
        this.problems = List.copyOf(problems);
    }

    static Decoded valid(Object value) {
        return new Decoded(value, List.of());
    }

    static Decoded invalid(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid value has at least one problem");
        }
        return new Decoded(null, problems);
    }

    /** Returns whether the raw value was valid. */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /**
     * Returns the decoded value: an {@link Integer}, {@link Double}, {@link Boolean}, {@link String},
     * {@code double[]} (a copy) or {@code double[][]} (a copy).
     *
     * @throws IllegalStateException if the raw value was invalid
     */
    public Object value() {
        if (!isValid()) {
            throw new IllegalStateException("the value is invalid: " + problems);
        }
        return ConfigValues.copy(value);
    }

    /** Returns every problem of the raw value, without a key; empty when it was valid. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    @Override
    public String toString() {
        return isValid() ? "Decoded[" + Decoding.format(value) + "]" : "Decoded" + problems;
    }
}
