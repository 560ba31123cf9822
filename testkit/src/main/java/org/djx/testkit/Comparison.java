package org.djx.testkit;

import java.util.SplittableRandom;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.api.spi.Config;

/** Element-wise comparison with the kit's relative error, and the formatting its messages share. */
final class Comparison {
    /** The smallest denominator of the relative error, so exact zeros on both sides compare equal. */
    static final double FLOOR = 1e-8;

    private Comparison() {
    }

    /** Returns {@code |a - b| / max(|a| + |b|, FLOOR)}; infinite when either side is not finite. */
    static double relativeError(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            return a == b ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(a - b) / Math.max(Math.abs(a) + Math.abs(b), FLOOR);
    }

    /**
     * Compares {@code actual} with {@code expected} element by element; returns null when every relative
     * error is within {@code tolerance}, otherwise the worst element described as
     * {@code element (1, 0): analytic 0.5, numeric 0.25, relative error 0.33 > 1.0E-6 (2 of 6 elements exceed the bound)}.
     *
     * @param actualName   how to call the checked values, such as {@code analytic}
     * @param expectedName how to call the reference values, such as {@code numeric}
     */
    static String compare(Shape shape, double[] actual, double[] expected, double tolerance, String actualName,
            String expectedName) {
        int worst = -1;
        double worstError = -1;
        int failing = 0;
        for (int i = 0; i < shape.size(); i++) {
            double error = relativeError(actual[i], expected[i]);
            if (!(error <= tolerance)) {
                failing++;
            }
            if (error > worstError || Double.isNaN(error)) {
                worst = i;
                worstError = Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
            }
        }
        if (failing == 0) {
            return null;
        }
        return "element " + index(shape, worst) + ": " + actualName + " "
                + actual[worst] + ", " + expectedName + " " + expected[worst] + ", relative error " + worstError
                + " > " + tolerance + " (" + failing + " of " + shape.size() + " elements exceed the bound)";
    }

    /** Formats a row-major position as its multi-index: {@code (row, column)} for a matrix. */
    static String index(Shape shape, int flat) {
        int[] dims = shape.toArray();
        if (dims.length == 0) {
            return "()";
        }
        int[] idx = new int[dims.length];
        int rest = flat;
        for (int axis = dims.length - 1; axis >= 0; axis--) {
            idx[axis] = rest % dims[axis];
            rest /= dims[axis];
        }
        StringBuilder sb = new StringBuilder("(");
        for (int axis = 0; axis < idx.length; axis++) {
            sb.append(axis == 0 ? "" : ", ").append(idx[axis]);
        }
        return sb.append(')').toString();
    }

    /** Describes a plugin with its configuration: {@code 'linear' {outputs=3, bias=true}}. */
    static String plugin(String kind, String name, Config config) {
        return kind + " '" + name + "' " + config;
    }

    /** How many NaN elements follow a tensor's own in the arrays the kit hands to plugins. */
    static final int PADDING = 7;

    /**
     * Returns a tensor of {@code shape} holding {@code values}, viewing an array that is {@link #PADDING}
     * elements longer and NaN there, as the engine's smaller last batch views its buffer.
     */
    static Tensor padded(Shape shape, double[] values) {
        double[] array = new double[shape.size() + PADDING];
        java.util.Arrays.fill(array, Double.NaN);
        System.arraycopy(values, 0, array, 0, shape.size());
        return Tensor.wrap(shape, array);
    }

    /** Returns the index of the first element past {@code t}'s size that is no longer NaN, or -1. */
    static int writtenPastSize(Tensor t) {
        double[] array = t.data();
        for (int k = t.size(); k < array.length; k++) {
            if (!Double.isNaN(array[k])) {
                return k;
            }
        }
        return -1;
    }

    /** Returns a value whose magnitude is in [low, high) and whose sign is random. */
    static double awayFromZero(SplittableRandom random, double low, double high) {
        double magnitude = random.nextDouble(low, high);
        return random.nextBoolean() ? magnitude : -magnitude;
    }
}
