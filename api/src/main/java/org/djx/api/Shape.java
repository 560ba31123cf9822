package org.djx.api;

import java.util.Arrays;

/**
 * The dimensions of a {@link Tensor}, outermost first (a batch of rows is {@code [rows, columns]}).
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public final class Shape {
    private final int[] dims;

    private Shape(int[] dims) {
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(dims));
            }
        }
        this.dims = dims;
    }

    /** Returns the shape with the given dimensions, outermost first. */
    public static Shape of(int... dims) {
        return new Shape(dims.clone());
    }

    /** Returns the number of dimensions. */
    public int rank() {
        return dims.length;
    }

    /** Returns dimension {@code axis}, counting from 0 for the outermost. */
    public int dim(int axis) {
        return dims[axis];
    }

    /** Returns the number of elements, the product of all dimensions (1 for rank 0). */
    public int size() {
        long n = 1;
        for (int d : dims) {
            n *= d;
            if (n > Integer.MAX_VALUE) {
                // Checked at each step, so the product can never wrap around a long.
                throw new IllegalArgumentException("shape " + this + " has more than 2^31-1 elements");
            }
        }
        return (int) n;
    }

    /** Returns a copy of the dimensions. */
    public int[] toArray() {
        return dims.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Returns the dimensions joined by 'x', as in {@code 2x3}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) {
                sb.append('x');
            }
            sb.append(dims[i]);
        }
        return sb.length() == 0 ? "scalar" : sb.toString();
    }
}
