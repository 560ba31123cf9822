package org.djx.engine.report;

import java.util.ArrayList;
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

    /** Quotes a field that holds a comma, quote or line break (RFC 4180); returns the others as they are. */
    public static String field(String field) {
        return field.matches("[^,\"\r\n]*") ? field : "\"" + field.replace("\"", "\"\"") + "\"";
    }

    /** Returns one line of CSV of the fields, each quoted as {@link #field} quotes it, without the line break. */
    public static String line(List<String> fields) {
        return String.join(",", fields.stream().map(Csv::field).toList());
    }

    /** Splits one line of CSV written with {@link #field} into its fields, unquoted. */
    public static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
