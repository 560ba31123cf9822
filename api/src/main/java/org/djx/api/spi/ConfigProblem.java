package org.djx.api.spi;

import org.djx.api.Stability;
import java.util.Objects;

/**
 * One thing wrong with a configuration, placed relative to the object that was checked: the key, and
 * below the key's value the element concerned. The engine turns the place into a file, line:column and
 * JSON path; the test kit quotes it.
 *
 * @since 0.2
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class ConfigProblem {
    private final String key;
    private final String element;
    private final String message;

    private ConfigProblem(String key, String element, String message) {
        this.key = key;
        this.element = Objects.requireNonNull(element, "element");
        this.message = Objects.requireNonNull(message, "message");
    }

    /**
     * Returns a problem.
     *
     * @param key     the key whose value is wrong, or null when the problem concerns the object (or
     *                value) itself, such as a missing key
     * @param element the place below the value, such as {@code [1][2]} for an element of a matrix;
     *                empty for the value itself
     * @param message what is wrong and what is valid
     */
    public static ConfigProblem of(String key, String element, String message) {
        return new ConfigProblem(key, element, message);
    }

    /** Returns the key whose value is wrong, or null when the problem concerns the object itself. */
    public String key() {
        return key;
    }

    /** Returns the place below the key's value, such as {@code [1][2]}; empty for the value itself. */
    public String element() {
        return element;
    }

    /** Returns what is wrong and what is valid. */
    public String message() {
        return message;
    }

    /** Returns this problem with {@code key} as its key, for a value decoded on its own and then bound. */
    ConfigProblem at(String key) {
        return new ConfigProblem(key, element, message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigProblem p && Objects.equals(key, p.key) && element.equals(p.element)
                && message.equals(p.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, element, message);
    }

    /** Returns the problem as in {@code weights[1][0]: expected a number, found null}. */
    @Override
    public String toString() {
        String where = (key == null ? "" : key) + element;
        return where.isEmpty() ? message : where + ": " + message;
    }
}
