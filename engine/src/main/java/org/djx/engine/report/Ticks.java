package org.djx.engine.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where an axis is ticked: only at round numbers, multiples of a step of 1, 2 or 5 times a power of ten,
 * or on a log axis at 1, 2 and 5 times powers of ten and at powers of ten a round number of decades apart.
 * Among those, the densest ticking whose labels do not crowd wins.
 */
final class Ticks {
    /** One tick: where it is (in the axis's units, not log10 of them) and what it says. */
    record Tick(double value, String label) {
    }

    private static final int[] MANTISSAS = {1, 2, 5};

    private Ticks() {
    }

    /**
     * Ticks {@code [lo, hi]} linearly with the smallest round step that {@code fits}.
     *
     * @param integers whether the values are counts or indices, which only whole steps suit
     * @param fits     whether ticks so far apart leave room for their labels
     */
    static List<Tick> linear(double lo, double hi, boolean integers, Predicate<List<Tick>> fits) {
        if (!(hi > lo) || !Double.isFinite(hi - lo)) {
            return List.of();
        }
        // Fewer than 40 ticks are ever readable, so the search starts there.
        Step step = Step.atLeast((hi - lo) / 40);
        if (integers && step.value() < 1) {
            step = new Step(1, 0);
        }
        for (int tries = 0; ; tries++) {
            List<Tick> ticks = step.ticks(lo, hi);
            if (fits.test(ticks) || ticks.size() <= 2 || tries > 30) {
                return ticks;
            }
            step = step.next();
        }
    }

    /**
     * Ticks {@code [lo, hi]}, both positive, for a log axis: powers of ten a round number of decades apart
     * when at least three of them fit, else 1, 2 and 5 times powers of ten, else two powers of ten over
     * two decades or more, else (within a decade or two) round numbers at a linear step.
     */
    static List<Tick> log(double lo, double hi, Predicate<List<Tick>> fits) {
        if (!(lo > 0) || !(hi > lo) || hi == Double.POSITIVE_INFINITY) {
            return List.of();
        }
        double lo10 = Math.log10(lo);
        double hi10 = Math.log10(hi);
        List<Tick> twoDecades = null;
        for (Step decades = Step.atLeast(Math.max(1, (hi10 - lo10) / 40)); ; decades = decades.next()) {
            long every = (long) decades.value();
            List<BigDecimal> values = new ArrayList<>();
            for (long k = ceilDiv((long) Math.ceil(lo10 - 1e-9), every) * every; k <= hi10 + 1e-9; k += every) {
                values.add(BigDecimal.ONE.scaleByPowerOfTen((int) k));
            }
            List<Tick> ticks = labelled(values);
            if (ticks.size() < 2) {
                break;
            }
            if (fits.test(ticks)) {
                if (ticks.size() >= 3) {
                    return ticks;
                }
                twoDecades = ticks;
                break;
            }
        }
        List<BigDecimal> values = new ArrayList<>();
        for (int k = (int) Math.floor(lo10); k <= (int) Math.ceil(hi10); k++) {
            for (int m : MANTISSAS) {
                BigDecimal v = BigDecimal.valueOf(m).scaleByPowerOfTen(k);
                if (v.doubleValue() >= lo * (1 - 1e-12) && v.doubleValue() <= hi * (1 + 1e-12)) {
                    values.add(v);
                }
            }
        }
        List<Tick> ticks = labelled(values);
        if (ticks.size() >= 3 && fits.test(ticks)) {
            return ticks;
        }
        // Linear ticks over several decades would all sit in the top one.
        if (twoDecades != null && hi10 - lo10 >= 2) {
            return twoDecades;
        }
        List<Tick> linear = linear(lo, hi, false, fits);
        return linear.size() < 3 && twoDecades != null ? twoDecades : linear;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** Labels the values in one notation, so 0.5 and 1e-5 never stand on one axis. */
    private static List<Tick> labelled(List<BigDecimal> values) {
        boolean plain = values.stream().allMatch(Ticks::readsPlainly);
        List<Tick> ticks = new ArrayList<>();
        for (BigDecimal v : values) {
            ticks.add(new Tick(v.doubleValue(), label(v, plain)));
        }
        return ticks;
    }

    /**
     * Writes a tick's value: plainly ({@code 0.05}, {@code 20000}) for the sizes people read plainly,
     * otherwise as {@code 2e-5} or {@code 1.5e7}; never with digits its step does not have.
     */
    static String label(BigDecimal v, boolean plain) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.signum() == 0) {
            return "0";
        }
        if (plain) {
            return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
        }
        int exponent = s.precision() - s.scale() - 1;
        String mantissa = s.movePointLeft(exponent).toPlainString();
        return exponent == 0 ? mantissa : mantissa + "e" + exponent;
    }

    /** Whether a number this large or this fine reads plainly. */
    static boolean readsPlainly(BigDecimal v) {
        BigDecimal a = v.abs();
        return a.signum() == 0 || a.compareTo(BigDecimal.valueOf(1, 4)) >= 0 && a.compareTo(BigDecimal.valueOf(1_000_000)) < 0;
    }

    /** A tick step of {@code mantissa} (1, 2 or 5) times ten to the {@code exponent}. */
    record Step(int mantissa, int exponent) {
        static Step atLeast(double raw) {
            if (!(raw > 0) || !Double.isFinite(raw)) {
                return new Step(1, 0);
            }
            int e = (int) Math.floor(Math.log10(raw));
            for (int m : MANTISSAS) {
                if (m * Math.pow(10, e) >= raw * (1 - 1e-9)) {
                    return new Step(m, e);
                }
            }
            return new Step(1, e + 1);
        }

        Step next() {
            return mantissa == 1 ? new Step(2, exponent) : mantissa == 2 ? new Step(5, exponent) : new Step(1, exponent + 1);
        }

        BigDecimal size() {
            return BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent);
        }

        double value() {
            return size().doubleValue();
        }

        /** Returns the multiples of this step in {@code [lo, hi]}. */
        List<Tick> ticks(double lo, double hi) {
            double step = value();
            long first = (long) Math.ceil(lo / step - 1e-9);
            long last = (long) Math.floor(hi / step + 1e-9);
            List<BigDecimal> values = new ArrayList<>();
            for (long k = first; k <= last && values.size() <= 1000; k++) {
                values.add(size().multiply(BigDecimal.valueOf(k)));
            }
            return labelled(values);
        }
    }
}
