package org.djx.plugins.csv;

import java.nio.file.Path;
import java.util.Objects;
import org.djx.api.DataException;

/**
 * Where in a CSV file a problem is, printed as {@code file:line: record R, column 'C' (field F)}.
 *
 * <p>Lines and records count from 1 and the header is line 1 and record 1, as a user counts them in
 * an editor; they differ only after a quoted value that spans lines. Fields count from 1.
 *
 * @param file   the file
 * @param line   the line the record (or the faulty character) is on; 0 for the file as a whole
 * @param record the record number; 0 for the file as a whole
 * @param column the column name, or null when there is none (a nameless field, the whole record)
 * @param field  the field number; 0 when the place is not one field
 */
record Place(Path file, long line, long record, String column, int field) {
    Place {
        Objects.requireNonNull(file, "file");
    }

    /** Returns the place of the whole file. */
    static Place of(Path file) {
        return new Place(file, 0, 0, null, 0);
    }

    /** Returns the place of a whole record. */
    static Place of(Path file, long line, long record) {
        return new Place(file, line, record, null, 0);
    }

    /** Returns this place narrowed to one named field. */
    Place column(String name, int fieldNumber) {
        return new Place(file, line, record, name, fieldNumber);
    }

    /**
     * Returns the error to throw for a problem here: what is wrong, what was expected, and what to do.
     *
     * @param problem  what is wrong, quoting the offending value
     * @param expected what the reader accepts, without a leading "expected"
     * @param todo     one or two sentences on how to fix it
     */
    DataException problem(String problem, String expected, String todo) {
        return new DataException(message(problem, expected, todo));
    }

    /** Returns the error for a problem here that a lower-level exception revealed. */
    DataException problem(String problem, String expected, String todo, Throwable cause) {
        return new DataException(message(problem, expected, todo), cause);
    }

    private String message(String problem, String expected, String todo) {
        return this + ": " + problem + "; expected " + expected + ". " + todo;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file.toString());
        if (line > 0) {
            b.append(':').append(line).append(": record ").append(record);
        }
        if (column != null) {
            b.append(line > 0 ? ", " : ": ").append("column '").append(column).append('\'');
            if (field > 0) {
                b.append(" (field ").append(field).append(')');
            }
        } else if (field > 0) {
            b.append(line > 0 ? ", " : ": ").append("field ").append(field);
        }
        return b.toString();
    }

    /** Counts for a message: "1 column", "3 columns". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Quotes a cell for a message: at most 40 characters, line breaks and tabs made visible. */
    static String quote(String value) {
        String shown = value.length() <= 40 ? value : value.substring(0, 40) + "...";
        return "'" + shown.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t") + "'";
    }
}
