import java.util.Locale;
import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.djx.api.DType;
import org.djx.api.Tensor;
import org.djx.engine.tensor.CpuKernels;

/**
 * A measurement, not part of djx: how fast float32 products would be with the incubating Vector API,
 * next to djx's plain-Java kernels on the same shapes, on one thread.
 *
 * <p>The Vector API kernel keeps a 4 x 2-vector tile of c in registers across the whole inner
 * dimension, which plain Java cannot express (the JIT keeps array elements in memory), so it is the
 * register-blocked form a BLAS uses. It handles only what the measured shapes need: columns a
 * multiple of two vectors.
 *
 * <p>Run from the project folder after {@code mvn -q package -DskipTests}, on a JDK with the module
 * (17 and later):
 * {@code java --add-modules jdk.incubator.vector -cp engine/target/classes:api/target/classes bench/vector-api/VectorGemm.java}
 */
public final class VectorGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorGemm() {
    }

    /** c = a b for row-major a (m x k), b (k x n), c (m x n); n a multiple of 2 S.length(). */
    static void multiply(float[] a, float[] b, float[] c, int m, int k, int n) {
        int l = S.length();
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            for (int j = 0; j < n; j += 2 * l) {
                FloatVector c00 = FloatVector.zero(S);
                FloatVector c01 = c00;
                FloatVector c10 = c00;
                FloatVector c11 = c00;
                FloatVector c20 = c00;
                FloatVector c21 = c00;
                FloatVector c30 = c00;
                FloatVector c31 = c00;
                for (int p = 0; p < k; p++) {
                    FloatVector b0 = FloatVector.fromArray(S, b, p * n + j);
                    FloatVector b1 = FloatVector.fromArray(S, b, p * n + j + l);
                    FloatVector a0 = FloatVector.broadcast(S, a[i * k + p]);
                    c00 = a0.fma(b0, c00);
                    c01 = a0.fma(b1, c01);
                    FloatVector a1 = FloatVector.broadcast(S, a[(i + 1) * k + p]);
                    c10 = a1.fma(b0, c10);
                    c11 = a1.fma(b1, c11);
                    FloatVector a2 = FloatVector.broadcast(S, a[(i + 2) * k + p]);
                    c20 = a2.fma(b0, c20);
                    c21 = a2.fma(b1, c21);
                    FloatVector a3 = FloatVector.broadcast(S, a[(i + 3) * k + p]);
                    c30 = a3.fma(b0, c30);
                    c31 = a3.fma(b1, c31);
                }
                c00.intoArray(c, i * n + j);
                c01.intoArray(c, i * n + j + l);
                c10.intoArray(c, (i + 1) * n + j);
                c11.intoArray(c, (i + 1) * n + j + l);
                c20.intoArray(c, (i + 2) * n + j);
                c21.intoArray(c, (i + 2) * n + j + l);
                c30.intoArray(c, (i + 3) * n + j);
                c31.intoArray(c, (i + 3) * n + j + l);
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < n; j += l) {
                FloatVector acc = FloatVector.zero(S);
                for (int p = 0; p < k; p++) {
                    acc = FloatVector.broadcast(S, a[i * k + p]).fma(FloatVector.fromArray(S, b, p * n + j), acc);
                }
                acc.intoArray(c, i * n + j);
            }
        }
    }

    /** Runs {@code product} for about a second after warming up; returns GFLOP/s. */
    private static double rate(Runnable product, int m, int k, int n) {
        for (long end = System.nanoTime() + 1_000_000_000L; System.nanoTime() < end; ) {
            product.run();
        }
        long calls = 0;
        long start = System.nanoTime();
        long end = start + 2_000_000_000L;
        long now;
        do {
            product.run();
            calls++;
            now = System.nanoTime();
        } while (now < end);
        return 2.0 * m * k * n * calls / ((now - start) / 1e9) / 1e9;
    }

    public static void main(String[] args) {
        int[][] shapes = {{64, 64, 64}, {256, 256, 256}, {1024, 1024, 1024},
            {64, 331, 256}, {331, 64, 256}, {1024, 331, 256}, {331, 1024, 256}};
        System.out.printf(Locale.ROOT, "%s, %d float lanes; GFLOP/s on one thread%n", System.getProperty("java.vm.version"), S.length());
        System.out.printf(Locale.ROOT, "%-18s %12s %12s%n", "m x k x n", "djx kernels", "Vector API");
        SplittableRandom random = new SplittableRandom(1);
        CpuKernels kernels = new CpuKernels();
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            Tensor a = Tensor.zeros(DType.FLOAT32, m, k);
            Tensor b = Tensor.zeros(DType.FLOAT32, k, n);
            Tensor c = Tensor.zeros(DType.FLOAT32, m, n);
            for (int q = 0; q < a.size(); q++) {
                a.set(q, random.nextDouble(-1, 1));
            }
            for (int q = 0; q < b.size(); q++) {
                b.set(q, random.nextDouble(-1, 1));
            }
            float[] check = new float[m * n];
            multiply(a.floats(), b.floats(), check, m, k, n);
            kernels.gemm(false, false, 1, a, b, 0, c);
            for (int q = 0; q < check.length; q++) {
                if (Math.abs(check[q] - c.floats()[q]) > 1e-3f * k) {
                    throw new AssertionError("the two kernels disagree at " + q + ": " + check[q] + " vs " + c.floats()[q]);
                }
            }
            double plain = rate(() -> kernels.gemm(false, false, 1, a, b, 0, c), m, k, n);
            double vector = rate(() -> multiply(a.floats(), b.floats(), check, m, k, n), m, k, n);
            System.out.printf(Locale.ROOT, "%-18s %12.1f %12.1f%n", m + " x " + k + " x " + n, plain, vector);
        }
    }
}
