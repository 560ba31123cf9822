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

    /** Returns the number of feature columns. */
    public int width() {
        return features.size();
    }
}
