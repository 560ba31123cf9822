import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.djx.api.DType;
import org.djx.api.Tensor;
import org.djx.api.spi.Kernels;
import org.djx.engine.tensor.CpuKernels;

/**
 * A measurement, not part of djx: float32 products with the incubating Vector API, for
 * {@code MlpThroughput} to train with in place of djx's kernels (system property
 * {@code djx.bench.kernels=VectorKernels}), so that what the Vector API would give a whole training
 * run is measured rather than guessed. It keeps a 4-row by 2-vector tile of c in registers over up
 * to 256 steps of the inner dimension; transposed operands are copied out first. Shapes it does not
 * cover (columns not a multiple of two vectors, float64) go to djx's kernels.
 *
 * <p>Build and run (from the project folder, after {@code mvn -q package -DskipTests}):
 * <pre>
 * javac --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar -d /tmp/vector-kernels bench/vector-api/VectorKernels.java
 * java --add-modules jdk.incubator.vector -Ddjx.bench.kernels=VectorKernels -XX:+UseSerialGC \
 *     -cp bench/target/benchmarks.jar:/tmp/vector-kernels org.djx.bench.MlpThroughput 100000 331 256 1024 2
 * </pre>
 */
public final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int DEPTH = 256;

    private final CpuKernels fallback = new CpuKernels();
    private float[] opA = new float[0];
    private float[] opB = new float[0];
    /** One strip of op(b): DEPTH rows of two vectors, contiguous, so it stays in the L1 cache. */
    private final float[] strip = new float[DEPTH * 2 * L];

    @Override
    public void gemm(boolean transposeA, boolean transposeB, double alpha, Tensor a, Tensor b, double beta, Tensor c) {
        int m = transposeA ? a.columns() : a.rows();
        int k = transposeA ? a.rows() : a.columns();
        int n = transposeB ? b.rows() : b.columns();
        if (a.dtype() != DType.FLOAT32 || b.dtype() != DType.FLOAT32 || c.dtype() != DType.FLOAT32
                || n % (2 * L) != 0 || c.rows() != m || c.columns() != n || (transposeB ? b.columns() : b.rows()) != k) {
            fallback.gemm(transposeA, transposeB, alpha, a, b, beta, c);
            return;
        }
        float[] x = transposeA ? opA = transpose(a.floats(), k, m, opA) : a.floats();
        float[] y = transposeB ? opB = transpose(b.floats(), n, k, opB) : b.floats();
        float[] z = c.floats();
        float f = (float) alpha;
        if (beta == 0) {
            java.util.Arrays.fill(z, 0, m * n, 0f);
        } else if (beta != 1) {
            for (int i = 0; i < m * n; i++) {
                z[i] *= (float) beta;
            }
        }
        for (int pc = 0; pc < k; pc += DEPTH) {
            int pe = Math.min(k, pc + DEPTH);
            for (int j = 0; j < n; j += 2 * L) {
                for (int p = pc; p < pe; p++) {
                    System.arraycopy(y, p * n + j, strip, (p - pc) * 2 * L, 2 * L);
                }
                for (int i = 0; i + 4 <= m; i += 4) {
                    tile(x, strip, z, i, j, pc, pe, k, n, f);
                }
            }
            int i = m / 4 * 4;
            for (; i < m; i++) {
                for (int j = 0; j < n; j += L) {
                    FloatVector acc = FloatVector.fromArray(S, z, i * n + j);
                    for (int p = pc; p < pe; p++) {
                        acc = FloatVector.broadcast(S, f * x[i * k + p]).fma(FloatVector.fromArray(S, y, p * n + j), acc);
                    }
                    acc.intoArray(z, i * n + j);
                }
            }
        }
    }

    /** Rows i..i+3, columns j..j+2L of z, over inner steps pc..pe, op(b) from the packed strip. */
    private static void tile(float[] x, float[] strip, float[] z, int i, int j, int pc, int pe, int k, int n, float f) {
        int r0 = i * n + j;
        FloatVector c00 = FloatVector.fromArray(S, z, r0);
        FloatVector c01 = FloatVector.fromArray(S, z, r0 + L);
        FloatVector c10 = FloatVector.fromArray(S, z, r0 + n);
        FloatVector c11 = FloatVector.fromArray(S, z, r0 + n + L);
        FloatVector c20 = FloatVector.fromArray(S, z, r0 + 2 * n);
        FloatVector c21 = FloatVector.fromArray(S, z, r0 + 2 * n + L);
        FloatVector c30 = FloatVector.fromArray(S, z, r0 + 3 * n);
        FloatVector c31 = FloatVector.fromArray(S, z, r0 + 3 * n + L);
        for (int p = pc; p < pe; p++) {
            FloatVector b0 = FloatVector.fromArray(S, strip, (p - pc) * 2 * L);
            FloatVector b1 = FloatVector.fromArray(S, strip, (p - pc) * 2 * L + L);
            FloatVector a0 = FloatVector.broadcast(S, f * x[i * k + p]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, f * x[(i + 1) * k + p]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, f * x[(i + 2) * k + p]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, f * x[(i + 3) * k + p]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        c00.intoArray(z, r0);
        c01.intoArray(z, r0 + L);
        c10.intoArray(z, r0 + n);
        c11.intoArray(z, r0 + n + L);
        c20.intoArray(z, r0 + 2 * n);
        c21.intoArray(z, r0 + 2 * n + L);
        c30.intoArray(z, r0 + 3 * n);
        c31.intoArray(z, r0 + 3 * n + L);
    }

    /** Returns the cols x rows transpose of a row-major rows x cols array, in scratch. */
    private static float[] transpose(float[] source, int rows, int cols, float[] scratch) {
        float[] out = scratch.length >= rows * cols ? scratch : new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int q = 0; q < cols; q++) {
                out[q * rows + r] = source[r * cols + q];
            }
        }
        return out;
    }

    @Override
    public void addToRows(Tensor matrix, Tensor row) {
        fallback.addToRows(matrix, row);
    }

    @Override
    public void sumRows(Tensor matrix, Tensor out) {
        fallback.sumRows(matrix, out);
    }
}
