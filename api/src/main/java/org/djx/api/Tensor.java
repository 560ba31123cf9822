package org.djx.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense, row-major array of numbers with a {@link Shape} and a {@link DType}.
 *
 * <p>The elements live in one contiguous primitive array, which {@link #data()} (float64) or
 * {@link #floats()} (float32) hands out without copying so that kernels can work on it directly;
 * {@link #get(int)} and {@link #set(int, double)} work for either. The array may be longer than the shape needs: a
 * layer keeps one buffer for its largest batch and views a smaller last batch through
 * {@link #withRows(int)}, so training allocates nothing per step.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public final class Tensor {
    private final Shape shape;
    /** The float64 elements, or null for a float32 tensor. */
    private final double[] data;
    /** The float32 elements, or null for a float64 tensor. */
    private final float[] floats;

    private Tensor(Shape shape, double[] data, float[] floats) {
        this.shape = Objects.requireNonNull(shape, "shape");
        this.data = data;
        this.floats = floats;
        int length = data != null ? data.length : Objects.requireNonNull(floats, "data").length;
        if (length < shape.size()) {
            throw new IllegalArgumentException(
                    "array of " + length + " elements is too short for shape " + shape);
        }
    }

    private Tensor(Shape shape, double[] data) {
        this(shape, Objects.requireNonNull(data, "data"), null);
    }

    /** Returns a new float64 tensor of zeros. */
    public static Tensor zeros(int... dims) {
        return zeros(DType.FLOAT64, dims);
    }

    /** Returns a new tensor of zeros of the given element type. */
    public static Tensor zeros(DType dtype, int... dims) {
        Shape shape = Shape.of(dims);
        return dtype == DType.FLOAT64
                ? new Tensor(shape, new double[shape.size()], null)
                : new Tensor(shape, null, new float[shape.size()]);
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

    /**
     * Returns a float32 tensor that shares {@code data}; writes through either are seen by both.
     *
     * @throws IllegalArgumentException if {@code data} is shorter than the shape's size
     */
    public static Tensor wrap(Shape shape, float[] data) {
        return new Tensor(shape, null, Objects.requireNonNull(data, "data"));
    }

    /** Returns the element type. */
    public DType dtype() {
        return data != null ? DType.FLOAT64 : DType.FLOAT32;
    }

    /**
     * Returns this tensor if it already has element type {@code dtype}, else a converted copy (float64
     * to float32 rounds to nearest).
     */
    public Tensor to(DType dtype) {
        if (dtype == dtype()) {
            return this;
        }
        Tensor converted = zeros(dtype, shape.toArray());
        converted.copyFrom(this);
        return converted;
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
     * Returns the live backing array of a float64 tensor, row-major; its first {@link #size()}
     * elements are this tensor's.
     *
     * @throws IllegalStateException if this tensor is float32; see {@link #floats()}
     */
    public double[] data() {
        if (data == null) {
            throw new IllegalStateException("this " + shape + " tensor holds float32 values: read them with floats()");
        }
        return data;
    }

    /**
     * Returns the live backing array of a float32 tensor, row-major; its first {@link #size()}
     * elements are this tensor's.
     *
     * @throws IllegalStateException if this tensor is float64; see {@link #data()}
     */
    public float[] floats() {
        if (floats == null) {
            throw new IllegalStateException("this " + shape + " tensor holds float64 values: read them with data()");
        }
        return floats;
    }

    /** Returns element {@code index} in row-major order, widened to double for a float32 tensor. */
    public double get(int index) {
        checkIndex(index);
        return data != null ? data[index] : floats[index];
    }

    /** Returns element ({@code row}, {@code column}) of a matrix. */
    public double get(int row, int column) {
        return get(flatIndex(row, column));
    }

    /** Sets element {@code index} in row-major order. */
    public void set(int index, double value) {
        checkIndex(index);
        if (data != null) {
            data[index] = value;
        } else {
            floats[index] = (float) value;
        }
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
        return new Tensor(Shape.of(dims), data, floats);
    }

    /**
     * Copies {@code source}'s elements into this tensor, converting between element types; the shapes
     * must have the same size.
     */
    public void copyFrom(Tensor source) {
        int n = size();
        if (source.size() != n) {
            throw new IllegalArgumentException("cannot copy " + source.shape + " into " + shape);
        }
        if (data != null && source.data != null) {
            System.arraycopy(source.data, 0, data, 0, n);
        } else if (floats != null && source.floats != null) {
            System.arraycopy(source.floats, 0, floats, 0, n);
        } else if (data != null) {
            for (int i = 0; i < n; i++) {
                data[i] = source.floats[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                floats[i] = (float) source.data[i];
            }
        }
    }

    /** Sets every element to {@code value}. */
    public void fill(double value) {
        if (data != null) {
            Arrays.fill(data, 0, size(), value);
        } else {
            Arrays.fill(floats, 0, size(), (float) value);
        }
    }

    /** Returns a new tensor of the same type with a copy of the elements in an array of exact size. */
    public Tensor copy() {
        return data != null
                ? new Tensor(shape, Arrays.copyOf(data, size()), null)
                : new Tensor(shape, null, Arrays.copyOf(floats, size()));
    }

    /** Returns a copy of the elements as doubles, exactly {@link #size()} long. */
    public double[] toArray() {
        if (data != null) {
            return Arrays.copyOf(data, size());
        }
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = floats[i];
        }
        return out;
    }

    /** Returns a copy of a matrix as rows; a vector becomes one row. */
    public double[][] toRows() {
        int rows = shape.rank() < 2 ? 1 : rows();
        int columns = shape.rank() < 2 ? size() : columns();
        double[] all = toArray();
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOfRange(all, r * columns, (r + 1) * columns);
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
        StringBuilder sb = new StringBuilder("Tensor[").append(shape).append(data != null ? "" : " float32").append("](");
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(data != null ? data[i] : (double) floats[i]);
        }
        return sb.append(shown < size() ? ", ...)" : ")").toString();
    }
}
