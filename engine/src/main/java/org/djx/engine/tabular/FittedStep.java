package org.djx.engine.tabular;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.djx.api.DataException;
import org.djx.engine.spec.PreprocessingSpec;

/**
 * One preprocessing step with what it fitted: how it transforms the columns of any rows, the training rows it was
 * fitted on or rows a saved model predicts later, with the same arithmetic, so both give the same numbers bit
 * for bit. Public so that a saved model can record what each step fitted; only this package applies them.
 */
public sealed interface FittedStep {
    /**
     * Transforms the columns, in place or into new ones, and returns the columns after the step.
     *
     * @param row        names row r in messages, such as {@code training row 3}
     * @param statistics where to say what the step did, one line each; null to say nothing
     */
    List<Work> apply(List<Work> columns, IntFunction<String> row, List<String> statistics);

    /** Numeric columns to (x - mean) / std; a constant column to 0. Missing values stay missing. */
    record Standardization(Map<String, double[]> meanAndStd) implements FittedStep {
        static Standardization fit(List<Work> columns, boolean[] fit) {
            Map<String, double[]> stats = new LinkedHashMap<>();
            for (Work w : columns) {
                if (w.numbers == null) {
                    continue;
                }
                double[] values = Statistics.fitted(w, fit);
                double mean = Statistics.mean(values);
                double squares = 0;
                for (double v : values) {
                    squares += (v - mean) * (v - mean);
                }
                stats.put(w.name, new double[] {mean, Math.sqrt(squares / (values.length - 1))});
            }
            return new Standardization(stats);
        }

        @Override
        public List<Work> apply(List<Work> columns, IntFunction<String> row, List<String> statistics) {
            for (Work w : columns) {
                double[] s = meanAndStd.get(w.name);
                if (s == null || w.numbers == null) {
                    continue;
                }
                double mean = s[0];
                double std = s[1];
                boolean constant = !(std > 0);
                for (int r = 0; r < w.numbers.length; r++) {
                    if (!Double.isNaN(w.numbers[r])) {
                        // A constant column carries no information; pandas would divide 0 by 0 here.
                        w.numbers[r] = constant ? 0 : (w.numbers[r] - mean) / std;
                    }
                }
                if (statistics != null) {
                    statistics.add(String.format(Locale.ROOT, "standardize %s: mean %s, std %s%s", w.name, mean, std,
                            constant ? " (constant: set to 0)" : ""));
                }
            }
            return columns;
        }
    }

    /** Missing numbers to a value per column; NaN when the fitted rows gave none, which is an error only if needed. */
    record Filling(Map<String, Double> values, PreprocessingSpec.Fill with) implements FittedStep {
        static Filling fit(List<Work> columns, PreprocessingSpec.FillMissing fill, boolean[] fit) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (Work w : columns) {
                if (w.numbers != null) {
                    values.put(w.name, switch (fill.with()) {
                        case VALUE -> fill.value();
                        case MEAN -> Statistics.mean(Statistics.fitted(w, fit));
                        case MEDIAN -> Statistics.median(Statistics.fitted(w, fit));
                    });
                }
            }
            return new Filling(values, fill.with());
        }

        @Override
        public List<Work> apply(List<Work> columns, IntFunction<String> row, List<String> statistics) {
            for (Work w : columns) {
                Double boxed = values.get(w.name);
                if (boxed == null || w.numbers == null) {
                    continue;
                }
                double value = boxed;
                int filled = 0;
                for (int r = 0; r < w.numbers.length; r++) {
                    if (Double.isNaN(w.numbers[r])) {
                        if (Double.isNaN(value)) {
                            throw new DataException("the column '" + w.name + "' has no value in the rows the statistics are fitted on,"
                                    + " so it has no " + with.label() + " to fill its missing values with; fill it with a value");
                        }
                        w.numbers[r] = value;
                        filled++;
                    }
                }
                if (filled > 0 && statistics != null) {
                    statistics.add("fill-missing " + w.name + ": " + filled + " values set to " + value
                            + (with == PreprocessingSpec.Fill.VALUE ? "" : " (the " + with.label() + ")"));
                }
            }
            return columns;
        }
    }

    /** log(1 + x) of the numeric columns whose skew over the fitted rows exceeded the bound in magnitude. */
    record LogTransform(Map<String, Double> skews, double minSkew) implements FittedStep {
        static LogTransform fit(List<Work> columns, double minSkew, boolean[] fit) {
            Map<String, Double> skews = new LinkedHashMap<>();
            for (Work w : columns) {
                if (w.numbers == null) {
                    continue;
                }
                double skew = Statistics.skew(Statistics.fitted(w, fit));
                // Either tail: a long left tail is as far from normal as a long right one.
                if (Math.abs(skew) > minSkew) {
                    skews.put(w.name, skew);
                }
            }
            return new LogTransform(skews, minSkew);
        }

        @Override
        public List<Work> apply(List<Work> columns, IntFunction<String> row, List<String> statistics) {
            for (Work w : columns) {
                Double skew = skews.get(w.name);
                if (skew == null || w.numbers == null) {
                    continue;
                }
                for (int r = 0; r < w.numbers.length; r++) {
                    if (w.numbers[r] <= -1) {
                        throw new DataException("log1p takes log(1 + x) of the column '" + w.name + "' (|skew| "
                                + String.format(Locale.ROOT, "%.3f", Math.abs(skew)) + " > " + minSkew + "), but it is " + w.numbers[r]
                                + " in " + row.apply(r) + ", and log(1 + x) needs x > -1; raise min-skew above its skew or leave the"
                                + " step out");
                    }
                    w.numbers[r] = Math.log1p(w.numbers[r]);
                }
                if (statistics != null) {
                    statistics.add(String.format(Locale.ROOT, "log1p %s: skew %s", w.name, skew));
                }
            }
            if (statistics != null) {
                statistics.add("log1p: " + skews.size() + " columns with |skew| above " + minSkew);
            }
            return columns;
        }
    }

    /**
     * One indicator column per fitted category of each text column, sorted, after the other columns, plus one for a
     * missing value if asked; a category the fitted rows lack gets no column, and its rows are 0 in every one.
     */
    record OneHotEncoding(Map<String, List<String>> categories, boolean dummyNa) implements FittedStep {
        static OneHotEncoding fit(List<Work> columns, boolean dummyNa, boolean[] fit) {
            Map<String, List<String>> categories = new LinkedHashMap<>();
            for (Work w : columns) {
                if (w.text == null) {
                    continue;
                }
                TreeSet<String> seen = new TreeSet<>();
                for (int r = 0; r < fit.length; r++) {
                    if (fit[r] && w.text[r] != null) {
                        seen.add(w.text[r]);
                    }
                }
                categories.put(w.name, List.copyOf(seen));
            }
            return new OneHotEncoding(categories, dummyNa);
        }

        @Override
        public List<Work> apply(List<Work> columns, IntFunction<String> row, List<String> statistics) {
            List<Work> kept = new ArrayList<>();
            List<Work> indicators = new ArrayList<>();
            for (Work w : columns) {
                List<String> fitted = categories.get(w.name);
                if (w.text == null || fitted == null) {
                    kept.add(w);
                    continue;
                }
                int n = w.text.length;
                // One pass over the rows, whatever the number of categories.
                Map<String, double[]> columnOf = new HashMap<>();
                for (String category : fitted) {
                    double[] v = new double[n];
                    columnOf.put(category, v);
                    indicators.add(new Work(w.name + "_" + category, v, null));
                }
                for (int r = 0; r < n; r++) {
                    double[] v = w.text[r] == null ? null : columnOf.get(w.text[r]);
                    if (v != null) {
                        v[r] = 1;
                    }
                }
                if (dummyNa) {
                    double[] v = new double[n];
                    for (int r = 0; r < n; r++) {
                        v[r] = w.text[r] == null ? 1 : 0;
                    }
                    indicators.add(new Work(w.name + "_nan", v, null));
                }
                if (statistics != null) {
                    statistics.add("one-hot " + w.name + ": " + fitted.size() + " categories " + fitted + (dummyNa ? " + missing" : ""));
                }
            }
            kept.addAll(indicators);
            return kept;
        }
    }
}
