package org.djx.api.data;

import java.util.Set;
import org.djx.api.Stability;

/**
 * How djx reads the text of one table cell: which spellings mean a missing value, and which are decimal numbers.
 * One grammar for every reader, so that a table read for training and the rows a saved model predicts from later
 * are read alike.
 *
 * <p>Missing: an empty cell and pandas' default spellings of a missing value ({@code NA}, {@code N/A},
 * {@code NULL}, {@code NaN}, {@code #N/A}, ...), and the infinities, which no preprocessing step could use. Not
 * {@code None}: the Kaggle house files use it as a category (a house's masonry veneer type), and D2L's figures
 * count it as one, as the pandas of its time did.
 *
 * <p>Decimal: an optional sign, digits with an optional fraction, and an optional exponent ({@code 65},
 * {@code -0.5}, {@code .5}, {@code 2.}, {@code 1.5e-3}); only ASCII digits. Not {@code NaN}, {@code Infinity},
 * hexadecimal, type suffixes ({@code 1d}) or surrounding blanks, which {@link Double#parseDouble} would take.
 *
 * @since 0.2
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class Cells {
    private static final Set<String> MISSING = Set.of("", "NA", "N/A", "n/a", "NULL", "null", "#N/A", "#N/A N/A", "#NA",
            "<NA>", "-1.#IND", "-1.#QNAN", "1.#IND", "1.#QNAN",
            "NaN", "nan", "-NaN", "-nan", "+NaN", "+nan",
            "Infinity", "-Infinity", "+Infinity", "inf", "-inf", "+inf", "Inf", "-Inf", "+Inf");

    private Cells() {
    }

    /** Returns whether the cell is a missing value. */
    public static boolean isMissing(String cell) {
        return MISSING.contains(cell);
    }

    /** Returns whether the cell is a decimal number in the grammar above (it may still be too large for a double). */
    public static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /**
     * Returns the nearest double to a cell that {@link #isDecimal} accepts; infinite when it is beyond the range of a
     * double, which a caller refuses.
     */
    public static double parseDecimal(String decimal) {
        // The grammar is a subset of what parseDouble reads, and parseDouble rounds correctly.
        return Double.parseDouble(decimal);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
