package org.djx.engine.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.djx.api.DType;
import org.djx.api.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CpuKernelsTests {
    /** Odd sizes: one, less than a vector, around a vector multiple, and past a 256-row panel. */
    private static final int[] SIZES = {1, 7, 63, 65, 257};
    private final CpuKernels kernels = new CpuKernels();

    private static Tensor random(int rows, int columns, SplittableRandom random) {
        return random(DType.FLOAT64, rows, columns, random);
    }

    private static Tensor random(DType dtype, int rows, int columns, SplittableRandom random) {
        Tensor t = Tensor.zeros(dtype, rows, columns);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, random.nextDouble(-1, 1));
        }
        return t;
    }

    /** op(x)[i][j], read straight from the definition of the transpose. */
    private static double op(double[][] x, boolean transpose, int i, int j) {
        return transpose ? x[j][i] : x[i][j];
    }

    /** c = alpha op(a) op(b) + beta c, one dot product per element, summed in a fixed order. */
    private static double[][] naiveGemm(boolean ta, boolean tb, double alpha, Tensor a, Tensor b, double beta,
            double[][] c) {
        return naiveGemm(ta, tb, alpha, a, b, beta, c, null);
    }

    /**
     * As above; also fills {@code magnitude} with |alpha| sum_p |op(a)[i][p] op(b)[p][j]| + |beta c[i][j]|,
     * the scale of the rounding error any summation order may make.
     */
    private static double[][] naiveGemm(boolean ta, boolean tb, double alpha, Tensor a, Tensor b, double beta,
            double[][] c, double[][] magnitude) {
        int m = c.length;
        int n = c[0].length;
        int k = ta ? a.rows() : a.columns();
        double[][] ar = a.toRows();
        double[][] br = b.toRows();
        double[][] out = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                double size = 0;
                for (int p = 0; p < k; p++) {
                    double term = op(ar, ta, i, p) * op(br, tb, p, j);
                    sum += term;
                    size += Math.abs(term);
                }
                double previous = beta == 0 ? 0 : beta * c[i][j];
                out[i][j] = alpha * sum + previous;
                if (magnitude != null) {
                    magnitude[i][j] = Math.abs(alpha) * size + Math.abs(previous);
                }
            }
        }
        return out;
    }

    static Stream<Arguments> gemmCases() {
        List<Arguments> cases = new ArrayList<>();
        double[][] scalars = {{1, 0}, {1, 1}, {-0.5, 2}, {2.5, -1}};
        int s = 0;
        for (DType dtype : DType.values()) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    for (int m : SIZES) {
                        for (int n : SIZES) {
                            for (int k : SIZES) {
                                double[] ab = scalars[s++ % scalars.length];
                                cases.add(Arguments.of(dtype, ta, tb, m, n, k, ab[0], ab[1]));
                            }
                        }
                    }
                }
            }
        }
        // Past the column panel (512 floats, 256 doubles) and two row panels deep.
        for (DType dtype : DType.values()) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    cases.add(Arguments.of(dtype, ta, tb, 6, 1031, 600, 1.0, 0.5));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} ta={1} tb={2} m={3} n={4} k={5} alpha={6} beta={7}")
    @MethodSource("gemmCases")
    void gemmMatchesANaiveTripleLoop(DType dtype, boolean ta, boolean tb, int m, int n, int k, double alpha,
            double beta) {
        SplittableRandom random = new SplittableRandom(31L * m + 7L * n + k + (ta ? 1000 : 0) + (tb ? 2000 : 0));
        Tensor a = ta ? random(dtype, k, m, random) : random(dtype, m, k, random);
        Tensor b = tb ? random(dtype, n, k, random) : random(dtype, k, n, random);
        Tensor c = random(dtype, m, n, random);
        double[][] magnitude = new double[m][n];
        // The reference sums the very values the kernel sees (float32 inputs widen exactly) in float64.
        double[][] expected = naiveGemm(ta, tb, alpha, a, b, beta, c.toRows(), magnitude);

        kernels.gemm(ta, tb, alpha, a, b, beta, c);

        // Any order of k + 2 roundings errs by at most (k + 2) u times the magnitude (Higham's gamma bound),
        // u the unit roundoff of the kernel's type; a misplaced or missing term errs by far more.
        double unit = dtype == DType.FLOAT32 ? 0x1p-24 : 0x1p-53;
        double[][] actual = c.toRows();
        double worst = 0;
        String where = "nowhere";
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double allowed = (k + 3) * unit * magnitude[i][j] + Double.MIN_NORMAL;
                double ratio = Math.abs(actual[i][j] - expected[i][j]) / allowed;
                if (!(ratio <= worst)) {
                    worst = ratio;
                    where = "c[" + i + "][" + j + "] = " + actual[i][j] + ", expected " + expected[i][j];
                }
            }
        }
        assertThat(worst).as(where).isLessThanOrEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0} ta={1}")
    @MethodSource("sparseCases")
    void gemmSkipsZeroMultipliersWithoutChangingAnySum(DType dtype, boolean ta) {
        // One-hot-like rows: most entries 0, the others in a different place in every row, so groups of rows
        // mix zero and nonzero multipliers. With alpha 1 and beta 0 the kernel adds the products in order of p,
        // as this loop does in the same type, so every element must match to the last bit.
        int m = 37;
        int k = 300;
        int n = 70;
        SplittableRandom random = new SplittableRandom(ta ? 11 : 12);
        double[][] a = new double[m][k];
        for (double[] row : a) {
            for (int p = 0; p < k; p++) {
                row[p] = random.nextInt(5) == 0 ? random.nextDouble(-1, 1) : 0;
            }
        }
        Tensor b = random(dtype, k, n, random);
        Tensor op = Tensor.matrix(a).to(dtype);
        Tensor stored = ta ? transpose(op) : op;
        Tensor c = random(dtype, m, n, random);

        kernels.gemm(ta, false, 1, stored, b, 0, c);

        double[][] bRows = b.toRows();
        double[][] aRows = op.toRows();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double expected;
                if (dtype == DType.FLOAT32) {
                    float sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum += (float) aRows[i][p] * (float) bRows[p][j];
                    }
                    expected = sum;
                } else {
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum += aRows[i][p] * bRows[p][j];
                    }
                    expected = sum;
                }
                assertThat(c.get(i * n + j)).as("c[%d][%d]", i, j).isEqualTo(expected);
            }
        }
    }

    static Stream<Arguments> sparseCases() {
        return Stream.of(DType.values()).flatMap(d -> Stream.of(Arguments.of(d, false), Arguments.of(d, true)));
    }

    private static Tensor transpose(Tensor t) {
        Tensor out = Tensor.zeros(t.dtype(), t.columns(), t.rows());
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < t.columns(); j++) {
                out.set(j * t.rows() + i, t.get(i * t.columns() + j));
            }
        }
        return out;
    }

    @Test
    void gemmRejectsOperandsOfMixedElementTypes() {
        assertThatThrownBy(() -> kernels.gemm(false, false, 1, Tensor.zeros(2, 2), Tensor.zeros(DType.FLOAT32, 2, 2),
                0, Tensor.zeros(2, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("float64, float32, float64");
    }

    @Test
    void float32KernelsAddAndSumRowsLikeFloat64() {
        SplittableRandom random = new SplittableRandom(3);
        Tensor m64 = random(65, 7, random);
        Tensor m32 = m64.to(DType.FLOAT32);
        Tensor row = Tensor.vector(1, 2, 3, 4, 5, 6, 7);
        Tensor sums = Tensor.zeros(DType.FLOAT32, 7);

        kernels.sumRows(m32, sums);
        kernels.addToRows(m32, row.to(DType.FLOAT32));

        for (int j = 0; j < 7; j++) {
            double sum = 0;
            for (int i = 0; i < 65; i++) {
                sum += m64.get(i, j);
                assertThat(m32.get(i, j)).isCloseTo(m64.get(i, j) + row.get(j), Offset.offset(1e-6));
            }
            assertThat(sums.get(j)).isCloseTo(sum, Offset.offset(1e-5));
        }
    }

    @Test
    void gemmComputesAKnownProductInEveryTransposition() {
        // [[1, 2], [3, 4]] x [[5, 6], [7, 8]] = [[19, 22], [43, 50]], worked out by hand.
        Tensor a = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
        Tensor b = Tensor.matrix(new double[][] {{5, 6}, {7, 8}});
        Tensor at = Tensor.matrix(new double[][] {{1, 3}, {2, 4}});
        Tensor bt = Tensor.matrix(new double[][] {{5, 7}, {6, 8}});
        double[][] product = {{19, 22}, {43, 50}};

        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                Tensor c = Tensor.zeros(2, 2);
                kernels.gemm(ta, tb, 1, ta ? at : a, tb ? bt : b, 0, c);
                assertThat(c.toRows()).as("ta=%s tb=%s", ta, tb).isDeepEqualTo(product);
            }
        }
    }

    @Test
    void gemmWithBetaZeroIgnoresNaNAndInfinityInC() {
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                Tensor a = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
                Tensor b = Tensor.matrix(new double[][] {{1, 0}, {0, 1}});
                Tensor c = Tensor.matrix(new double[][] {{Double.NaN, Double.POSITIVE_INFINITY}, {Double.NaN, -0.0}});

                kernels.gemm(ta, tb, 2, a, b, 0, c);

                double[][] expected = ta ? new double[][] {{2, 6}, {4, 8}} : new double[][] {{2, 4}, {6, 8}};
                assertThat(c.toRows()).as("ta=%s tb=%s", ta, tb).isDeepEqualTo(expected);
            }
        }
    }

    @Test
    void gemmWithAlphaZeroAndBetaOneLeavesCUnchanged() {
        SplittableRandom random = new SplittableRandom(5);
        Tensor a = random(7, 63, random);
        Tensor b = random(63, 65, random);
        Tensor c = random(7, 65, random);
        double[] before = c.toArray();

        kernels.gemm(false, false, 0, a, b, 1, c);

        assertThat(c.toArray()).containsExactly(before);
    }

    @Test
    void gemmIntoARowViewWritesOnlyTheViewsRows() {
        Tensor full = Tensor.zeros(4, 3);
        full.fill(-1);
        Tensor view = full.withRows(2);
        Tensor a = Tensor.matrix(new double[][] {{1, 0}, {0, 1}});
        Tensor b = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});

        kernels.gemm(false, false, 1, a, b, 0, view);

        assertThat(full.toArray()).containsExactly(1, 2, 3, 4, 5, 6, -1, -1, -1, -1, -1, -1);
    }

    @Test
    void gemmRejectsInnerDimensionsThatDisagree() {
        Tensor a = Tensor.zeros(2, 3);
        Tensor b = Tensor.zeros(4, 5);

        assertThatThrownBy(() -> kernels.gemm(false, false, 1, a, b, 0, Tensor.zeros(2, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("op(a) 2x3, op(b) 4x5");
        // With b transposed, op(b) is 5x4: still 3 against 5.
        assertThatThrownBy(() -> kernels.gemm(false, true, 1, a, b, 0, Tensor.zeros(2, 4)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gemmRejectsAnOutputOfTheWrongShape() {
        Tensor a = Tensor.zeros(2, 3);
        Tensor b = Tensor.zeros(3, 4);

        assertThatThrownBy(() -> kernels.gemm(false, false, 1, a, b, 0, Tensor.zeros(4, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c 4x2");
        assertThatThrownBy(() -> kernels.gemm(true, false, 1, a, b, 0, Tensor.zeros(2, 4)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addToRowsAddsTheRowToEveryRow() {
        Tensor m = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});

        kernels.addToRows(m, Tensor.vector(10, 20, 30));

        assertThat(m.toRows()).isDeepEqualTo(new double[][] {{11, 22, 33}, {14, 25, 36}});
    }

    @Test
    void addToRowsAcceptsASingleRowMatrixAndTouchesOnlyTheView() {
        Tensor full = Tensor.matrix(new double[][] {{1, 1}, {1, 1}, {1, 1}});

        kernels.addToRows(full.withRows(2), Tensor.matrix(new double[][] {{1, 2}}));

        assertThat(full.toArray()).containsExactly(2, 3, 2, 3, 1, 1);
    }

    @Test
    void addToRowsRejectsARowOfTheWrongLength() {
        assertThatThrownBy(() -> kernels.addToRows(Tensor.zeros(2, 3), Tensor.vector(1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row of 2 values for 2x3");
    }

    @Test
    void sumRowsWritesTheColumnSumsOverwritingWhatWasThere() {
        SplittableRandom random = new SplittableRandom(11);
        Tensor m = random(65, 7, random);
        double[] expected = new double[7];
        for (int r = 0; r < 65; r++) {
            for (int c = 0; c < 7; c++) {
                expected[c] += m.get(r, c);
            }
        }
        Tensor out = Tensor.zeros(7);
        out.fill(Double.NaN);

        kernels.sumRows(m, out);

        assertThat(out.toArray()).containsExactly(expected, Offset.offset(1e-12));
    }

    @Test
    void sumRowsOfAViewSumsOnlyItsRows() {
        Tensor full = Tensor.matrix(new double[][] {{1, 2}, {3, 4}, {100, 100}});
        Tensor out = Tensor.zeros(2);

        kernels.sumRows(full.withRows(2), out);

        assertThat(out.toArray()).containsExactly(4, 6);
    }

    @Test
    void sumRowsRejectsAnOutputOfTheWrongLength() {
        assertThatThrownBy(() -> kernels.sumRows(Tensor.zeros(2, 3), Tensor.zeros(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("output of 2 values")
                .hasMessageContaining("2x3");
    }

    @Test
    void naiveReferenceIsItselfRightOnAHandWorkedTransposedProduct() {
        // Guards the reference: a^T b for a = [[1, 2], [3, 4], [5, 6]] (3x2), b = [[1], [1], [1]] is [[9], [12]].
        Tensor a = Tensor.matrix(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Tensor b = Tensor.matrix(new double[][] {{1}, {1}, {1}});

        double[][] c = naiveGemm(true, false, 1, a, b, 0, new double[2][1]);

        assertThat(Arrays.deepToString(c)).isEqualTo("[[9.0], [12.0]]");
    }
}
