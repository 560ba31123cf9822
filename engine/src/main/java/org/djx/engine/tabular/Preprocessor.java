package org.djx.engine.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
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
     * Applies the steps to {@code dataset}.
     *
     * @throws DataException if the target has missing values, or columns are still missing or text after
     *                       the last step
     */
    public Features apply(Dataset dataset) {
        Table train = dataset.train();
        Table test = dataset.test();
        int nTrain = train.rows();
        int nAll = nTrain + (test == null ? 0 : test.rows());
        int fitRows = spec.fitOnTest() ? nAll : nTrain;

        List<Work> columns = new ArrayList<>();
        for (Column c : train.columns()) {
            if (c.name().equals(dataset.target()) || c.name().equals(dataset.id())) {
                continue;
            }
            Column t = test == null ? null : test.column(c.name()).orElseThrow(() -> new DataException(
                    "the test rows have no column '" + c.name() + "', which the training rows have"));
            columns.add(Work.of(c, t, nAll));
        }
        List<String> statistics = new ArrayList<>();
        statistics.add("fitted on " + (spec.fitOnTest() ? "the training and test rows (" + nAll + ")" : "the training rows (" + nTrain + ")"));
        for (PreprocessingSpec.Step step : spec.steps()) {
            if (step instanceof PreprocessingSpec.Standardize) {
                standardize(columns, fitRows, statistics);
            } else if (step instanceof PreprocessingSpec.FillMissing fill) {
                fillMissing(columns, fill.value(), statistics);
            } else if (step instanceof PreprocessingSpec.OneHot oneHot) {
                columns = oneHot(columns, oneHot.dummyNa(), fitRows, nAll, statistics);
            }
        }
        for (Work w : columns) {
            if (w.text != null) {
                throw new DataException("the column '" + w.name + "' is still text after preprocessing; add a one-hot step");
            }
            for (int r = 0; r < nAll; r++) {
                if (Double.isNaN(w.numbers[r])) {
                    throw new DataException("the column '" + w.name + "' still has missing values after preprocessing (row "
                            + (r + 1) + "); add a fill-missing step");
                }
            }
        }
        List<String> names = columns.stream().map(w -> w.name).toList();
        statistics.add("features: " + names.size());
        return new Features(names, matrix(columns, 0, nTrain), targets(dataset), test == null ? null : matrix(columns, nTrain, nAll),
                test == null ? List.of() : ids(test, dataset.id()), statistics);
    }

    private static void standardize(List<Work> columns, int fitRows, List<String> statistics) {
        for (Work w : columns) {
            if (w.numbers == null) {
                continue;
            }
            double sum = 0;
            int count = 0;
            for (int r = 0; r < fitRows; r++) {
                if (!Double.isNaN(w.numbers[r])) {
                    sum += w.numbers[r];
                    count++;
                }
            }
            double mean = sum / count;
            double squares = 0;
            for (int r = 0; r < fitRows; r++) {
                if (!Double.isNaN(w.numbers[r])) {
                    squares += (w.numbers[r] - mean) * (w.numbers[r] - mean);
                }
            }
            double std = Math.sqrt(squares / (count - 1));
            boolean constant = !(std > 0);
            for (int r = 0; r < w.numbers.length; r++) {
                if (!Double.isNaN(w.numbers[r])) {
                    // A constant column carries no information; pandas would divide 0 by 0 here.
                    w.numbers[r] = constant ? 0 : (w.numbers[r] - mean) / std;
                }
            }
            statistics.add(String.format(Locale.ROOT, "standardize %s: mean %s, std %s%s", w.name, mean, std,
                    constant ? " (constant: set to 0)" : ""));
        }
    }

    private static void fillMissing(List<Work> columns, double value, List<String> statistics) {
        for (Work w : columns) {
            if (w.numbers == null) {
                continue;
            }
            int filled = 0;
            for (int r = 0; r < w.numbers.length; r++) {
                if (Double.isNaN(w.numbers[r])) {
                    w.numbers[r] = value;
                    filled++;
                }
            }
            if (filled > 0) {
                statistics.add("fill-missing " + w.name + ": " + filled + " values set to " + value);
            }
        }
    }

    private static List<Work> oneHot(List<Work> columns, boolean dummyNa, int fitRows, int nAll, List<String> statistics) {
        List<Work> kept = new ArrayList<>();
        List<Work> indicators = new ArrayList<>();
        for (Work w : columns) {
            if (w.text == null) {
                kept.add(w);
                continue;
            }
            TreeSet<String> categories = new TreeSet<>();
            for (int r = 0; r < fitRows; r++) {
                if (w.text[r] != null) {
                    categories.add(w.text[r]);
                }
            }
            for (String category : categories) {
                double[] v = new double[nAll];
                for (int r = 0; r < nAll; r++) {
                    v[r] = category.equals(w.text[r]) ? 1 : 0;
                }
                indicators.add(new Work(w.name + "_" + category, v, null));
            }
            if (dummyNa) {
                double[] v = new double[nAll];
                for (int r = 0; r < nAll; r++) {
                    v[r] = w.text[r] == null ? 1 : 0;
                }
                indicators.add(new Work(w.name + "_nan", v, null));
            }
            statistics.add("one-hot " + w.name + ": " + categories.size() + " categories " + categories
                    + (dummyNa ? " + missing" : ""));
        }
        kept.addAll(indicators);
        return kept;
    }

    private static Tensor matrix(List<Work> columns, int from, int to) {
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

    /** A column being transformed: numbers (NaN = missing) or text (null = missing) over all rows. */
    private static final class Work {
        final String name;
        final double[] numbers;
        final String[] text;

        Work(String name, double[] numbers, String[] text) {
            this.name = name;
            this.numbers = numbers;
            this.text = text;
        }

        static Work of(Column train, Column test, int nAll) {
            if (train instanceof NumericColumn a && (test == null || test instanceof NumericColumn)) {
                double[] v = new double[nAll];
                for (int r = 0; r < a.size(); r++) {
                    v[r] = a.get(r);
                }
                if (test != null) {
                    NumericColumn b = (NumericColumn) test;
                    for (int r = 0; r < b.size(); r++) {
                        v[a.size() + r] = b.get(r);
                    }
                }
                return new Work(train.name(), v, null);
            }
            // Mixed types read as text, as pandas reads a column with any non-number in it.
            String[] v = new String[nAll];
            copyText(train, v, 0);
            if (test != null) {
                copyText(test, v, train.size());
            }
            return new Work(train.name(), null, v);
        }

        private static void copyText(Column c, String[] into, int offset) {
            for (int r = 0; r < c.size(); r++) {
                if (c instanceof TextColumn t) {
                    into[offset + r] = t.get(r);
                } else {
                    double v = ((NumericColumn) c).get(r);
                    into[offset + r] = Double.isNaN(v) ? null : Double.toString(v);
                }
            }
        }
    }
}
