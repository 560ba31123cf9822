package org.djx.plugins.csv;

import org.djx.api.data.NumericColumn;
import org.djx.api.data.TextColumn;

/** Builds the api's columns from a column of a {@link CsvFile}, and answers what its cells hold. */
final class TypedColumns {
    private TypedColumns() {
    }

    /** Returns whether every cell that is not missing is a decimal number (true for a column of missing cells). */
    static boolean allDecimal(CsvFile file, int column) {
        return firstText(file, column) < 0;
    }

    /** Returns the first row whose cell is neither missing nor a decimal number, or -1 when there is none. */
    static int firstText(CsvFile file, int column) {
        for (int r = 0; r < file.rows(); r++) {
            if (Cells.isText(file.cell(r, column))) {
                return r;
            }
        }
        return -1;
    }

    static boolean hasValue(CsvFile file, int column) {
        for (int r = 0; r < file.rows(); r++) {
            if (!Cells.isMissing(file.cell(r, column))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the column as numbers, a missing cell as NaN; every other cell must be a decimal number.
     *
     * @throws org.djx.api.DataException at the first number beyond the range of a double
     */
    static NumericColumn numeric(CsvFile file, int column) {
        double[] values = new double[file.rows()];
        for (int r = 0; r < values.length; r++) {
            String cell = file.cell(r, column);
            if (Cells.isMissing(cell)) {
                values[r] = Double.NaN;
                continue;
            }
            values[r] = Decimals.parse(cell);
            if (Double.isInfinite(values[r])) {
                throw file.place(r, column).problem(
                        "the number " + Place.quote(cell) + " is beyond the range of a double (about 1.8e308)",
                        "a finite number in this numeric column",
                        "Correct the value, or write NA if it is unknown.");
            }
        }
        return new NumericColumn(file.header().get(column), values);
    }

    /** Returns the column as text, each cell as written and a missing cell as null. */
    static TextColumn text(CsvFile file, int column) {
        String[] values = new String[file.rows()];
        for (int r = 0; r < values.length; r++) {
            String cell = file.cell(r, column);
            values[r] = Cells.isMissing(cell) ? null : cell;
        }
        return new TextColumn(file.header().get(column), values);
    }
}
