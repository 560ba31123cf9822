package org.djx.plugins.csv;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A CSV file read whole and checked for shape: a header of unique, non-blank names and records of
 * exactly as many fields, each cell as written. Holds arrays, so it stays inside this package.
 */
final class CsvFile {
    private final Path file;
    private final List<String> header;
    private final List<String[]> rows;
    private final long[] lines;

    /**
     * @param rows  the data records, each with one cell per header name; not copied
     * @param lines the line each record starts on; not copied
     */
    CsvFile(Path file, List<String> header, List<String[]> rows, long[] lines) {
        this.file = Objects.requireNonNull(file, "file");
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
        this.lines = lines;
        if (lines.length != rows.size()) {
            throw new IllegalArgumentException(lines.length + " line numbers for " + rows.size() + " records");
        }
    }

    Path file() {
        return file;
    }

    List<String> header() {
        return header;
    }

    /** Returns the number of data records (not counting the header). */
    int rows() {
        return rows.size();
    }

    String cell(int row, int column) {
        return rows.get(row)[column];
    }

    /** Returns the place of a header name. */
    Place headerPlace(int column) {
        return Place.of(file, 1, 1).column(header.get(column), column + 1);
    }

    /** Returns the place of a cell; row 0 is the first record after the header, i.e. record 2. */
    Place place(int row, int column) {
        return Place.of(file, lines[row], row + 2L).column(header.get(column), column + 1);
    }
}
