package org.djx.plugins.csv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.djx.api.data.NumericColumn;

/** Reads the target column of a training file: numbers for a regression, class names for a classification. */
final class Targets {
    /** Numeric class names in the order of their values ("2" before "10"); equal values in String order. */
    private static final Comparator<String> BY_VALUE =
            Comparator.comparingDouble(Decimals::parse).thenComparing(Comparator.naturalOrder());

    private Targets() {
    }

    /**
     * Returns the target column as numbers.
     *
     * @throws org.djx.api.DataException at the first target that is missing or not a decimal number
     */
    static NumericColumn numbers(CsvFile train, int column) {
        String target = train.header().get(column);
        for (int r = 0; r < train.rows(); r++) {
            String cell = train.cell(r, column);
            if (Cells.isMissing(cell)) {
                throw train.place(r, column).problem(
                        "the target is missing (" + Place.quote(cell) + ")",
                        "a number in every training record's target column '" + target + "'",
                        "Remove the record or fill in its value.");
            }
            if (!Decimals.isDecimal(cell)) {
                throw train.place(r, column).problem(
                        "the target " + Place.quote(cell) + " is not a decimal number",
                        "a number in every training record's target column '" + target + "'",
                        "Correct the value, or remove the record.");
            }
        }
        return TypedColumns.numeric(train, column);
    }

    /**
     * Returns the classes a target column names, sorted: by value when every name is a decimal number,
     * otherwise in String order.
     *
     * @throws org.djx.api.DataException at the first missing target, or naming the column when it holds
     *                                   fewer than two classes
     */
    static List<String> classes(CsvFile train, int column) {
        String target = train.header().get(column);
        Set<String> names = new LinkedHashSet<>();
        for (int r = 0; r < train.rows(); r++) {
            String cell = train.cell(r, column);
            if (Cells.isMissing(cell)) {
                throw train.place(r, column).problem(
                        "the class is missing (" + Place.quote(cell) + ")",
                        "a class name in every training record's target column '" + target + "'",
                        "Remove the record or fill in its class.");
            }
            names.add(cell);
        }
        if (names.size() < 2) {
            throw Place.of(train.file()).column(target, column + 1).problem(
                    "every one of the " + train.rows() + " training records has the class "
                            + Place.quote(names.iterator().next()),
                    "at least two classes in the target column of a classification",
                    "With one class there is nothing to learn: use \"problem\": \"regression\" or check the target column.");
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(sorted.stream().allMatch(Decimals::isDecimal) ? BY_VALUE : Comparator.naturalOrder());
        return sorted;
    }
}
