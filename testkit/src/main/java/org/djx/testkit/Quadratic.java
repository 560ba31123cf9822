package org.djx.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.djx.api.Parameter;
import org.djx.api.Shape;

/**
 * A fixed convex test problem for optimizers, {@code f(w) = 1/2 sum_i a_i (w_i - c_i)^2} with gradient
 * {@code a_i (w_i - c_i)}, whose variables are spread over one or more {@link Parameter}s.
 *
 * <p>Variable i is element i of the concatenation of the parameters' values, in order; parameter k is a
 * vector named {@code w<k>} with role {@link Parameter.Role#WEIGHT} and fan-in and fan-out 1.
 * Instances are immutable.
 *
 * @since 0.1
 */
public final class Quadratic {
    private final double[] curvature;
    private final double[] center;
    private final double[] start;
    private final int[] sizes;

    private Quadratic(double[] curvature, double[] center, double[] start, int[] sizes) {
        this.curvature = curvature;
        this.center = center;
        this.start = start;
        this.sizes = sizes;
    }

    /**
     * Returns the problem with curvatures {@code a}, center {@code c} and starting point {@code start},
     * all its variables in one parameter.
     *
     * @throws IllegalArgumentException if the arrays are empty or differ in length, a value is not finite
     *                                  or a curvature is not positive
     */
    public static Quadratic of(double[] curvature, double[] center, double[] start) {
        int n = curvature.length;
        if (n == 0 || center.length != n || start.length != n) {
            throw new IllegalArgumentException("curvature, center and start must be equally long and non-empty, found "
                    + curvature.length + ", " + center.length + " and " + start.length + " values");
        }
        for (int i = 0; i < n; i++) {
            if (!(curvature[i] > 0) || !Double.isFinite(curvature[i]) || !Double.isFinite(center[i])
                    || !Double.isFinite(start[i])) {
                throw new IllegalArgumentException("variable " + i + " needs a positive finite curvature and a finite"
                        + " center and start, found a = " + curvature[i] + ", c = " + center[i] + ", start = " + start[i]);
            }
        }
        return new Quadratic(curvature.clone(), center.clone(), start.clone(), new int[] {n});
    }

    /**
     * Returns the problem the generic optimizer checks use: {@code a = (0.5, 1, 2, 4)},
     * {@code c = (1, -2, 0.5, 3)}, starting at {@code (-1, 1, 2.5, 0)} (at least 2 from the center in every
     * variable), over two parameters of sizes 3 and 1.
     */
    public static Quadratic standard() {
        return of(new double[] {0.5, 1, 2, 4}, new double[] {1, -2, 0.5, 3}, new double[] {-1, 1, 2.5, 0}).split(3, 1);
    }

    /**
     * Returns the same problem with its variables spread over parameters of the given sizes, in order.
     *
     * @throws IllegalArgumentException if a size is not positive or the sizes do not add up to {@link #size()}
     */
    public Quadratic split(int... parameterSizes) {
        int total = 0;
        for (int s : parameterSizes) {
            if (s < 1) {
                throw new IllegalArgumentException("parameter sizes must be positive: " + Arrays.toString(parameterSizes));
            }
            total += s;
        }
        if (parameterSizes.length == 0 || total != size()) {
            throw new IllegalArgumentException("parameter sizes " + Arrays.toString(parameterSizes) + " must add up to "
                    + size() + " variables");
        }
        return new Quadratic(curvature, center, start, parameterSizes.clone());
    }

    /** Returns the number of variables. */
    public int size() {
        return curvature.length;
    }

    /** Returns a copy of the starting point. */
    public double[] start() {
        return start.clone();
    }

    /** Returns {@code f(w)}. */
    public double value(double[] w) {
        if (w.length != size()) {
            throw new IllegalArgumentException("expected " + size() + " values, found " + w.length);
        }
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            double d = w[i] - center[i];
            sum += curvature[i] * d * d;
        }
        return sum / 2;
    }

    /** Returns new parameters holding the starting point, with zero gradients. */
    List<Parameter> newParameters() {
        List<Parameter> parameters = new ArrayList<>();
        int offset = 0;
        for (int k = 0; k < sizes.length; k++) {
            Parameter p = new Parameter("w" + k, Parameter.Role.WEIGHT, Shape.of(sizes[k]), 1, 1);
            System.arraycopy(start, offset, p.value().data(), 0, sizes[k]);
            parameters.add(p);
            offset += sizes[k];
        }
        return parameters;
    }

    /** Overwrites every parameter's gradient with {@code a_i (w_i - c_i)} at its current value. */
    void writeGradients(List<Parameter> parameters) {
        int i = 0;
        for (Parameter p : parameters) {
            double[] w = p.value().data();
            double[] g = p.gradient().data();
            for (int j = 0; j < p.value().size(); j++, i++) {
                g[j] = curvature[i] * (w[j] - center[i]);
            }
        }
    }

    /** Returns the parameters' values concatenated. */
    static double[] values(List<Parameter> parameters) {
        int n = 0;
        for (Parameter p : parameters) {
            n += p.value().size();
        }
        double[] out = new double[n];
        int offset = 0;
        for (Parameter p : parameters) {
            System.arraycopy(p.value().data(), 0, out, offset, p.value().size());
            offset += p.value().size();
        }
        return out;
    }

    /** Names variable i by its parameter and index there, as in {@code element 1 of 'w0'}. */
    String variable(int i) {
        int rest = i;
        for (int k = 0; k < sizes.length; k++) {
            if (rest < sizes[k]) {
                return "variable " + i + " (element " + rest + " of 'w" + k + "')";
            }
            rest -= sizes[k];
        }
        throw new IndexOutOfBoundsException(i);
    }

    /** Returns the formula with its numbers, for messages. */
    @Override
    public String toString() {
        return "f(w) = 1/2 sum_i a_i (w_i - c_i)^2 with a = " + Arrays.toString(curvature) + ", c = "
                + Arrays.toString(center) + ", start " + Arrays.toString(start) + ", parameter sizes "
                + Arrays.toString(sizes);
    }
}
