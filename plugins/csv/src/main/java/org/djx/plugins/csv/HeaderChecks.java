package org.djx.plugins.csv;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.djx.api.spi.Suggestions;

/** Checks the header lines of a training file and its test file before any cell is read. */
final class HeaderChecks {
    private HeaderChecks() {
    }

    /**
     * Requires a column in the file's header.
     *
     * @param role what the column is for, as in "the target column, the value to predict"
     */
    static void requireColumn(CsvFile file, String name, String role) {
        if (!file.header().contains(name)) {
            throw Place.of(file.file(), 1, 1).column(name, 0).problem(
                    "the header has no column '" + name + "' (it has " + describe(file.header()) + ")"
                            + Suggestions.didYouMean(name, file.header()),
                    "'" + name + "' as " + role,
                    Separators.hintOr(file.header(),
                            "Check that this is the training file of the dataset, not its test file or another table."));
        }
    }

    /** Requires the test file's header to be the training file's without the target, in the same order. */
    static void checkTestColumns(CsvFile train, CsvFile test, String target) {
        List<String> expected = new ArrayList<>(train.header());
        expected.remove(target);
        String want = "the training file's columns without '" + target + "' (" + describe(expected) + ")";
        String fix = Separators.hintOr(test.header(), "Check that the two files belong together and are not swapped.");
        List<String> found = test.header();
        int targetAt = found.indexOf(target);
        if (targetAt >= 0) {
            throw test.headerPlace(targetAt).problem(
                    "the test file has the target column '" + target + "', the value to predict",
                    want, fix);
        }
        Set<String> present = new HashSet<>(found);
        for (String name : expected) {
            if (!present.contains(name)) {
                throw Place.of(test.file(), 1, 1).column(name, 0).problem(
                        "the training file's column '" + name + "' is not in the test file's header",
                        want, fix);
            }
        }
        Set<String> known = new HashSet<>(expected);
        for (int i = 0; i < found.size(); i++) {
            if (!known.contains(found.get(i))) {
                throw test.headerPlace(i).problem("the training file has no column '" + found.get(i) + "'", want, fix);
            }
        }
        for (int i = 0; i < found.size(); i++) {
            if (!found.get(i).equals(expected.get(i))) {
                throw test.headerPlace(i).problem(
                        "this column is where the training file has '" + expected.get(i) + "'",
                        "the columns in the training file's order", "Reorder the test file's columns.");
            }
        }
    }

    /** Lists column names for a message: all of a short header, the ends of a long one. */
    static String describe(List<String> names) {
        String count = Place.count(names.size(), "column") + ": ";
        if (names.size() <= 8) {
            return count + String.join(", ", names);
        }
        return count + String.join(", ", names.subList(0, 4)) + ", ..., "
                + String.join(", ", names.subList(names.size() - 2, names.size()));
    }
}
