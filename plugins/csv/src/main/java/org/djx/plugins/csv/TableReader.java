package org.djx.plugins.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.djx.api.data.Column;
import org.djx.api.data.Dataset;
import org.djx.api.data.Table;

/**
 * Reads a training file with a target column, and optionally a test file with the same columns but
 * the target, into a {@link Dataset}: the one reader behind every source of this plugin.
 *
 * <p>Missing values are as {@link Cells} spells them; feature column types are inferred as
 * {@link TypeInference} says, unless the options declare them, and the id column is always text as
 * written ({@link UniqueIds}). A numeric cell beyond the range of a double is an error, never an
 * infinity; so is a target that is missing, or not a number in a regression; so is an id that is
 * missing or repeats within a file.
 */
final class TableReader {
    private final CsvReader csv;
    private final TableOptions options;

    TableReader(CsvReader csv, TableOptions options) {
        this.csv = Objects.requireNonNull(csv, "csv");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Reads both files whole, then checks them before building any table.
     *
     * @param testFile the rows to predict, or null when there are none
     * @throws org.djx.api.DataException if either file is malformed or any check of
     *                                   {@link #read(CsvFile, CsvFile)} fails
     */
    Dataset read(Path trainFile, Path testFile) {
        CsvFile train = csv.read(trainFile);
        CsvFile test = testFile == null ? null : csv.read(testFile);
        return read(train, test);
    }

    /**
     * Checks the files and builds the dataset. Columns keep the training file's order; ignored ones
     * are dropped after the test file's header has been checked against the whole training header.
     *
     * @param test the rows to predict, or null when there are none
     * @throws org.djx.api.DataException if the training file lacks the target or id column, the test
     *                                   file's columns are not the training columns without the target,
     *                                   a cell does not fit its column's type, a numeric cell overflows,
     *                                   a target or id is invalid, or a classification has one class
     */
    Dataset read(CsvFile train, CsvFile test) {
        String target = options.target();
        String id = options.id();
        HeaderChecks.requireColumn(train, target, "the target column, the value to predict");
        if (id != null) {
            HeaderChecks.requireColumn(train, id, "the id column, which names each record");
        }
        if (test != null) {
            HeaderChecks.checkTestColumns(train, test, target);
        }
        List<Column> trainColumns = new ArrayList<>();
        List<Column> testColumns = new ArrayList<>();
        List<String> classes = List.of();
        for (int c = 0; c < train.header().size(); c++) {
            String name = train.header().get(c);
            ColumnType declared = options.declared(name);
            if (declared == ColumnType.IGNORE) {
                continue;
            }
            if (name.equals(target)) {
                if (options.problem() == Problem.CLASSIFICATION) {
                    classes = Targets.classes(train, c);
                    trainColumns.add(TypedColumns.text(train, c));
                } else {
                    trainColumns.add(Targets.numbers(train, c));
                }
                continue;
            }
            int t = test == null ? -1 : test.header().indexOf(name);
            if (name.equals(id)) {
                trainColumns.add(UniqueIds.read(train, c));
                if (t >= 0) {
                    testColumns.add(UniqueIds.read(test, t));
                }
                continue;
            }
            boolean numeric = TypeInference.isNumeric(train, c, test, t, declared);
            trainColumns.add(numeric ? TypedColumns.numeric(train, c) : TypedColumns.text(train, c));
            if (t >= 0) {
                testColumns.add(numeric ? TypedColumns.numeric(test, t) : TypedColumns.text(test, t));
            }
        }
        Dataset data = Dataset.of(new Table(trainColumns), target);
        if (test != null) {
            data = data.withTest(new Table(testColumns));
        }
        if (id != null) {
            data = data.withId(id);
        }
        return classes.isEmpty() ? data : data.withClasses(classes);
    }
}
