package org.djx.engine.report;

import java.util.Locale;
import org.djx.api.Tensor;

/** How runs print numbers: eight significant digits, the precision of D2L's printed figures. */
public final class Format {
    private Format() {
    }

    public static String number(double v) {
        return number(v, 8);
    }

    /** Returns {@code v} to {@code digits} significant digits, as {@link #number(double)} does to eight. */
    public static String number(double v, int digits) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        double abs = Math.abs(v);
        if (abs >= 1e-4 && abs < 1e8) {
            // Plain notation, trailing zeros dropped.
            return new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros().toPlainString();
        }
        // Scientific notation, trailing zeros of the mantissa dropped.
        String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("0+$", "");
        return (mantissa.endsWith(".") ? mantissa.substring(0, mantissa.length() - 1) : mantissa) + s.substring(e);
    }

    /** Lists names for a message: all of ten or fewer, else the first eight and the last, as in {@code [a, b, ..., z]}. */
    public static String list(java.util.List<String> names) {
        if (names.size() <= 10) {
            return "[" + String.join(", ", names) + "]";
        }
        return "[" + String.join(", ", names.subList(0, 8)) + ", ..., " + names.get(names.size() - 1) + "]";
    }

    /** Returns {@code "1 example"} or {@code "3 examples"}. */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Pads {@code s} with spaces to {@code width}. */
    public static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    /** Returns a vector as {@code [a, b]} and a matrix as {@code [[a, b], [c, d]]}. */
    public static String tensor(Tensor t) {
        double[][] rows = t.toRows();
        StringBuilder sb = new StringBuilder();
        boolean matrix = rows.length > 1;
        if (matrix) {
            sb.append('[');
        }
        for (int r = 0; r < rows.length; r++) {
            sb.append(r == 0 ? "" : ", ").append('[');
            for (int c = 0; c < rows[r].length; c++) {
                sb.append(c == 0 ? "" : ", ").append(number(rows[r][c]));
            }
            sb.append(']');
        }
        if (matrix) {
            sb.append(']');
        }
        return sb.toString();
    }
}
