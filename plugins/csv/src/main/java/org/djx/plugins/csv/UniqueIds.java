package org.djx.plugins.csv;

import java.util.HashMap;
import java.util.Map;
import org.djx.api.data.TextColumn;

/**
 * Reads the id column of a file as text, each id exactly as written, and requires it to name every
 * record once: a submission writes one prediction per id, and two records under one id could not be
 * told apart.
 *
 * <p>An id is a name, never a number, whatever its cells look like: read as a number, {@code 050} would
 * come back as {@code 50} in a submission, and {@code 01} and {@code 1} would be one id.
 */
final class UniqueIds {
    private UniqueIds() {
    }

    /**
     * Returns the id column as written; ids are the same only when their text is.
     *
     * @throws org.djx.api.DataException at the first missing or repeated id
     */
    static TextColumn read(CsvFile file, int column) {
        TextColumn ids = TypedColumns.text(file, column);
        String name = file.header().get(column);
        Map<String, Integer> firstRow = new HashMap<>();
        for (int r = 0; r < ids.size(); r++) {
            String cell = file.cell(r, column);
            if (ids.isMissing(r)) {
                throw file.place(r, column).problem("the id is missing (" + Place.quote(cell) + ")",
                        "an id in every record of the column '" + name + "', which names the rows",
                        "Fill in the id, or remove the record.");
            }
            Integer earlier = firstRow.putIfAbsent(cell, r);
            if (earlier != null) {
                throw file.place(r, column).problem(
                        "the id " + Place.quote(cell) + " repeats: record " + file.place(earlier, column).record() + " has it too",
                        "a different id in every record of the column '" + name + "', which names the rows",
                        "Correct one of the two ids, or remove the repeated record.");
            }
        }
        return ids;
    }
}
