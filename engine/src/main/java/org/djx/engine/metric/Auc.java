package org.djx.engine.metric;

import java.util.Arrays;

/**
 * The area under the ROC curve of scores for two groups, with DeLong's standard error: the
 * probability that a random positive scores above a random negative, ties counting one half. 0.5
 * means the scores cannot tell the groups apart.
 *
 * @param value          the AUC
 * @param standardError  DeLong's estimate of its standard error
 */
public record Auc(double value, double standardError) {
    /** z for a two-sided 95% normal interval. */
    private static final double Z95 = 1.959963984540054;

    /** Returns the lower end of the 95% interval, clipped to [0, 1]. */
    public double lower95() {
        return Math.max(0, value - Z95 * standardError);
    }

    /** Returns the upper end of the 95% interval, clipped to [0, 1]. */
    public double upper95() {
        return Math.min(1, value + Z95 * standardError);
    }

    /**
     * Computes the AUC of {@code positive} scores against {@code negative} ones.
     *
     * @throws IllegalArgumentException if a group is empty or a score is NaN
     */
    public static Auc of(double[] positive, double[] negative) {
        int m = positive.length;
        int n = negative.length;
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException("an AUC needs scores of both groups, found " + m + " and " + n);
        }
        // Midranks of each group alone and of both together give every placement count at once.
        double[] all = new double[m + n];
        System.arraycopy(positive, 0, all, 0, m);
        System.arraycopy(negative, 0, all, m, n);
        double[] rankAll = midranks(all);
        double[] rankPos = midranks(positive);
        double[] rankNeg = midranks(negative);
        // v10[i]: share of negatives below positive i; v01[j]: share of positives above negative j.
        double[] v10 = new double[m];
        double sum = 0;
        for (int i = 0; i < m; i++) {
            v10[i] = (rankAll[i] - rankPos[i]) / n;
            sum += v10[i];
        }
        double[] v01 = new double[n];
        for (int j = 0; j < n; j++) {
            v01[j] = 1 - (rankAll[m + j] - rankNeg[j]) / m;
        }
        double auc = sum / m;
        double variance = (m > 1 ? sampleVariance(v10) / m : 0) + (n > 1 ? sampleVariance(v01) / n : 0);
        return new Auc(auc, Math.sqrt(variance));
    }

    /** Returns the 1-based rank of each value, tied values sharing the mean of their ranks. */
    static double[] midranks(double[] values) {
        int k = values.length;
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[k];
        int i = 0;
        while (i < k) {
            int j = i;
            while (j + 1 < k && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                ranks[order[t]] = mid;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static double sampleVariance(double[] v) {
        double mean = Arrays.stream(v).average().orElse(0);
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return ss / (v.length - 1);
    }
}
