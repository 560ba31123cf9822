package org.djx.testkit;

import org.djx.api.DType;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.api.spi.Kernels;

/**
 * A naive, obviously correct implementation of {@link Kernels} for tests: every output element is one
 * plain loop over the definition, with no blocking, no vectorization and no shortcuts.
 *
 * <p>It is stricter than fast kernels need to be, so that a layer that misuses them fails in its tests
 * rather than on some engine: {@code gemm} takes rank-2 tensors only, {@code c} must not share its
 * array with {@code a} or {@code b} (fast kernels overwrite {@code c} while still reading), and a row
 * argument must be rank 1 or a single row of exactly the matrix's width. Only the first
 * {@link Tensor#size()} elements of each backing array are read or written.
 *
 * @since 0.1
 */
public final class ReferenceKernels implements Kernels {
    /** Creates the kernels; they hold no state. */
    public ReferenceKernels() {
    }

    /**
     * Computes {@code c[i][j] = alpha * sum_p op(a)[i][p] * op(b)[p][j] + beta * c[i][j]}; with
     * {@code beta == 0} the previous {@code c[i][j]} is not read at all, so NaN there is ignored.
     *
     * @throws IllegalArgumentException if a tensor is not rank 2, the shapes do not agree, or {@code c}
     *                                  shares its array with {@code a} or {@code b}
     */
    @Override
    public void gemm(boolean transposeA, boolean transposeB, double alpha, Tensor a, Tensor b, double beta, Tensor c) {
        requireMatrix("a", a);
        requireMatrix("b", b);
        requireMatrix("c", c);
        int m = transposeA ? a.shape().dim(1) : a.shape().dim(0);
        int k = transposeA ? a.shape().dim(0) : a.shape().dim(1);
        int kb = transposeB ? b.shape().dim(1) : b.shape().dim(0);
        int n = transposeB ? b.shape().dim(0) : b.shape().dim(1);
        if (k != kb || c.shape().dim(0) != m || c.shape().dim(1) != n) {
            throw new IllegalArgumentException("gemm shapes do not agree: op(a) is " + m + "x" + k + " (a " + a.shape()
                    + (transposeA ? " transposed" : "") + "), op(b) is " + kb + "x" + n + " (b " + b.shape()
                    + (transposeB ? " transposed" : "") + "), c is " + c.shape() + "; expected c " + m + "x" + n);
        }
        requireSameType(a, b, c);
        if (sameArray(c, a) || sameArray(c, b)) {
            throw new IllegalArgumentException("gemm output c shares its array with "
                    + (sameArray(c, a) ? "a" : "b") + "; kernels do not compute products in place");
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double left = transposeA ? a.get(p, i) : a.get(i, p);
                    double right = transposeB ? b.get(j, p) : b.get(p, j);
                    sum += left * right;
                }
                double previous = beta == 0 ? 0 : beta * c.get(i, j);
                c.set(i, j, alpha * sum + previous);
            }
        }
    }

    /**
     * Adds {@code row} to every row of {@code matrix}.
     *
     * @throws IllegalArgumentException if {@code matrix} is not rank 2 or {@code row} is not a vector of
     *                                  its width
     */
    @Override
    public void addToRows(Tensor matrix, Tensor row) {
        requireMatrix("matrix", matrix);
        int columns = matrix.shape().dim(1);
        requireRow("row", row, columns, matrix.shape());
        for (int i = 0; i < matrix.shape().dim(0); i++) {
            for (int j = 0; j < columns; j++) {
                matrix.set(i, j, matrix.get(i, j) + row.get(j));
            }
        }
    }

    /**
     * Overwrites {@code out} with the column sums of {@code matrix}.
     *
     * @throws IllegalArgumentException if {@code matrix} is not rank 2 or {@code out} is not a vector of
     *                                  its width
     */
    @Override
    public void sumRows(Tensor matrix, Tensor out) {
        requireMatrix("matrix", matrix);
        int columns = matrix.shape().dim(1);
        requireRow("out", out, columns, matrix.shape());
        for (int j = 0; j < columns; j++) {
            double sum = 0;
            for (int i = 0; i < matrix.shape().dim(0); i++) {
                sum += matrix.get(i, j);
            }
            out.set(j, sum);
        }
    }

    private static boolean sameArray(Tensor x, Tensor y) {
        if (x.dtype() != y.dtype()) {
            return false;
        }
        return x.dtype() == DType.FLOAT32 ? x.floats() == y.floats() : x.data() == y.data();
    }

    private static void requireSameType(Tensor a, Tensor b, Tensor c) {
        if (a.dtype() != b.dtype() || a.dtype() != c.dtype()) {
            throw new IllegalArgumentException("operands mix element types: a " + a.dtype() + ", b " + b.dtype()
                    + ", c " + c.dtype());
        }
    }

    private static void requireMatrix(String name, Tensor t) {
        if (t.shape().rank() != 2) {
            throw new IllegalArgumentException(name + " must be a matrix (rank 2), found shape " + t.shape());
        }
    }

    private static void requireRow(String name, Tensor t, int columns, Shape matrix) {
        Shape s = t.shape();
        boolean vector = s.rank() == 1 && s.dim(0) == columns;
        boolean singleRow = s.rank() == 2 && s.dim(0) == 1 && s.dim(1) == columns;
        if (!vector && !singleRow) {
            throw new IllegalArgumentException(name + " must be a vector of " + columns + " values (rank 1 or 1x"
                    + columns + ") for a " + matrix + " matrix, found shape " + s);
        }
    }
}
