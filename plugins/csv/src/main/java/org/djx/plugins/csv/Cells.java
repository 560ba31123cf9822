package org.djx.plugins.csv;

import java.util.Set;

/**
 * Which cells are missing values: empty cells and pandas' default missing-value spellings
 * ({@code NA}, {@code N/A}, {@code n/a}, {@code NULL}, {@code null}, {@code <NA>}, {@code #N/A},
 * {@code #N/A N/A}, {@code #NA}, {@code -1.#IND}, {@code -1.#QNAN}, {@code 1.#IND}, {@code 1.#QNAN}),
 * and the not-a-number and infinity spellings ({@code NaN}, {@code nan}, {@code Infinity}, {@code inf},
 * with a sign or not). pandas reads an infinity as a number, which no preprocessing step can use, so
 * here it is missing too.
 *
 * <p>{@code None}, which pandas 2 also reads as missing (pandas-dev/pandas#52493), is a category here:
 * Kaggle's house files use it as one ({@code MasVnrType} is {@code None} in 864 training and 878 test
 * records), the pandas 1 that D2L's 331 features come from read it as text, and reading it as missing
 * would change those features.
 */
final class Cells {
    /** The spellings pandas' {@code read_csv} reads as missing by default, without {@code None} (see above). */
    private static final Set<String> NOT_AVAILABLE = Set.of("NA", "N/A", "n/a", "NULL", "null", "<NA>",
            "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "1.#IND", "1.#QNAN");

    /** The spellings of not-a-number and infinity, read as missing values rather than turning a column into text. */
    private static final Set<String> NOT_FINITE = Set.of("NaN", "nan", "-NaN", "-nan", "+NaN", "+nan",
            "Infinity", "-Infinity", "+Infinity", "inf", "-inf", "+inf", "Inf", "-Inf", "+Inf");

    private Cells() {
    }

    static boolean isMissing(String cell) {
        return cell.isEmpty() || NOT_AVAILABLE.contains(cell) || NOT_FINITE.contains(cell);
    }

    /** Returns whether the cell is neither missing nor a decimal number. */
    static boolean isText(String cell) {
        return !isMissing(cell) && !Decimals.isDecimal(cell);
    }
}
