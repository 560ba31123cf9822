package org.djx.engine.report;

/**
 * Drops the points of a line that no screen can show: of the points that fall in one pixel column, a
 * line drawn through the first, the lowest, the highest and the last looks the same as one through all
 * of them. A run of 23,067 epochs keeps about four points per column of the plot instead of every epoch.
 */
final class Thinning {
    private Thinning() {
    }

    /**
     * Thins the first {@code n} pixel positions in place, keeping their order, and returns how many are
     * kept. A line whose x ever goes back (not a function of x) is kept whole.
     */
    static int thin(double[] xs, double[] ys, int n) {
        for (int i = 1; i < n; i++) {
            if (xs[i] < xs[i - 1]) {
                return n;
            }
        }
        int kept = 0;
        int start = 0;
        while (start < n) {
            double column = Math.floor(xs[start]);
            int end = start;
            int low = start;
            int high = start;
            while (end + 1 < n && Math.floor(xs[end + 1]) == column) {
                end++;
                low = ys[end] < ys[low] ? end : low;
                high = ys[end] > ys[high] ? end : high;
            }
            // The four in the order they were drawn, each once.
            int[] keep = {start, Math.min(low, high), Math.max(low, high), end};
            int last = -1;
            for (int k : keep) {
                if (k != last) {
                    xs[kept] = xs[k];
                    ys[kept] = ys[k];
                    kept++;
                    last = k;
                }
            }
            start = end + 1;
        }
        return kept;
    }
}
