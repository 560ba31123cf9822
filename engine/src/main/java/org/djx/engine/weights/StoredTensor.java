package org.djx.engine.weights;

import java.util.Arrays;
import java.util.Objects;
import org.djx.api.DType;

/**
 * One tensor of a weights file: its element type, its shape and its values in row-major (C) order.
 *
 * <p>Values are doubles whatever the type; a {@link DType#FLOAT32} tensor holds only values a float can hold
 * exactly, so that writing and reading it back gives the same values. The arrays are copied in and out.
 */
public final class StoredTensor {
    private final DType dtype;
    private final int[] shape;
    private final double[] values;

    private StoredTensor(DType dtype, int[] shape, double[] values) {
        this.dtype = dtype;
        this.shape = shape;
        this.values = values;
    }

    /**
     * Returns a tensor of {@code dtype} with {@code shape} (empty for a scalar) and {@code values} in row-major
     * order; both arrays are copied.
     *
     * @throws IllegalArgumentException if a dimension is negative, the number of values is not the product of
     *                                  the dimensions, or a {@code FLOAT32} value is not exactly a float
     */
    public static StoredTensor of(DType dtype, int[] shape, double[] values) {
        Objects.requireNonNull(dtype, "dtype");
        int[] dims = Objects.requireNonNull(shape, "shape").clone();
        double[] copy = Objects.requireNonNull(values, "values").clone();
        long expected = 1;
        for (int dim : dims) {
            if (dim < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has a negative dimension");
            }
            expected = Math.min(expected * dim, Integer.MAX_VALUE + 1L);
        }
        if (expected != copy.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " holds " + expected + " values, but "
                    + copy.length + " were given");
        }
        if (dtype == DType.FLOAT32) {
            requireFloats(copy);
        }
        return new StoredTensor(dtype, dims, copy);
    }

    /** Wraps arrays the reader has just filled and checked, without copying them again. */
    static StoredTensor adopt(DType dtype, int[] shape, double[] values) {
        return new StoredTensor(dtype, shape, values);
    }

    private static void requireFloats(double[] values) {
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            // NaN compares unequal to itself, yet every NaN has a float form.
            if ((float) v != v && !Double.isNaN(v)) {
                throw new IllegalArgumentException("value " + v + " at index " + i + " is not a float32 value, so it"
                        + " would not read back the same; round the values with (float) or store the tensor as FLOAT64");
            }
        }
    }

    /** Returns the element type. */
    public DType dtype() {
        return dtype;
    }

    /** Returns a copy of the dimensions; empty for a scalar. */
    public int[] shape() {
        return shape.clone();
    }

    /** Returns a copy of the values in row-major order. */
    public double[] values() {
        return values.clone();
    }

    /** Returns the number of values: the product of the dimensions, 1 for a scalar. */
    public int size() {
        return values.length;
    }

    /** Returns the internal values, for the writer alone, which only reads them. */
    double[] valuesUnshared() {
        return values;
    }

    int[] shapeUnshared() {
        return shape;
    }

    /** Two tensors are equal when type, shape and values are; NaN equals NaN and 0.0 differs from -0.0. */
    @Override
    public boolean equals(Object o) {
        return o instanceof StoredTensor t && dtype == t.dtype && Arrays.equals(shape, t.shape)
                && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "StoredTensor[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
