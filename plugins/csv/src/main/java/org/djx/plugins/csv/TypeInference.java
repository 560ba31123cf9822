package org.djx.plugins.csv;

/**
 * Decides whether a feature column is numeric or text. A column is numeric when every cell that
 * is not missing, in the training and the test file, is a decimal number ({@link Decimals}); otherwise
 * it is text. That is pandas' type inference on the concatenated files, which D2L's preprocessing
 * relies on: {@code MSSubClass} is numeric, {@code LotFrontage} numeric with missing values,
 * {@code MSZoning} text. A type the experiment declares replaces the inferred one.
 */
final class TypeInference {
    private TypeInference() {
    }

    /**
     * Returns whether a column is numeric.
     *
     * @param trainColumn the column's index in the training file
     * @param test        the test file, or null
     * @param testColumn  the column's index in the test file, or -1 when there is none
     * @param declared    the type the experiment declares, or null to infer it
     * @throws org.djx.api.DataException at a text cell of a column declared numeric, or of a column that
     *                                   holds numbers in the training file
     */
    static boolean isNumeric(CsvFile train, int trainColumn, CsvFile test, int testColumn, ColumnType declared) {
        if (declared == ColumnType.CATEGORICAL) {
            return false;
        }
        if (declared == ColumnType.NUMERIC) {
            requireDecimals(train, trainColumn);
            if (testColumn >= 0) {
                requireDecimals(test, testColumn);
            }
            return true;
        }
        boolean numericTrain = TypedColumns.allDecimal(train, trainColumn);
        boolean numeric = numericTrain && (testColumn < 0 || TypedColumns.allDecimal(test, testColumn));
        if (testColumn >= 0 && numericTrain && !numeric && TypedColumns.hasValue(train, trainColumn)) {
            // A column of numbers in the training file with words in the test file is a typo, not a category:
            // pandas would quietly turn every value of it into a category. (Words in training and numbers in
            // test is a category column whose test rows happen to use numeric codes.)
            int row = TypedColumns.firstText(test, testColumn);
            throw test.place(row, testColumn).problem("the column '" + test.header().get(testColumn)
                            + "' holds numbers in the training file but the text " + Place.quote(test.cell(row, testColumn)) + " here",
                    "the same type of value in both files",
                    "Correct the value, or write NA if it is unknown.");
        }
        return numeric;
    }

    private static void requireDecimals(CsvFile file, int column) {
        int row = TypedColumns.firstText(file, column);
        if (row >= 0) {
            String name = file.header().get(column);
            throw file.place(row, column).problem("the column '" + name + "' is declared numeric in the experiment,"
                            + " but this cell is the text " + Place.quote(file.cell(row, column)),
                    "a decimal number or a missing value (empty or NA)",
                    "Correct the value, write NA if it is unknown, or declare '" + name + "' categorical in \"columns\".");
        }
    }
}
