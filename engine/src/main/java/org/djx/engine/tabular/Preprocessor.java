package org.djx.engine.tabular;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.djx.api.DataException;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.api.data.Column;
import org.djx.api.data.Dataset;
import org.djx.api.data.NumericColumn;
import org.djx.api.data.Table;
import org.djx.api.data.TextColumn;
import org.djx.engine.spec.PreprocessingSpec;

/**
 * Turns a dataset's raw tables into feature matrices, with pandas' semantics where D2L relies on them:
 * the features are every column but the identifier and the target, training rows first and then test
 * rows; means and sample standard deviations skip missing values; one-hot columns follow the other
 * columns, categories sorted, with an optional indicator for missing values.
 */
public final class Preprocessor {
    private final PreprocessingSpec spec;

    public Preprocessor(PreprocessingSpec spec) {
        this.spec = spec;
    }

    /**
     * Applies the steps to {@code dataset}, fitting their statistics on the rows the spec names: the training and
     * test rows, or the training rows (also for {@code train-fold} outside k-fold).
     *
     * @throws DataException if the target has missing values, or columns are still missing or text after
     *                       the last step
     */
    public Features apply(Dataset dataset) {
        int nTrain = dataset.train().rows();
        boolean[] fit = new boolean[nTrain + (dataset.test() == null ? 0 : dataset.test().rows())];
        boolean withTest = spec.fitOn() == PreprocessingSpec.FitOn.TRAIN_AND_TEST;
        java.util.Arrays.fill(fit, 0, withTest ? fit.length : nTrain, true);
        return fitOn(dataset, fit, withTest ? "the training and test rows (" + fit.length + ")" : "the training rows (" + nTrain + ")");
    }

    /**
     * Applies the steps to {@code dataset}, fitting their statistics on the training rows marked in
     * {@code fitTrainRows} alone (a fold's training rows), whatever the spec says.
     *
     * @param which names those rows in the statistics, such as {@code fold 2's training rows (1168)}
     */
    public Features apply(Dataset dataset, boolean[] fitTrainRows, String which) {
        if (fitTrainRows.length != dataset.train().rows()) {
            throw new IllegalArgumentException(fitTrainRows.length + " marks for " + dataset.train().rows() + " training rows");
        }
        boolean[] fit = java.util.Arrays.copyOf(fitTrainRows, dataset.train().rows() + (dataset.test() == null ? 0 : dataset.test().rows()));
        return fitOn(dataset, fit, which);
    }

    private Features fitOn(Dataset dataset, boolean[] fit, String which) {
        Table train = dataset.train();
        Table test = dataset.test();
        int nTrain = train.rows();
        int nAll = nTrain + (test == null ? 0 : test.rows());

        List<Work> columns = new ArrayList<>();
        List<FittedPreprocessing.Input> inputs = new ArrayList<>();
        for (Column c : train.columns()) {
            if (c.name().equals(dataset.target()) || c.name().equals(dataset.id())) {
                continue;
            }
            Column t = test == null ? null : test.column(c.name()).orElseThrow(() -> new DataException(
                    "the test rows have no column '" + c.name() + "', which the training rows have"));
            Work w = Work.of(c, t, nAll);
            columns.add(w);
            inputs.add(new FittedPreprocessing.Input(w.name, w.numbers != null));
        }
        List<String> statistics = new ArrayList<>();
        statistics.add("fitted on " + which);
        for (Work w : columns) {
            statistics.add(w.describe());
        }
        IntFunction<String> row = r -> r < nTrain ? "training row " + (r + 1) : "test row " + (r - nTrain + 1);
        List<FittedStep> fitted = new ArrayList<>();
        for (PreprocessingSpec.Step step : spec.steps()) {
            // Fitted on the marked rows, then applied to every row, as a saved model applies it to new rows.
            FittedStep f = fit(step, columns, fit);
            columns = f.apply(columns, row, statistics);
            fitted.add(f);
        }
        requireNumbers(columns, row);
        List<String> names = columns.stream().map(w -> w.name).toList();
        statistics.add("features: " + names.size());
        return new Features(names, matrix(columns, 0, nTrain), targets(dataset), test == null ? null : matrix(columns, nTrain, nAll),
                test == null ? List.of() : ids(test, dataset.id()), statistics, dataset.classes(),
                new FittedPreprocessing(inputs, fitted, names));
    }

    private static FittedStep fit(PreprocessingSpec.Step step, List<Work> columns, boolean[] fit) {
        if (step instanceof PreprocessingSpec.Standardize) {
            return FittedStep.Standardization.fit(columns, fit);
        }
        if (step instanceof PreprocessingSpec.FillMissing fill) {
            return FittedStep.Filling.fit(columns, fill, fit);
        }
        if (step instanceof PreprocessingSpec.OneHot oneHot) {
            return FittedStep.OneHotEncoding.fit(columns, oneHot.dummyNa(), fit);
        }
        return FittedStep.LogTransform.fit(columns, ((PreprocessingSpec.Log1p) step).minSkew(), fit);
    }

    /** Refuses columns that are still text or still have missing values after the last step. */
    static void requireNumbers(List<Work> columns, IntFunction<String> row) {
        for (Work w : columns) {
            if (w.text != null) {
                throw new DataException("the column '" + w.name + "' is still text after preprocessing; add a one-hot step");
            }
            for (int r = 0; r < w.numbers.length; r++) {
                if (Double.isNaN(w.numbers[r])) {
                    throw new DataException("the column '" + w.name + "' still has missing values after preprocessing ("
                            + row.apply(r) + "); add a fill-missing step");
                }
            }
        }
    }

    static Tensor matrix(List<Work> columns, int from, int to) {
        int width = columns.size();
        double[] data = new double[(to - from) * width];
        for (int c = 0; c < width; c++) {
            double[] v = columns.get(c).numbers;
            for (int r = from; r < to; r++) {
                data[(r - from) * width + c] = v[r];
            }
        }
        return Tensor.wrap(Shape.of(to - from, width), data);
    }

    private static Tensor targets(Dataset dataset) {
        Column target = dataset.train().column(dataset.target()).orElseThrow();
        if (dataset.isClassification()) {
            return classIndices(dataset, (TextColumn) target);
        }
        if (!(target instanceof NumericColumn numbers)) {
            throw new DataException("the target column '" + dataset.target() + "' is not numeric; djx regresses on numbers");
        }
        double[] y = numbers.toArray();
        for (int r = 0; r < y.length; r++) {
            if (Double.isNaN(y[r])) {
                throw new DataException("the target column '" + dataset.target() + "' has no value in training row " + (r + 1));
            }
            if (!dataset.targetRule().accepts(y[r])) {
                throw new DataException("the target column '" + dataset.target() + "' is " + y[r] + " in training row " + (r + 1)
                        + "; " + dataset.targetRule().describe());
            }
        }
        return Tensor.wrap(Shape.of(y.length, 1), y);
    }

    /** Returns each training row's class as its index among the dataset's classes. */
    private static Tensor classIndices(Dataset dataset, TextColumn target) {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < dataset.classes().size(); c++) {
            index.put(dataset.classes().get(c), c);
        }
        double[] y = new double[target.size()];
        for (int r = 0; r < y.length; r++) {
            if (target.get(r) == null) {
                throw new DataException("the target column '" + dataset.target() + "' has no class in training row " + (r + 1));
            }
            // The dataset checked that every class is known.
            y[r] = index.get(target.get(r));
        }
        return Tensor.wrap(Shape.of(y.length, 1), y);
    }

    private static List<String> ids(Table test, String id) {
        List<String> ids = new ArrayList<>();
        Column c = id == null ? null : test.column(id).orElse(null);
        for (int r = 0; r < test.rows(); r++) {
            if (c instanceof NumericColumn n) {
                double v = n.get(r);
                ids.add(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
            } else if (c instanceof TextColumn t) {
                ids.add(t.get(r));
            } else {
                ids.add(Integer.toString(r + 1));
            }
        }
        return ids;
    }
}
