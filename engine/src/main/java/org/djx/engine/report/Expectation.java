package org.djx.engine.report;

import java.util.Locale;
import java.util.Objects;

/**
 * A band an experiment declares for one of its results, such as an average valid log RMSE between
 * 0.160 and 0.180: the run checks it and fails with exit code 3 when it breaks.
 *
 * @param metric the result's name, as the run reports it (e.g. {@code avg-valid-log-rmse})
 * @param min    the smallest value that holds, inclusive; -infinity when unbounded
 * @param max    the largest value that holds, inclusive; +infinity when unbounded
 * @param path   the JSON path of the declaration, for messages
 */
public record Expectation(String metric, double min, double max, String path) {
    public Expectation {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(path, "path");
        if (!(min <= max)) {
            throw new IllegalArgumentException("min " + min + " exceeds max " + max);
        }
    }

    /** Returns whether {@code value} lies in the band; NaN never does. */
    public boolean holds(double value) {
        return value >= min && value <= max;
    }

    /** Returns the band in words: {@code = 331}, {@code in [0.16, 0.18]}, {@code >= 0}, {@code <= 1e-3}. */
    public String band() {
        if (min == max) {
            return "= " + format(min);
        }
        if (min == Double.NEGATIVE_INFINITY) {
            return "<= " + format(max);
        }
        if (max == Double.POSITIVE_INFINITY) {
            return ">= " + format(min);
        }
        return "in [" + format(min) + ", " + format(max) + "]";
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
