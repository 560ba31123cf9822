package org.djx.engine.tabular;

/** The statistics preprocessing fits, with pandas' semantics where D2L relies on them. */
final class Statistics {
    private Statistics() {
    }

    /** Returns the column's values in the fitted rows, missing ones left out. */
    static double[] fitted(Work w, boolean[] fit) {
        double[] values = new double[fit.length];
        int n = 0;
        for (int r = 0; r < fit.length; r++) {
            if (fit[r] && !Double.isNaN(w.numbers[r])) {
                values[n++] = w.numbers[r];
            }
        }
        return java.util.Arrays.copyOf(values, n);
    }

    static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return v.length == 0 ? Double.NaN : sum / v.length;
    }

    /** The middle value, or the mean of the two middle ones, as pandas' median. */
    static double median(double[] v) {
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
}
