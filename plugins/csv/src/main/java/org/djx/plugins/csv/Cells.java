package org.djx.plugins.csv;

import java.util.Set;

/**
 * Which cells are missing values: {@code NA}, empty cells, and the not-a-number and infinity spellings
 * ({@code NaN}, {@code nan}, {@code Infinity}, {@code inf}, with a sign or not), as pandas' {@code read_csv}
 * reads Kaggle's files. pandas reads an infinity as a number, which no preprocessing step can use, so
 * here it is missing too.
 */
final class Cells {
    /** The cell text pandas reads as a missing value in these files. */
    static final String NOT_AVAILABLE = "NA";

    /** The spellings of not-a-number and infinity, read as missing values rather than turning a column into text. */
    private static final Set<String> NOT_FINITE = Set.of("NaN", "nan", "-NaN", "-nan", "+NaN", "+nan",
            "Infinity", "-Infinity", "+Infinity", "inf", "-inf", "+inf", "Inf", "-Inf", "+Inf");

    private Cells() {
    }

    static boolean isMissing(String cell) {
        return cell.isEmpty() || cell.equals(NOT_AVAILABLE) || NOT_FINITE.contains(cell);
    }

    /** Returns whether the cell is neither missing nor a decimal number. */
    static boolean isText(String cell) {
        return !isMissing(cell) && !Decimals.isDecimal(cell);
    }
}
