package org.djx.plugins.csv;

import java.util.HashMap;
import java.util.Map;
import org.djx.api.data.Column;
import org.djx.api.data.NumericColumn;
import org.djx.api.data.TextColumn;

/**
 * Requires the id column to name every record of a file once: a submission writes one prediction per
 * id, and two records under one id could not be told apart.
 */
final class UniqueIds {
    private UniqueIds() {
    }

    /**
     * Checks the id column, compared as it was read: text as written, numbers by value (so {@code 7}
     * and {@code 7.0} are one id, as a submission would write them).
     *
     * @param ids the column as read from {@code column} of {@code file}
     * @throws org.djx.api.DataException at the first missing or repeated id
     */
    static void check(CsvFile file, int column, Column ids) {
        String name = file.header().get(column);
        Map<Object, Integer> firstRow = new HashMap<>();
        for (int r = 0; r < ids.size(); r++) {
            String cell = file.cell(r, column);
            if (ids.isMissing(r)) {
                throw file.place(r, column).problem("the id is missing (" + Place.quote(cell) + ")",
                        "an id in every record of the column '" + name + "', which names the rows",
                        "Fill in the id, or remove the record.");
            }
            Integer earlier = firstRow.putIfAbsent(key(ids, r), r);
            if (earlier != null) {
                String first = file.cell(earlier, column);
                String spelled = first.equals(cell) ? "" : " (as " + Place.quote(first) + ")";
                throw file.place(r, column).problem(
                        "the id " + Place.quote(cell) + " repeats: record " + file.place(earlier, column).record()
                                + " has it too" + spelled,
                        "a different id in every record of the column '" + name + "', which names the rows",
                        "Correct one of the two ids, or remove the repeated record.");
            }
        }
    }

    private static Object key(Column ids, int row) {
        if (ids instanceof NumericColumn numbers) {
            // +0.0 and -0.0 are one id
            return numbers.get(row) + 0.0;
        }
        return ((TextColumn) ids).get(row);
    }
}
