package org.djx.plugins.csv;

/**
 * The strict decimal grammar of data cells: an optional sign, digits with an optional fraction, and an
 * optional exponent, such as {@code 65}, {@code -0.5}, {@code .5}, {@code 2.} or {@code 1.5e-3}.
 *
 * <p>{@link Double#parseDouble} alone also accepts {@code NaN}, {@code Infinity}, hexadecimal
 * ({@code 0x1p3}), type suffixes ({@code 1d}, {@code 2f}) and surrounding blanks; none of those is a
 * number in a data file. Only ASCII digits count.
 */
final class Decimals {
    private Decimals() {
    }

    /** Returns whether {@code s} is a decimal number in the grammar above (it may still overflow). */
    static boolean isDecimal(String s) {
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
     * Returns the nearest double to a string that {@link #isDecimal} accepts; infinite when it is beyond
     * the range of a double, which the caller must refuse.
     */
    static double parse(String decimal) {
        // safe: the grammar is a subset of what parseDouble reads, and it rounds correctly
        return Double.parseDouble(decimal);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
