package org.djx.plugins.csv;


/**
 * Which cells are missing values and which are text: the api's {@link org.djx.api.data.Cells}, the one grammar that
 * the engine also reads the rows of a saved model's predictions with.
 */
final class Cells {
    private Cells() {
    }

    static boolean isMissing(String cell) {
        return org.djx.api.data.Cells.isMissing(cell);
    }

    /** Returns whether the cell is neither missing nor a decimal number. */
    static boolean isText(String cell) {
        return !isMissing(cell) && !Decimals.isDecimal(cell);
    }
}
