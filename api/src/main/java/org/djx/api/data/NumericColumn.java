package org.djx.api.data;

import java.util.Arrays;
import java.util.Objects;
import org.djx.api.Stability;

/**
 * A column of numbers; a missing value is stored as NaN.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public final class NumericColumn implements Column {
    private final String name;
    private final double[] values;

    /** Creates a column holding a copy of {@code values}; NaN marks a missing value. */
    public NumericColumn(String name, double[] values) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = values.clone();
        for (int i = 0; i < this.values.length; i++) {
            if (Double.isInfinite(this.values[i])) {
                throw new IllegalArgumentException("column '" + name + "' row " + i + " is infinite");
            }
        }
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
        return Double.isNaN(values[row]);
    }

    /** Returns the value of {@code row}, NaN when missing. */
    public double get(int row) {
        return values[row];
    }

    /** Returns a copy of the values. */
    public double[] toArray() {
        return values.clone();
    }

    @Override
    public String toString() {
        return name + " (numeric, " + values.length + " rows) " + Arrays.toString(Arrays.copyOf(values, Math.min(5, values.length)));
    }
}
