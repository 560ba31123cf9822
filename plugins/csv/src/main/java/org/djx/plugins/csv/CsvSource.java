package org.djx.plugins.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.api.data.Column;
import org.djx.api.data.DataContext;
import org.djx.api.data.Dataset;
import org.djx.api.data.Table;
import org.djx.api.data.TextColumn;
import org.djx.api.spi.Config;
import org.djx.api.spi.DatasetSource;
import org.djx.api.spi.ParameterSpec;
import org.djx.api.spi.Suggestions;

/**
 * The {@code csv} dataset: a user's own table, a training CSV file with a target column and optionally
 * a test CSV file of rows to predict, from a local path, the data hub or a data-hub archive.
 *
 * <p>It reads with the same {@link TableReader} as {@code kaggle-house}, so pointed at Kaggle's two
 * files with target {@code SalePrice} and id {@code Id} it loads the same dataset. Column types are
 * inferred unless {@code columns} declares them; {@code problem} says whether the target is a number
 * or a class name.
 */
public final class CsvSource implements DatasetSource {
    static final String TRAIN = "train";
    static final String TEST = "test";
    static final String TARGET = "target";
    static final String ID = "id";
    static final String PROBLEM = "problem";
    static final String COLUMNS = "columns";

    /** How many header names the message about an unknown column lists. */
    private static final int LISTED_COLUMNS = 40;

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String description() {
        return "A table of your own from CSV files: training rows with a target column and optional rows to predict,"
                + " from a local path, the data hub or a data-hub archive.";
    }

    @Override
    public List<ParameterSpec> configuration() {
        return List.of(
                ParameterSpec.string(TRAIN, "the training rows, with the target column: " + DataLocation.FORMS)
                        .asRequired(),
                ParameterSpec.string(TEST, "the rows to predict, with the training columns but the target, written as"
                        + " train is; none when absent"),
                ParameterSpec.string(TARGET, "the column to predict").asRequired(),
                ParameterSpec.string(ID, "the column that names each row in submissions, read as text exactly as"
                        + " written, whose values must not repeat within a file; none when absent"),
                ParameterSpec.string(PROBLEM, "regression: the target is a number; classification: the target is a"
                        + " class name, and the classes are the distinct names", Problem.configNames()).withDefault("regression"),
                ParameterSpec.stringMap(COLUMNS, "column types that replace the inferred ones: numeric (every cell a"
                        + " number or missing), categorical (text as written, even numbers), ignore (dropped)",
                        ColumnType.configNames()));
    }

    @Override
    public void check(Config config) {
        DataLocation.parse(config, TRAIN);
        if (config.has(TEST)) {
            DataLocation.parse(config, TEST);
        }
        String target = config.string(TARGET);
        if (target.isEmpty()) {
            throw config.error(TARGET, "the value is empty; expected the name of a column of the training file");
        }
        String id = config.has(ID) ? config.string(ID) : null;
        if (id != null && id.isEmpty()) {
            throw config.error(ID, "the value is empty; expected the name of a column of the training file, or no"
                    + " \"id\" at all");
        }
        if (target.equals(id)) {
            throw config.error(ID, "'" + id + "' is also the target; expected another column, which names the rows."
                    + " Remove \"id\" if the table has no such column");
        }
        for (String column : declaredTypes(config).keySet()) {
            if (column.equals(target)) {
                throw config.error(COLUMNS, "'" + column + "' is the target, whose type \"problem\" sets (a number"
                        + " for regression, a class name for classification); expected feature columns only."
                        + " Remove '" + column + "' from \"columns\"");
            }
            if (column.equals(id)) {
                throw config.error(COLUMNS, "'" + column + "' is the id column, which names the rows, is never a"
                        + " feature and is always read as text, each id as written; expected feature columns only."
                        + " Remove '" + column + "' from \"columns\"");
            }
        }
    }

    @Override
    public Dataset load(Config config, DataContext context) {
        check(config);
        Path trainPath = DataLocation.parse(config, TRAIN).resolve(context, config);
        Path testPath = config.has(TEST) ? DataLocation.parse(config, TEST).resolve(context, config) : null;
        CsvFile train = CsvReader.DEFAULT.read(trainPath);
        requireKnownColumns(config, train);
        CsvFile test = testPath == null ? null : CsvReader.DEFAULT.read(testPath);
        TableOptions options = new TableOptions(config.string(TARGET), config.has(ID) ? config.string(ID) : null,
                Problem.named(config.string(PROBLEM)), declaredTypes(config));
        return new TableReader(CsvReader.DEFAULT, options).read(train, test);
    }

    /** Reads a file of rows with the same strict reader, every cell as written, for a saved model to predict. */
    @Override
    public Table readRows(Path file) {
        CsvFile rows = CsvReader.DEFAULT.read(file);
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < rows.header().size(); c++) {
            String[] cells = new String[rows.rows()];
            for (int r = 0; r < cells.length; r++) {
                cells[r] = rows.cell(r, c);
            }
            columns.add(new TextColumn(rows.header().get(c), cells));
        }
        return new Table(columns);
    }

    private static Map<String, ColumnType> declaredTypes(Config config) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        if (config.has(COLUMNS)) {
            config.stringMap(COLUMNS).forEach((column, type) -> types.put(column, ColumnType.named(type)));
        }
        return types;
    }

    /** Requires every column that {@code columns} names to be in the training file's header. */
    private static void requireKnownColumns(Config config, CsvFile train) {
        List<String> header = train.header();
        for (String column : declaredTypes(config).keySet()) {
            if (!header.contains(column)) {
                String listed = String.join(", ", header.subList(0, Math.min(LISTED_COLUMNS, header.size())))
                        + (header.size() > LISTED_COLUMNS ? ", and " + (header.size() - LISTED_COLUMNS) + " more" : "");
                String hint = Separators.hint(header);
                throw config.error(COLUMNS, "the training file " + train.file() + " has no column '" + column + "'"
                        + Suggestions.didYouMean(column, header) + "; expected a name from its header, which has "
                        + Place.count(header.size(), "column") + ": " + listed + (hint == null ? "" : ". " + hint));
            }
        }
    }
}
