package org.djx.engine.report;

import java.util.List;

/** Writes numeric tables as CSV, every number at full double precision so nothing is lost. */
public final class Csv {
    private Csv() {
    }

    /**
     * Returns a CSV document with a header row and one row per index of the (equally long) columns.
     *
     * @throws IllegalArgumentException if the header and columns differ in number or columns in length
     */
    public static String table(List<String> header, List<double[]> columns) {
        if (header.size() != columns.size() || columns.isEmpty()) {
            throw new IllegalArgumentException(header.size() + " names for " + columns.size() + " columns");
        }
        int rows = columns.get(0).length;
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (double[] c : columns) {
            if (c.length != rows) {
                throw new IllegalArgumentException("columns differ in length: " + rows + " and " + c.length);
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns.size(); c++) {
                sb.append(c == 0 ? "" : ",").append(columns.get(c)[r]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
