package org.djx.engine.tabular;

import org.djx.api.data.Column;
import org.djx.api.data.NumericColumn;
import org.djx.api.data.TextColumn;

/** A column being transformed: numbers (NaN = missing) or text (null = missing) over all rows. */
final class Work {
    final String name;
    final double[] numbers;
    final String[] text;

    Work(String name, double[] numbers, String[] text) {
        this.name = name;
        this.numbers = numbers;
        this.text = text;
    }

    /** Says how the column was read, as in {@code column MSZoning: categorical, 5 values, 4 missing}. */
    String describe() {
        int missing = 0;
        java.util.Set<String> values = new java.util.HashSet<>();
        int n = numbers != null ? numbers.length : text.length;
        for (int r = 0; r < n; r++) {
            if (numbers != null ? Double.isNaN(numbers[r]) : text[r] == null) {
                missing++;
            } else if (text != null) {
                values.add(text[r]);
            }
        }
        return "column " + name + ": " + (numbers != null ? "numeric" : "categorical, " + values.size() + " values")
                + (missing > 0 ? ", " + missing + " missing" : "");
    }

    /**
     * Returns the column of the training rows followed by the test rows (if any): numbers when both are numbers,
     * else text, as pandas reads a column with any non-number in it.
     */
    static Work of(Column train, Column test, int nAll) {
        if (train instanceof NumericColumn a && (test == null || test instanceof NumericColumn)) {
            double[] v = new double[nAll];
            for (int r = 0; r < a.size(); r++) {
                v[r] = a.get(r);
            }
            if (test != null) {
                NumericColumn b = (NumericColumn) test;
                for (int r = 0; r < b.size(); r++) {
                    v[a.size() + r] = b.get(r);
                }
            }
            return new Work(train.name(), v, null);
        }
        String[] v = new String[nAll];
        copyText(train, v, 0);
        if (test != null) {
            copyText(test, v, train.size());
        }
        return new Work(train.name(), null, v);
    }

    private static void copyText(Column c, String[] into, int offset) {
        for (int r = 0; r < c.size(); r++) {
            if (c instanceof TextColumn t) {
                into[offset + r] = t.get(r);
            } else {
                double v = ((NumericColumn) c).get(r);
                into[offset + r] = Double.isNaN(v) ? null : Double.toString(v);
            }
        }
    }
}
