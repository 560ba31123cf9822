package org.djx.engine.report;

import java.util.List;
import java.util.function.Predicate;

/**
 * One axis of a chart: the range it shows (the data's, with a little room so no point sits on the
 * frame), where a value lands in pixels, and its ticks.
 */
final class Axis {
    /** Room left beyond the data on each side, as a share of the data's span. */
    private static final double MARGIN = 0.04;
    /** Ticks closer than this look like a ruler rather than a scale. */
    private static final double MIN_SPACING_X = 60;
    private static final double MIN_SPACING_Y = 40;
    /**
     * Closer on a log axis: there round steps crowd towards the top of each decade, and a tick per decade or
     * two is worth more than the room between short labels such as 1e5.
     */
    private static final double MIN_SPACING_LOG_Y = 28;
    private static final double LABEL_GAP = 16;

    private final boolean log;
    private final double lo;
    private final double hi;
    private final double from;
    private final double to;
    private final List<Ticks.Tick> ticks;

    /**
     * @param min      the smallest value to show (for a log axis, the smallest positive one); NaN when there is none
     * @param max      the largest value to show
     * @param integers whether every value is a whole number (an epoch, a fold): then ticks are whole numbers
     * @param from     the pixel of the smallest value (the left, or the bottom)
     * @param to       the pixel of the largest value
     */
    Axis(double min, double max, boolean log, boolean integers, double from, double to, boolean horizontal) {
        this.log = log;
        this.from = from;
        this.to = to;
        double a = log ? Math.log10(min) : min;
        double b = log ? Math.log10(max) : max;
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            a = 0;
            b = 1;
        } else if (a == b) {
            double room = log ? 0.5 : a == 0 ? 1 : Math.abs(a) * 0.1;
            a -= room;
            b += room;
        } else {
            if (!Double.isFinite(b - a)) {
                // Values near both ends of the double range: their span overflows, so the axis stops short of them.
                a = Math.max(a, -Double.MAX_VALUE / 4);
                b = Math.min(b, Double.MAX_VALUE / 4);
            }
            double room = (b - a) * MARGIN;
            a -= room;
            b += room;
        }
        // A log axis stays inside the normal doubles, or ten to the power of its ends would be 0 or infinity.
        this.lo = log ? Math.max(a, Math.log10(Double.MIN_NORMAL)) : a;
        this.hi = log ? Math.min(b, Math.log10(Double.MAX_VALUE / 2)) : b;
        double length = Math.abs(to - from);
        Predicate<List<Ticks.Tick>> fits = t -> fits(t, horizontal, length);
        this.ticks = log ? Ticks.log(Math.pow(10, lo), Math.pow(10, hi), fits) : Ticks.linear(lo, hi, integers, fits);
    }

    /** Returns the pixel of {@code value}, or NaN when this axis cannot show it. */
    double pixel(double value) {
        if (!shows(value)) {
            return Double.NaN;
        }
        double t = log ? Math.log10(value) : value;
        return from + (t - lo) / (hi - lo) * (to - from);
    }

    /** Returns whether {@code value} can be drawn: finite, and positive on a log axis. */
    boolean shows(double value) {
        return Double.isFinite(value) && (!log || value > 0);
    }

    List<Ticks.Tick> ticks() {
        return ticks;
    }

    private boolean fits(List<Ticks.Tick> candidate, boolean horizontal, double length) {
        for (int i = 1; i < candidate.size(); i++) {
            double apart = Math.abs(pixel(candidate.get(i).value()) - pixel(candidate.get(i - 1).value()));
            double needed = horizontal
                    ? Math.max(MIN_SPACING_X, (PlotStyle.width(candidate.get(i).label(), PlotStyle.TICK)
                            + PlotStyle.width(candidate.get(i - 1).label(), PlotStyle.TICK)) / 2 + LABEL_GAP)
                    : Math.max(log ? MIN_SPACING_LOG_Y : MIN_SPACING_Y, PlotStyle.lineHeight(PlotStyle.TICK) + LABEL_GAP / 2);
            if (apart < Math.min(needed, length / 2)) {
                return false;
            }
        }
        return true;
    }

    /** Returns the smallest and largest value an axis of this kind can show, NaN for both when there is none. */
    static double[] extent(List<double[]> columns, boolean log) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] column : columns) {
            for (double v : column) {
                if (Double.isFinite(v) && (!log || v > 0)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min <= max ? new double[] {min, max} : new double[] {Double.NaN, Double.NaN};
    }

    /** Returns whether every finite value is a whole number, as epochs, folds and indices are. */
    static boolean wholeNumbers(List<double[]> columns) {
        boolean any = false;
        for (double[] column : columns) {
            for (double v : column) {
                if (Double.isFinite(v)) {
                    if (v != Math.rint(v)) {
                        return false;
                    }
                    any = true;
                }
            }
        }
        return any;
    }
}
