package org.djx.engine.tensor;

/**
 * {@code c = alpha op(a) op(b) + beta c} on row-major double arrays, for one thread.
 *
 * <p>Why it is shaped this way: the JIT turns a loop into vector instructions only when no store of
 * one iteration can feed a load of another. For {@code c[ci + j] += s * b[bj + j]} it cannot rule
 * that out (c and b might be one array at two offsets), so such a loop stays scalar, at a tenth of
 * the speed. Every hot loop here therefore reads and writes distinct arrays at the same index
 * {@code j} from 0: a panel of op(b) is first copied into one array per row, and four rows of c are
 * accumulated in four row buffers, each op(b) element loaded once for four fused multiply-adds.
 * The panel (256 rows of up to 256 values, 512 KiB) stays in the core's L2 cache while every row of
 * c passes over it.
 *
 * <p>{@link FloatGemm} is the same algorithm on floats; change both together.
 */
final class DoubleGemm {
    private static final int PANEL_ROWS = 256;
    private static final int PANEL_COLUMNS = 256;

    private double[][] panel = new double[0][];
    private int panelWidth;
    private double[] c0 = new double[0];
    private double[] c1 = new double[0];
    private double[] c2 = new double[0];
    private double[] c3 = new double[0];

    /**
     * Computes the product for op(a) of {@code m x k}, op(b) of {@code k x n} and c of {@code m x n};
     * with {@code beta == 0} c's previous contents, even NaN, are ignored.
     */
    void multiply(boolean transposeA, boolean transposeB, double alpha, double[] a, double[] b, double beta, double[] c,
            int m, int k, int n) {
        multiply(transposeA, transposeB, alpha, a, 0, transposeA ? m : k, b, beta, c, 0, m, k, n);
    }

    /**
     * Computes rows of a product, for threads that share one: op(a)[i][q] is
     * {@code a[aOffset + i * lda + q]}, or {@code a[aOffset + q * lda + i]} when transposed, and row i
     * of c starts at {@code cOffset + i * n}.
     */
    void multiply(boolean transposeA, boolean transposeB, double alpha, double[] a, int aOffset, int lda, double[] b,
            double beta, double[] c, int cOffset, int m, int k, int n) {
        scale(c, cOffset, m * n, beta);
        if (m == 0 || n == 0 || k == 0 || alpha == 0) {
            return;
        }
        if (n == 1 && !transposeA) {
            dotRows(alpha, a, aOffset, lda, b, c, cOffset, m, k);
        } else if (n == 1 && aOffset == 0 && lda == m) {
            // A one-column c is also a one-row c^T = op(b)^T op(a)^T: op(b)'s k values form the row,
            // and op(a)^T is a itself, so rows of a are the long contiguous runs the kernel wants.
            blocked(false, false, alpha, b, 0, k, a, c, cOffset, 1, k, m);
        } else {
            blocked(transposeA, transposeB, alpha, a, aOffset, lda, b, c, cOffset, m, k, n);
        }
    }

    /** c[i] += alpha * (row i of a) . b, for a matrix-vector product: eight independent sums per row. */
    private static void dotRows(double alpha, double[] a, int aOffset, int lda, double[] b, double[] c, int cOffset, int m,
            int k) {
        for (int i = 0; i < m; i++) {
            int row = aOffset + i * lda;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int p = 0;
            for (; p + 4 <= k; p += 4) {
                s0 += a[row + p] * b[p];
                s1 += a[row + p + 1] * b[p + 1];
                s2 += a[row + p + 2] * b[p + 2];
                s3 += a[row + p + 3] * b[p + 3];
            }
            for (; p < k; p++) {
                s0 += a[row + p] * b[p];
            }
            c[cOffset + i] += alpha * ((s0 + s1) + (s2 + s3));
        }
    }

    private void blocked(boolean transposeA, boolean transposeB, double alpha, double[] a, int aOffset, int lda, double[] b,
            double[] c, int cOffset, int m, int k, int n) {
        // op(a)[i][q] = a[aOffset + i * rowStep + q * columnStep]
        int rowStep = transposeA ? 1 : lda;
        int columnStep = transposeA ? lda : 1;
        for (int jc = 0; jc < n; jc += PANEL_COLUMNS) {
            int nb = Math.min(PANEL_COLUMNS, n - jc);
            for (int pc = 0; pc < k; pc += PANEL_ROWS) {
                int kb = Math.min(PANEL_ROWS, k - pc);
                pack(transposeB, b, pc, kb, jc, nb, k, n);
                int i = 0;
                for (; i + 4 <= m; i += 4) {
                    int r0 = cOffset + i * n + jc;
                    System.arraycopy(c, r0, c0, 0, nb);
                    System.arraycopy(c, r0 + n, c1, 0, nb);
                    System.arraycopy(c, r0 + 2 * n, c2, 0, nb);
                    System.arraycopy(c, r0 + 3 * n, c3, 0, nb);
                    for (int p = 0; p < kb; p++) {
                        int at = aOffset + i * rowStep + (pc + p) * columnStep;
                        double s0 = alpha * a[at];
                        double s1 = alpha * a[at + rowStep];
                        double s2 = alpha * a[at + 2 * rowStep];
                        double s3 = alpha * a[at + 3 * rowStep];
                        if (s0 != 0 && s1 != 0 && s2 != 0 && s3 != 0) {
                            rows4(s0, s1, s2, s3, panel[p], c0, c1, c2, c3, nb);
                        } else {
                            rowsSparse(s0, s1, s2, s3, panel[p], c0, c1, c2, c3, nb);
                        }
                    }
                    System.arraycopy(c0, 0, c, r0, nb);
                    System.arraycopy(c1, 0, c, r0 + n, nb);
                    System.arraycopy(c2, 0, c, r0 + 2 * n, nb);
                    System.arraycopy(c3, 0, c, r0 + 3 * n, nb);
                }
                for (; i < m; i++) {
                    int r0 = cOffset + i * n + jc;
                    System.arraycopy(c, r0, c0, 0, nb);
                    for (int p = 0; p < kb; p++) {
                        double s = alpha * a[aOffset + i * rowStep + (pc + p) * columnStep];
                        if (s != 0) {
                            row1(s, panel[p], c0, nb);
                        }
                    }
                    System.arraycopy(c0, 0, c, r0, nb);
                }
            }
        }
    }

    /** Copies op(b)[pc, pc + kb) x [jc, jc + nb) into the first kb panel rows. */
    private void pack(boolean transposeB, double[] b, int pc, int kb, int jc, int nb, int k, int n) {
        ensureCapacity(kb, nb);
        if (!transposeB) {
            for (int p = 0; p < kb; p++) {
                System.arraycopy(b, (pc + p) * n + jc, panel[p], 0, nb);
            }
        } else {
            // op(b)[p][j] = b[j][p]: read b along its rows, scatter into the panel's columns.
            for (int j = 0; j < nb; j++) {
                int row = (jc + j) * k + pc;
                for (int p = 0; p < kb; p++) {
                    panel[p][j] = b[row + p];
                }
            }
        }
    }

    private void ensureCapacity(int rows, int columns) {
        if (columns > panelWidth) {
            panelWidth = columns;
            panel = new double[Math.max(rows, panel.length)][columns];
            c0 = new double[columns];
            c1 = new double[columns];
            c2 = new double[columns];
            c3 = new double[columns];
        } else if (rows > panel.length) {
            double[][] grown = java.util.Arrays.copyOf(panel, rows);
            for (int p = panel.length; p < rows; p++) {
                grown[p] = new double[panelWidth];
            }
            panel = grown;
        }
    }

    private static void rows4(double s0, double s1, double s2, double s3, double[] b, double[] c0, double[] c1, double[] c2,
            double[] c3, int n) {
        for (int j = 0; j < n; j++) {
            double v = b[j];
            c0[j] += s0 * v;
            c1[j] += s1 * v;
            c2[j] += s2 * v;
            c3[j] += s3 * v;
        }
    }

    /**
     * The rows4 update when some multipliers are 0, as in one-hot inputs: each nonzero one on its own, so
     * zeros cost nothing; the sums are the same as rows4's, term by term.
     */
    private static void rowsSparse(double s0, double s1, double s2, double s3, double[] b, double[] c0, double[] c1, double[] c2,
            double[] c3, int n) {
        if (s0 != 0) {
            row1(s0, b, c0, n);
        }
        if (s1 != 0) {
            row1(s1, b, c1, n);
        }
        if (s2 != 0) {
            row1(s2, b, c2, n);
        }
        if (s3 != 0) {
            row1(s3, b, c3, n);
        }
    }

    private static void row1(double s, double[] b, double[] c, int n) {
        for (int j = 0; j < n; j++) {
            c[j] += s * b[j];
        }
    }

    private static void scale(double[] c, int from, int size, double beta) {
        if (beta == 0) {
            java.util.Arrays.fill(c, from, from + size, 0.0);
        } else if (beta != 1) {
            for (int i = from; i < from + size; i++) {
                c[i] *= beta;
            }
        }
    }
}
