package org.djx.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense, row-major array of doubles with a {@link Shape}.
 *
 * <p>The elements live in one contiguous primitive array, which {@link #data()} hands out without
 * copying so that kernels can work on it directly. The array may be longer than the shape needs: a
 * layer keeps one buffer for its largest batch and views a smaller last batch through
 * {@link #withRows(int)}, so training allocates nothing per step.
 *
 * @since 0.1
 */
public final class Tensor {
    private final Shape shape;
    private final double[] data;

    private Tensor(Shape shape, double[] data) {
        this.shape = Objects.requireNonNull(shape, "shape");
        this.data = Objects.requireNonNull(data, "data");
        if (data.length < shape.size()) {
            throw new IllegalArgumentException(
                    "array of " + data.length + " elements is too short for shape " + shape);
        }
    }

    /** Returns a new tensor of zeros. */
    public static Tensor zeros(int... dims) {
        Shape shape = Shape.of(dims);
        return new Tensor(shape, new double[shape.size()]);
    }

    /** Returns a new rank-1 tensor holding a copy of {@code values}. */
    public static Tensor vector(double... values) {
        return new Tensor(Shape.of(values.length), values.clone());
    }

    /**
     * Returns a new rank-2 tensor holding a copy of {@code rows}.
     *
     * @throws IllegalArgumentException if the rows differ in length
     */
    public static Tensor matrix(double[][] rows) {
        int columns = rows.length == 0 ? 0 : rows[0].length;
        double[] data = new double[rows.length * columns];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns) {
                throw new IllegalArgumentException(
                        "row " + r + " has " + rows[r].length + " values, row 0 has " + columns);
            }
            System.arraycopy(rows[r], 0, data, r * columns, columns);
        }
        return new Tensor(Shape.of(rows.length, columns), data);
    }

    /**
     * Returns a tensor that shares {@code data}; writes through either are seen by both.
     *
     * @throws IllegalArgumentException if {@code data} is shorter than the shape's size
     */
    public static Tensor wrap(Shape shape, double[] data) {
        return new Tensor(shape, data);
    }

    public Shape shape() {
        return shape;
    }

    /** Returns the number of elements in the shape (the backing array may be longer). */
    public int size() {
        return shape.size();
    }

    /** Returns the outermost dimension: the number of rows of a matrix, the batch size of a batch. */
    public int rows() {
        return shape.rank() == 0 ? 1 : shape.dim(0);
    }

    /** Returns the number of elements per row: 1 for a vector or scalar. */
    public int columns() {
        int columns = 1;
        for (int axis = 1; axis < shape.rank(); axis++) {
            columns *= shape.dim(axis);
        }
        return columns;
    }

    /**
     * Returns the live backing array, row-major; its first {@link #size()} elements are this tensor's.
     */
    public double[] data() {
        return data;
    }

    /** Returns element {@code index} in row-major order. */
    public double get(int index) {
        checkIndex(index);
        return data[index];
    }

    /** Returns element ({@code row}, {@code column}) of a matrix. */
    public double get(int row, int column) {
        return get(flatIndex(row, column));
    }

    /** Sets element {@code index} in row-major order. */
    public void set(int index, double value) {
        checkIndex(index);
        data[index] = value;
    }

    /** Sets element ({@code row}, {@code column}) of a matrix. */
    public void set(int row, int column, double value) {
        set(flatIndex(row, column), value);
    }

    /**
     * Returns a view of the first {@code rows} rows that shares this tensor's array.
     *
     * @throws IllegalArgumentException if {@code rows} exceeds what the array holds
     */
    public Tensor withRows(int rows) {
        int[] dims = shape.toArray();
        if (dims.length == 0) {
            throw new IllegalArgumentException("a scalar has no rows");
        }
        if (dims[0] == rows) {
            return this;
        }
        dims[0] = rows;
        return new Tensor(Shape.of(dims), data);
    }

    /** Copies {@code source}'s elements into this tensor; the shapes must have the same size. */
    public void copyFrom(Tensor source) {
        if (source.size() != size()) {
            throw new IllegalArgumentException("cannot copy " + source.shape + " into " + shape);
        }
        System.arraycopy(source.data, 0, data, 0, size());
    }

    /** Sets every element to {@code value}. */
    public void fill(double value) {
        Arrays.fill(data, 0, size(), value);
    }

    /** Returns a new tensor with a copy of this one's elements and a backing array of exact size. */
    public Tensor copy() {
        return new Tensor(shape, Arrays.copyOf(data, size()));
    }

    /** Returns a copy of the elements, exactly {@link #size()} long. */
    public double[] toArray() {
        return Arrays.copyOf(data, size());
    }

    /** Returns a copy of a matrix as rows; a vector becomes one row. */
    public double[][] toRows() {
        int rows = shape.rank() < 2 ? 1 : rows();
        int columns = shape.rank() < 2 ? size() : columns();
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOfRange(data, r * columns, (r + 1) * columns);
        }
        return out;
    }

    private int flatIndex(int row, int column) {
        if (shape.rank() != 2) {
            throw new IllegalStateException("(row, column) access needs a matrix, shape is " + shape);
        }
        if (row < 0 || row >= shape.dim(0) || column < 0 || column >= shape.dim(1)) {
            throw new IndexOutOfBoundsException("(" + row + ", " + column + ") outside " + shape);
        }
        return row * shape.dim(1) + column;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("index " + index + " outside " + shape);
        }
    }

    /** Returns the shape and up to the first 16 elements. */
    @Override
    public String toString() {
        int shown = Math.min(size(), 16);
        StringBuilder sb = new StringBuilder("Tensor[").append(shape).append("](");
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(data[i]);
        }
        return sb.append(shown < size() ? ", ...)" : ")").toString();
    }
}
