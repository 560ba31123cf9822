package org.djx.api.data;

import java.util.Arrays;
import java.util.Objects;
import org.djx.api.Stability;

/**
 * A column of text (categories); a missing value is stored as null.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public final class TextColumn implements Column {
    private final String name;
    private final String[] values;

    /** Creates a column holding a copy of {@code values}; null marks a missing value. */
    public TextColumn(String name, String[] values) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = values.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return values[row] == null;
    }

    /** Returns the value of {@code row}, null when missing. */
    public String get(int row) {
        return values[row];
    }

    @Override
    public String toString() {
        return name + " (text, " + values.length + " rows) " + Arrays.toString(Arrays.copyOf(values, Math.min(5, values.length)));
    }
}
