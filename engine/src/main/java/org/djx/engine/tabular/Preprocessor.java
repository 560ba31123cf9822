package org.djx.engine.tabular;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        for (Column c : train.columns()) {
            if (c.name().equals(dataset.target()) || c.name().equals(dataset.id())) {
                continue;
            }
            Column t = test == null ? null : test.column(c.name()).orElseThrow(() -> new DataException(
                    "the test rows have no column '" + c.name() + "', which the training rows have"));
            columns.add(Work.of(c, t, nAll));
        }
        List<String> statistics = new ArrayList<>();
        statistics.add("fitted on " + which);
        for (Work w : columns) {
            statistics.add(w.describe());
        }
        for (PreprocessingSpec.Step step : spec.steps()) {
            if (step instanceof PreprocessingSpec.Standardize) {
                standardize(columns, fit, statistics);
            } else if (step instanceof PreprocessingSpec.FillMissing fill) {
                fillMissing(columns, fill, fit, statistics);
            } else if (step instanceof PreprocessingSpec.OneHot oneHot) {
                columns = oneHot(columns, oneHot.dummyNa(), fit, nAll, statistics);
            } else if (step instanceof PreprocessingSpec.Log1p log1p) {
                log1p(columns, log1p.minSkew(), fit, nTrain, statistics);
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
                test == null ? List.of() : ids(test, dataset.id()), statistics, dataset.classes());
    }

    private static void standardize(List<Work> columns, boolean[] fit, List<String> statistics) {
        for (Work w : columns) {
            if (w.numbers == null) {
                continue;
            }
            double[] values = fitted(w, fit);
            double mean = mean(values);
            double squares = 0;
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            double std = Math.sqrt(squares / (values.length - 1));
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

    private static void fillMissing(List<Work> columns, PreprocessingSpec.FillMissing fill, boolean[] fit, List<String> statistics) {
        for (Work w : columns) {
            if (w.numbers == null) {
                continue;
            }
            double value = switch (fill.with()) {
                case VALUE -> fill.value();
                case MEAN -> mean(fitted(w, fit));
                case MEDIAN -> median(fitted(w, fit));
            };
            int filled = 0;
            for (int r = 0; r < w.numbers.length; r++) {
                if (Double.isNaN(w.numbers[r])) {
                    if (Double.isNaN(value)) {
                        throw new DataException("the column '" + w.name + "' has no value in the rows the statistics are fitted on,"
                                + " so it has no " + fill.with().label() + " to fill its missing values with; fill it with a value");
                    }
                    w.numbers[r] = value;
                    filled++;
                }
            }
            if (filled > 0) {
                statistics.add("fill-missing " + w.name + ": " + filled + " values set to " + value
                        + (fill.with() == PreprocessingSpec.Fill.VALUE ? "" : " (the " + fill.with().label() + ")"));
            }
        }
    }

    /** Returns the column's values in the fitted rows, missing ones left out. */
    private static double[] fitted(Work w, boolean[] fit) {
        double[] values = new double[fit.length];
        int n = 0;
        for (int r = 0; r < fit.length; r++) {
            if (fit[r] && !Double.isNaN(w.numbers[r])) {
                values[n++] = w.numbers[r];
            }
        }
        return java.util.Arrays.copyOf(values, n);
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return v.length == 0 ? Double.NaN : sum / v.length;
    }

    /** The middle value, or the mean of the two middle ones, as pandas' median. */
    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * Returns pandas' skew: the adjusted Fisher-Pearson coefficient n^2 / ((n - 1)(n - 2)) m3 / s^3, with m3 the
     * third central moment and s the sample standard deviation; NaN below three values, 0 for a constant column.
     */
    static double skew(double[] v) {
        int n = v.length;
        if (n < 3) {
            return Double.NaN;
        }
        double mean = mean(v);
        double m2 = 0;
        double m3 = 0;
        for (double x : v) {
            double d = x - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= n;
        m3 /= n;
        if (m2 == 0) {
            return 0;
        }
        return Math.sqrt((double) n * (n - 1)) / (n - 2) * m3 / Math.pow(m2, 1.5);
    }

    private static void log1p(List<Work> columns, double minSkew, boolean[] fit, int nTrain, List<String> statistics) {
        List<String> transformed = new ArrayList<>();
        for (Work w : columns) {
            if (w.numbers == null) {
                continue;
            }
            double skew = skew(fitted(w, fit));
            // Either tail: a long left tail is as far from normal as a long right one.
            if (!(Math.abs(skew) > minSkew)) {
                continue;
            }
            for (int r = 0; r < w.numbers.length; r++) {
                if (w.numbers[r] <= -1) {
                    throw new DataException("log1p takes log(1 + x) of the column '" + w.name + "' (|skew| "
                            + String.format(Locale.ROOT, "%.3f", Math.abs(skew)) + " > " + minSkew + "), but it is " + w.numbers[r] + " in "
                            + (r < nTrain ? "training row " + (r + 1) : "test row " + (r - nTrain + 1))
                            + ", and log(1 + x) needs x > -1; raise min-skew above its skew or leave the step out");
                }
                w.numbers[r] = Math.log1p(w.numbers[r]);
            }
            transformed.add(w.name);
            statistics.add(String.format(Locale.ROOT, "log1p %s: skew %s", w.name, skew));
        }
        statistics.add("log1p: " + transformed.size() + " columns with |skew| above " + minSkew);
    }

    private static List<Work> oneHot(List<Work> columns, boolean dummyNa, boolean[] fit, int nAll, List<String> statistics) {
        List<Work> kept = new ArrayList<>();
        List<Work> indicators = new ArrayList<>();
        for (Work w : columns) {
            if (w.text == null) {
                kept.add(w);
                continue;
            }
            TreeSet<String> categories = new TreeSet<>();
            for (int r = 0; r < fit.length; r++) {
                if (fit[r] && w.text[r] != null) {
                    categories.add(w.text[r]);
                }
            }
            // One pass over the rows, whatever the number of categories; a category the fitted rows lack
            // gets no column, and its rows are 0 in every column of this one.
            Map<String, double[]> columnOf = new HashMap<>();
            for (String category : categories) {
                double[] v = new double[nAll];
                columnOf.put(category, v);
                indicators.add(new Work(w.name + "_" + category, v, null));
            }
            for (int r = 0; r < nAll; r++) {
                double[] v = w.text[r] == null ? null : columnOf.get(w.text[r]);
                if (v != null) {
                    v[r] = 1;
                }
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

        /** Says how the column was read, as in {@code column MSZoning: categorical, 5 values, 4 missing}. */
        String describe() {
            int missing = 0;
            java.util.Set<String> values = new java.util.HashSet<>();
            int n = numbers != null ? numbers.length : text.length;
            for (int r = 0; r < n; r++) {
                if (numbers != null ? Double.isNaN(numbers[r]) : text[r] == null) {
                    missing++;
                } else if (text != null) {
                    values.add(text[r]);
                }
            }
            return "column " + name + ": " + (numbers != null ? "numeric" : "categorical, " + values.size() + " values")
                    + (missing > 0 ? ", " + missing + " missing" : "");
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
