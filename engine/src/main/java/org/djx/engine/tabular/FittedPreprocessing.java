package org.djx.engine.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import org.djx.api.DataException;
import org.djx.api.Tensor;
import org.djx.api.data.Column;
import org.djx.api.data.NumericColumn;
import org.djx.api.data.Table;

/**
 * Everything preprocessing fitted, to turn raw rows into features later exactly as it turned the training rows:
 * the raw columns it reads and their types, each step with its fitted statistics, and the feature names that
 * result. A saved model keeps it, so a prediction from a file gives the numbers of the run's own submission.
 *
 * @param inputs   the raw feature columns in file order, each with whether it is numeric (else text)
 * @param steps    the fitted steps, in order
 * @param features the names of the feature columns the steps produce, in order
 */
public record FittedPreprocessing(List<Input> inputs, List<FittedStep> steps, List<String> features) {
    /** A raw column preprocessing reads. */
    public record Input(String name, boolean numeric) {
        public Input {
            Objects.requireNonNull(name, "name");
        }
    }

    public FittedPreprocessing {
        inputs = List.copyOf(inputs);
        steps = List.copyOf(steps);
        features = List.copyOf(features);
    }

    /**
     * Returns the features of {@code rows}, which hold every input column with the type it had in training (other
     * columns are ignored).
     *
     * @param row names row r in messages, such as {@code record 3 of new.csv}
     * @throws DataException if a column is missing or of the other type, or a step cannot take a value
     */
    public Tensor apply(Table rows, IntFunction<String> row) {
        List<Work> columns = new ArrayList<>();
        for (Input input : inputs) {
            Column c = rows.column(input.name()).orElseThrow(() -> new DataException("the rows have no column '" + input.name()
                    + "', which the model reads"));
            if ((c instanceof NumericColumn) != input.numeric()) {
                throw new DataException("the column '" + input.name() + "' holds " + (input.numeric() ? "text" : "numbers")
                        + " here, but the model was trained on " + (input.numeric() ? "numbers" : "text") + " in it");
            }
            columns.add(Work.of(c, null, rows.rows()));
        }
        for (FittedStep step : steps) {
            columns = step.apply(columns, row, null);
        }
        Preprocessor.requireNumbers(columns, row);
        return Preprocessor.matrix(columns, 0, rows.rows());
    }

    /**
     * Checks that the steps, applied to the inputs, make exactly the recorded features, every one a number: what a
     * saved model must hold before it predicts anything.
     *
     * @param where names the description, for messages
     * @throws DataException naming the first input named twice or the first feature that differs
     */
    public void check(String where) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Work> columns = new ArrayList<>();
        for (Input input : inputs) {
            if (!seen.add(input.name())) {
                throw new DataException(where + ": the input column '" + input.name() + "' is listed twice");
            }
            columns.add(input.numeric() ? new Work(input.name(), new double[0], null) : new Work(input.name(), null, new String[0]));
        }
        for (FittedStep step : steps) {
            columns = step.apply(columns, r -> "row " + (r + 1), null);
        }
        List<String> made = new ArrayList<>();
        for (Work w : columns) {
            if (w.text != null) {
                throw new DataException(where + ": the column '" + w.name + "' would still be text after the steps, which no"
                        + " network reads; a one-hot step must list it");
            }
            made.add(w.name);
        }
        if (!made.equals(features)) {
            int i = 0;
            while (i < Math.min(made.size(), features.size()) && made.get(i).equals(features.get(i))) {
                i++;
            }
            throw new DataException(where + ": the steps make " + made.size() + " features, but " + features.size()
                    + " are recorded; they first differ at feature " + (i + 1) + " ("
                    + (i < made.size() ? "'" + made.get(i) + "'" : "none") + " made, " + (i < features.size() ? "'"
                    + features.get(i) + "'" : "none") + " recorded)");
        }
    }

    /** Returns the number of feature columns. */
    public int width() {
        return features.size();
    }
}
