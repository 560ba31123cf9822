package org.djx.plugins.csv;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * @throws org.djx.api.DataException at the first missing target; naming the column when it holds
     *                                   fewer than two classes, or, when every class is a number, two
     *                                   spellings of one number
     */
    static List<String> classes(CsvFile train, int column) {
        String target = train.header().get(column);
        Map<String, Integer> firstRows = new LinkedHashMap<>();
        for (int r = 0; r < train.rows(); r++) {
            String cell = train.cell(r, column);
            if (Cells.isMissing(cell)) {
                throw train.place(r, column).problem(
                        "the class is missing (" + Place.quote(cell) + ")",
                        "a class name in every training record's target column '" + target + "'",
                        "Remove the record or fill in its class.");
            }
            firstRows.putIfAbsent(cell, r);
        }
        boolean numbers = firstRows.keySet().stream().allMatch(Decimals::isDecimal);
        if (numbers) {
            requireOneSpellingPerNumber(train, column, firstRows);
        }
        if (firstRows.size() < 2) {
            throw Place.of(train.file()).column(target, column + 1).problem(
                    "every one of the " + train.rows() + " training records has the class "
                            + Place.quote(firstRows.keySet().iterator().next()),
                    "at least two classes in the target column of a classification",
                    "With one class there is nothing to learn: use \"problem\": \"regression\" or check the target column.");
        }
        List<String> sorted = new ArrayList<>(firstRows.keySet());
        sorted.sort(numbers ? BY_VALUE : Comparator.naturalOrder());
        return sorted;
    }

    /**
     * Refuses two class names that are one number: the classes are the distinct names, so {@code 1} and
     * {@code 1.0} would be two classes of the same label.
     *
     * @param firstRows each class name with the first row that has it, in the order of those rows
     */
    private static void requireOneSpellingPerNumber(CsvFile train, int column, Map<String, Integer> firstRows) {
        Map<BigDecimal, String> spellings = new HashMap<>();
        for (Map.Entry<String, Integer> name : firstRows.entrySet()) {
            BigDecimal value = Decimals.exactValue(name.getKey());
            String earlier = value == null ? null : spellings.putIfAbsent(value, name.getKey());
            if (earlier != null) {
                throw Place.of(train.file()).column(train.header().get(column), column + 1).problem(
                        "the classes " + Place.quote(earlier) + " (record " + record(train, firstRows.get(earlier), column)
                                + ") and " + Place.quote(name.getKey()) + " (record " + record(train, name.getValue(), column)
                                + ") are the same number written two ways; write each class one way",
                        "one spelling for each class, since every distinct name is a class of its own",
                        "Replace " + Place.quote(name.getKey()) + " with " + Place.quote(earlier) + " in the target column, or the other way round.");
            }
        }
    }

    private static long record(CsvFile file, int row, int column) {
        return file.place(row, column).record();
    }
}
