package org.djx.plugins.csv;

import java.math.BigDecimal;

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

    /**
     * Returns the exact value of a string that {@link #isDecimal} accepts, without trailing zeros, so that
     * every spelling of a number ({@code 1}, {@code 1.0}, {@code +1}, {@code 10e-1}) gives an equal value,
     * and numbers too close for a double to tell apart stay apart; null when the exponent is beyond what
     * a {@link BigDecimal} holds (about two billion).
     */
    static BigDecimal exactValue(String decimal) {
        try {
            return new BigDecimal(decimal).stripTrailingZeros();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
