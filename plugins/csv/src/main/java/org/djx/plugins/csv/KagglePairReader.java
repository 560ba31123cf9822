package org.djx.plugins.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.djx.api.DataException;
import org.djx.api.data.Column;
import org.djx.api.data.Dataset;
import org.djx.api.data.NumericColumn;
import org.djx.api.data.Table;
import org.djx.api.data.TextColumn;

/**
 * Reads a Kaggle-style pair of CSV files, a training file with a target column and a test file with
 * the same columns but the target, into a {@link Dataset}.
 *
 * <p>Missing values are {@code NA}, empty cells, and the not-a-number and infinity spellings
 * ({@code NaN}, {@code nan}, {@code Infinity}, {@code inf}, with a sign or not), as pandas' {@code read_csv}
 * reads these files (pandas reads an infinity as a number, which no preprocessing step can use).
 * A column is numeric when every cell that is not missing, in the training and the test file, is a
 * decimal number ({@link Decimals}); otherwise it is text. That is pandas' type inference on
 * concatenated files, which D2L's preprocessing relies on: {@code MSSubClass} is numeric, {@code
 * LotFrontage} numeric with missing values, {@code MSZoning} text.
 *
 * <p>A numeric cell beyond the range of a double is an error, never an infinity; so is a target that
 * is missing or not a number.
 */
final class KagglePairReader {
    /** The cell text pandas reads as a missing value in these files. */
    static final String NOT_AVAILABLE = "NA";

    /** The spellings of not-a-number and infinity, read as missing values rather than turning a column into text. */
    private static final java.util.Set<String> NOT_FINITE = java.util.Set.of("NaN", "nan", "-NaN", "-nan", "+NaN", "+nan",
            "Infinity", "-Infinity", "+Infinity", "inf", "-inf", "+inf", "Inf", "-Inf", "+Inf");

    private final CsvReader csv;
    private final String target;
    private final String id;

    KagglePairReader(CsvReader csv, String target, String id) {
        this.csv = Objects.requireNonNull(csv, "csv");
        this.target = Objects.requireNonNull(target, "target");
        this.id = Objects.requireNonNull(id, "id");
    }

    /**
     * Reads both files whole and checks them before building any table.
     *
     * @throws DataException if either file is malformed, the training file lacks the target or id
     *                       column, the test file's columns are not the training columns without the
     *                       target, a numeric cell overflows, or a target is missing or not a number
     */
    Dataset read(Path trainFile, Path testFile) {
        CsvFile train = csv.read(trainFile);
        CsvFile test = csv.read(testFile);
        requireColumn(train, target, "the target column, the value to predict");
        requireColumn(train, id, "the id column, which names each record");
        checkTestColumns(train, test);

        List<Column> trainColumns = new ArrayList<>();
        List<Column> testColumns = new ArrayList<>();
        for (int c = 0; c < train.header().size(); c++) {
            String name = train.header().get(c);
            int t = test.header().indexOf(name);
            boolean numericTrain = allDecimal(train, c);
            boolean numeric = numericTrain && (t < 0 || allDecimal(test, t));
            if (t >= 0 && numericTrain && !numeric && !name.equals(id) && hasValue(train, c)) {
                // A column of numbers in the training file with words in the test file is a typo, not a category:
                // pandas would quietly turn every value of it into a category. (Words in training and numbers in
                // test is a category column whose test rows happen to use numeric codes.)
                int row = firstText(test, t);
                throw test.place(row, t).problem("the column '" + name + "' holds numbers in the training file but the text "
                        + Place.quote(test.cell(row, t)) + " here", "the same type of value in both files",
                        "Correct the value, or write NA if it is unknown.");
            }
            if (name.equals(target)) {
                checkTarget(train, c, numeric);
            }
            trainColumns.add(numeric ? numeric(train, c) : text(train, c));
            if (t >= 0) {
                testColumns.add(numeric ? numeric(test, t) : text(test, t));
            }
        }
        return Dataset.of(new Table(trainColumns), target).withTest(new Table(testColumns)).withId(id);
    }

    static boolean isMissing(String cell) {
        return cell.isEmpty() || cell.equals(NOT_AVAILABLE) || NOT_FINITE.contains(cell);
    }

    private static boolean allDecimal(CsvFile file, int column) {
        for (int r = 0; r < file.rows(); r++) {
            String cell = file.cell(r, column);
            if (!isMissing(cell) && !Decimals.isDecimal(cell)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasValue(CsvFile file, int column) {
        for (int r = 0; r < file.rows(); r++) {
            if (!isMissing(file.cell(r, column))) {
                return true;
            }
        }
        return false;
    }

    private static int firstText(CsvFile file, int column) {
        for (int r = 0; r < file.rows(); r++) {
            String cell = file.cell(r, column);
            if (!isMissing(cell) && !Decimals.isDecimal(cell)) {
                return r;
            }
        }
        throw new IllegalStateException("no text cell in column " + column);
    }

    private static NumericColumn numeric(CsvFile file, int column) {
        double[] values = new double[file.rows()];
        for (int r = 0; r < values.length; r++) {
            String cell = file.cell(r, column);
            if (isMissing(cell)) {
                values[r] = Double.NaN;
                continue;
            }
            values[r] = Decimals.parse(cell);
            if (Double.isInfinite(values[r])) {
                throw file.place(r, column).problem(
                        "the number " + Place.quote(cell) + " is beyond the range of a double (about 1.8e308)",
                        "a finite number in this numeric column",
                        "Correct the value, or write NA if it is unknown.");
            }
        }
        return new NumericColumn(file.header().get(column), values);
    }

    private static TextColumn text(CsvFile file, int column) {
        String[] values = new String[file.rows()];
        for (int r = 0; r < values.length; r++) {
            String cell = file.cell(r, column);
            values[r] = isMissing(cell) ? null : cell;
        }
        return new TextColumn(file.header().get(column), values);
    }

    private void checkTarget(CsvFile train, int column, boolean numeric) {
        for (int r = 0; r < train.rows(); r++) {
            String cell = train.cell(r, column);
            if (isMissing(cell)) {
                throw train.place(r, column).problem(
                        "the target is missing (" + Place.quote(cell) + ")",
                        "a number in every training record's target column '" + target + "'",
                        "Remove the record or fill in its value.");
            }
            if (!numeric && !Decimals.isDecimal(cell)) {
                throw train.place(r, column).problem(
                        "the target " + Place.quote(cell) + " is not a decimal number",
                        "a number in every training record's target column '" + target + "'",
                        "Correct the value, or remove the record.");
            }
        }
    }

    private static void requireColumn(CsvFile file, String name, String role) {
        if (!file.header().contains(name)) {
            throw Place.of(file.file(), 1, 1).column(name, 0).problem(
                    "the header has no column '" + name + "' (it has " + describe(file.header()) + ")",
                    "'" + name + "' as " + role,
                    "Check that this is the training file of the dataset, not its test file or another table.");
        }
    }

    private void checkTestColumns(CsvFile train, CsvFile test) {
        List<String> expected = new ArrayList<>(train.header());
        expected.remove(target);
        String want = "the training file's columns without '" + target + "' (" + describe(expected) + ")";
        String fix = "Check that the two files belong together and are not swapped.";
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
    private static String describe(List<String> names) {
        if (names.size() <= 8) {
            return names.size() + " columns: " + String.join(", ", names);
        }
        return names.size() + " columns: " + String.join(", ", names.subList(0, 4)) + ", ..., "
                + String.join(", ", names.subList(names.size() - 2, names.size()));
    }
}
