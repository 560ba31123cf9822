package org.djx.engine.tensor;

import org.djx.api.Tensor;
import org.djx.api.spi.Kernels;

/**
 * Kernels for one CPU thread on row-major double arrays.
 *
 * <p>Each product's inner loop runs along a contiguous row of the output with a scalar from the left
 * operand, which the JIT turns into vector fused multiply-adds; no variant walks a matrix column by
 * column in its innermost loop.
 *
 * <p>An instance keeps a scratch buffer, so it serves one thread at a time; give each thread its own.
 */
public final class CpuKernels implements Kernels {
    private double[] scratch = new double[0];

    @Override
    public void gemm(boolean transposeA, boolean transposeB, double alpha, Tensor a, Tensor b, double beta, Tensor c) {
        int m = transposeA ? a.columns() : a.rows();
        int k = transposeA ? a.rows() : a.columns();
        int kb = transposeB ? b.columns() : b.rows();
        int n = transposeB ? b.rows() : b.columns();
        if (k != kb || c.rows() != m || c.columns() != n) {
            throw new IllegalArgumentException("gemm shapes do not agree: op(a) " + m + "x" + k + ", op(b) "
                    + kb + "x" + n + ", c " + c.shape());
        }
        double[] cd = c.data();
        scale(cd, m * n, beta);
        double[] ad = a.data();
        // op(b) = b^T is copied out transposed first: the copy costs O(k n) against the product's
        // O(m k n), and lets every variant run its inner loop along contiguous rows.
        double[] bd = transposeB ? transpose(b.data(), n, k) : b.data();
        if (!transposeA) {
            for (int i = 0; i < m; i++) {
                int ci = i * n;
                for (int p = 0; p < k; p++) {
                    double s = alpha * ad[i * k + p];
                    if (s != 0) {
                        int bp = p * n;
                        for (int j = 0; j < n; j++) {
                            cd[ci + j] += s * bd[bp + j];
                        }
                    }
                }
            }
        } else {
            // c[i][j] += a[p][i] * b[p][j]: walk a's rows, each feeding every row of c.
            for (int p = 0; p < k; p++) {
                int ap = p * m;
                int bp = p * n;
                for (int i = 0; i < m; i++) {
                    double s = alpha * ad[ap + i];
                    if (s != 0) {
                        int ci = i * n;
                        for (int j = 0; j < n; j++) {
                            cd[ci + j] += s * bd[bp + j];
                        }
                    }
                }
            }
        }
    }

    /** Returns the {@code cols x rows} transpose of a row-major {@code rows x cols} array, in scratch. */
    private double[] transpose(double[] source, int rows, int cols) {
        if (scratch.length < rows * cols) {
            scratch = new double[rows * cols];
        }
        for (int r = 0; r < rows; r++) {
            int off = r * cols;
            for (int c = 0; c < cols; c++) {
                scratch[c * rows + r] = source[off + c];
            }
        }
        return scratch;
    }

    @Override
    public void addToRows(Tensor matrix, Tensor row) {
        int n = matrix.columns();
        if (row.size() != n) {
            throw new IllegalArgumentException("row of " + row.size() + " values for " + matrix.shape());
        }
        double[] md = matrix.data();
        double[] rd = row.data();
        for (int i = 0, rows = matrix.rows(); i < rows; i++) {
            int off = i * n;
            for (int j = 0; j < n; j++) {
                md[off + j] += rd[j];
            }
        }
    }

    @Override
    public void sumRows(Tensor matrix, Tensor out) {
        int n = matrix.columns();
        if (out.size() != n) {
            throw new IllegalArgumentException("output of " + out.size() + " values for the column sums of " + matrix.shape());
        }
        double[] md = matrix.data();
        double[] od = out.data();
        java.util.Arrays.fill(od, 0, n, 0);
        for (int i = 0, rows = matrix.rows(); i < rows; i++) {
            int off = i * n;
            for (int j = 0; j < n; j++) {
                od[j] += md[off + j];
            }
        }
    }

    private static void scale(double[] data, int n, double beta) {
        if (beta == 0) {
            java.util.Arrays.fill(data, 0, n, 0);
        } else if (beta != 1) {
            for (int i = 0; i < n; i++) {
                data[i] *= beta;
            }
        }
    }
}
