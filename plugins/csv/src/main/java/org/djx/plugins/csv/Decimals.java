package org.djx.plugins.csv;

import java.math.BigDecimal;

/**
 * Decimal numbers in data cells: the api's grammar ({@link org.djx.api.data.Cells}, which the engine reads a saved
 * model's rows with too), and the exact value that tells two spellings of one number from two numbers.
 */
final class Decimals {
    private Decimals() {
    }

    /** Returns whether {@code s} is a decimal number in the api's grammar (it may still overflow). */
    static boolean isDecimal(String s) {
        return org.djx.api.data.Cells.isDecimal(s);
    }

    /**
     * Returns the nearest double to a string that {@link #isDecimal} accepts; infinite when it is beyond
     * the range of a double, which the caller must refuse.
     */
    static double parse(String decimal) {
        return org.djx.api.data.Cells.parseDecimal(decimal);
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
}
