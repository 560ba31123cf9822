package org.djx.engine.tensor;

import java.util.Arrays;
import org.djx.api.DType;
import org.djx.api.Tensor;
import org.djx.api.spi.Kernels;

/**
 * Kernels for one CPU thread on row-major float32 and float64 arrays.
 *
 * <p>Products go through {@link FloatGemm} or {@link DoubleGemm}, cache-blocked and written so that
 * the JIT vectorizes them. An instance keeps packing buffers, so it serves one thread at a time; give
 * each thread its own. After the buffers have grown to the largest product, nothing is allocated.
 */
public final class CpuKernels implements Kernels {
    private final FloatGemm floatGemm = new FloatGemm();
    private final DoubleGemm doubleGemm = new DoubleGemm();
    /** One row at a time for the row operations, so their loops run at one index (see FloatGemm). */
    private float[] floatRow = new float[0];
    private double[] doubleRow = new double[0];

    @Override
    public void gemm(boolean transposeA, boolean transposeB, double alpha, Tensor a, Tensor b, double beta, Tensor c) {
        checkShapes(transposeA, transposeB, a, b, c);
        int m = transposeA ? a.columns() : a.rows();
        int k = transposeA ? a.rows() : a.columns();
        int n = transposeB ? b.rows() : b.columns();
        DType dtype = sameType(a, b, c);
        if (dtype == DType.FLOAT32) {
            floatGemm.multiply(transposeA, transposeB, (float) alpha, a.floats(), b.floats(), (float) beta, c.floats(),
                    m, k, n);
        } else {
            doubleGemm.multiply(transposeA, transposeB, alpha, a.data(), b.data(), beta, c.data(), m, k, n);
        }
    }

    /** Throws unless op(a) op(b) fits c. */
    void checkShapes(boolean transposeA, boolean transposeB, Tensor a, Tensor b, Tensor c) {
        int m = transposeA ? a.columns() : a.rows();
        int k = transposeA ? a.rows() : a.columns();
        int kb = transposeB ? b.columns() : b.rows();
        int n = transposeB ? b.rows() : b.columns();
        if (k != kb || c.rows() != m || c.columns() != n) {
            throw new IllegalArgumentException("gemm shapes do not agree: op(a) " + m + "x" + k + ", op(b) "
                    + kb + "x" + n + ", c " + c.shape());
        }
    }

    @Override
    public void addToRows(Tensor matrix, Tensor row) {
        int n = matrix.columns();
        if (row.size() != n) {
            throw new IllegalArgumentException("row of " + row.size() + " values for " + matrix.shape());
        }
        int rows = matrix.rows();
        // Each row goes through a scratch row: two copies, but the add between them vectorizes,
        // which the in-place loop (matrix and row at different offsets) does not.
        if (sameType(matrix, row, row) == DType.FLOAT32) {
            float[] md = matrix.floats();
            float[] rd = row.floats();
            float[] t = floatRow(n);
            for (int i = 0; i < rows; i++) {
                System.arraycopy(md, i * n, t, 0, n);
                add(t, rd, n);
                System.arraycopy(t, 0, md, i * n, n);
            }
        } else {
            double[] md = matrix.data();
            double[] rd = row.data();
            double[] t = doubleRow(n);
            for (int i = 0; i < rows; i++) {
                System.arraycopy(md, i * n, t, 0, n);
                add(t, rd, n);
                System.arraycopy(t, 0, md, i * n, n);
            }
        }
    }

    @Override
    public void sumRows(Tensor matrix, Tensor out) {
        int n = matrix.columns();
        if (out.size() != n) {
            throw new IllegalArgumentException("output of " + out.size() + " values for the column sums of " + matrix.shape());
        }
        int rows = matrix.rows();
        if (sameType(matrix, out, out) == DType.FLOAT32) {
            float[] md = matrix.floats();
            float[] od = out.floats();
            float[] t = floatRow(n);
            Arrays.fill(od, 0, n, 0f);
            for (int i = 0; i < rows; i++) {
                System.arraycopy(md, i * n, t, 0, n);
                add(od, t, n);
            }
        } else {
            double[] md = matrix.data();
            double[] od = out.data();
            double[] t = doubleRow(n);
            Arrays.fill(od, 0, n, 0);
            for (int i = 0; i < rows; i++) {
                System.arraycopy(md, i * n, t, 0, n);
                add(od, t, n);
            }
        }
    }

    private float[] floatRow(int n) {
        if (floatRow.length < n) {
            floatRow = new float[n];
        }
        return floatRow;
    }

    private double[] doubleRow(int n) {
        if (doubleRow.length < n) {
            doubleRow = new double[n];
        }
        return doubleRow;
    }

    /** into[j] += x[j] for j below n. */
    private static void add(float[] into, float[] x, int n) {
        for (int j = 0; j < n; j++) {
            into[j] += x[j];
        }
    }

    private static void add(double[] into, double[] x, int n) {
        for (int j = 0; j < n; j++) {
            into[j] += x[j];
        }
    }

    private static DType sameType(Tensor a, Tensor b, Tensor c) {
        DType dtype = a.dtype();
        if (b.dtype() != dtype || c.dtype() != dtype) {
            throw new IllegalArgumentException("operands mix element types: " + a.dtype() + ", " + b.dtype() + ", "
                    + c.dtype() + "; convert with Tensor.to(dtype) first");
        }
        return dtype;
    }
}
