package org.djx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.junit.jupiter.api.Test;

class ReferenceKernelsTests {
    private final ReferenceKernels kernels = new ReferenceKernels();
    private final Tensor a = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});

    @Test
    void multipliesTwoMatrices() {
        Tensor b = Tensor.matrix(new double[][] {{7, 8}, {9, 10}, {11, 12}});
        Tensor c = Tensor.zeros(2, 2);

        kernels.gemm(false, false, 1, a, b, 0, c);

        assertThat(c.toRows()).isDeepEqualTo(new double[][] {{58, 64}, {139, 154}});
    }

    @Test
    void multipliesWithTheLeftOperandTransposed() {
        Tensor b = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
        Tensor c = Tensor.zeros(3, 2);

        kernels.gemm(true, false, 1, a, b, 0, c);

        assertThat(c.toRows()).isDeepEqualTo(new double[][] {{13, 18}, {17, 24}, {21, 30}});
    }

    @Test
    void multipliesWithTheRightOperandTransposed() {
        Tensor b = Tensor.matrix(new double[][] {{1, 0, 2}, {0, 1, 1}});
        Tensor c = Tensor.zeros(2, 2);

        kernels.gemm(false, true, 1, a, b, 0, c);

        assertThat(c.toRows()).isDeepEqualTo(new double[][] {{7, 5}, {16, 11}});
    }

    @Test
    void multipliesWithBothOperandsTransposed() {
        Tensor b = Tensor.matrix(new double[][] {{1, 2}, {0, 1}, {1, 0}});
        Tensor c = Tensor.zeros(3, 3);

        kernels.gemm(true, true, 1, a, b, 0, c);

        assertThat(c.toRows()).isDeepEqualTo(new double[][] {{9, 4, 1}, {12, 5, 2}, {15, 6, 3}});
    }

    @Test
    void scalesTheProductByAlphaAndAddsBetaTimesThePreviousOutput() {
        Tensor b = Tensor.matrix(new double[][] {{7, 8}, {9, 10}, {11, 12}});
        Tensor c = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});

        kernels.gemm(false, false, 2, a, b, 3, c);

        assertThat(c.toRows()).isDeepEqualTo(new double[][] {{119, 134}, {287, 320}});
    }

    @Test
    void ignoresNaNInThePreviousOutputWhenBetaIsZero() {
        Tensor b = Tensor.matrix(new double[][] {{7, 8}, {9, 10}, {11, 12}});
        Tensor c = Tensor.matrix(new double[][] {{Double.NaN, Double.NaN}, {Double.NaN, Double.NaN}});

        kernels.gemm(false, false, 1, a, b, 0, c);

        assertThat(c.toRows()).isDeepEqualTo(new double[][] {{58, 64}, {139, 154}});
    }

    @Test
    void writesOnlyTheElementsOfAViewOfALongerArray() {
        double[] array = new double[6];
        Arrays.fill(array, Double.NaN);
        Tensor c = Tensor.wrap(Shape.of(2, 2), array);
        Tensor b = Tensor.matrix(new double[][] {{7, 8}, {9, 10}, {11, 12}});

        kernels.gemm(false, false, 1, a, b, 0, c);

        assertThat(array).containsExactly(58, 64, 139, 154, Double.NaN, Double.NaN);
    }

    @Test
    void rejectsShapesThatDoNotAgree() {
        assertThatThrownBy(() -> kernels.gemm(false, false, 1, a, a, 0, Tensor.zeros(2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gemm shapes do not agree: op(a) is 2x3 (a 2x3), op(b) is 2x3 (b 2x3)");
        assertThatThrownBy(() -> kernels.gemm(false, true, 1, a, a, 0, Tensor.zeros(3, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected c 2x2");
    }

    @Test
    void rejectsOperandsThatAreNotMatricesAndProductsInPlace() {
        assertThatThrownBy(() -> kernels.gemm(false, false, 1, Tensor.vector(1, 2), a, 0, Tensor.zeros(1, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a must be a matrix (rank 2), found shape 2");
        Tensor square = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
        assertThatThrownBy(() -> kernels.gemm(false, false, 1, square, Tensor.zeros(2, 2), 0, square))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shares its array with a");
    }

    @Test
    void addsAVectorOrASingleRowToEveryRow() {
        Tensor m = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});

        kernels.addToRows(m, Tensor.vector(10, 20));
        kernels.addToRows(m, Tensor.matrix(new double[][] {{100, 200}}));

        assertThat(m.toRows()).isDeepEqualTo(new double[][] {{111, 222}, {113, 224}});
        assertThatThrownBy(() -> kernels.addToRows(m, Tensor.vector(1, 2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row must be a vector of 2 values");
    }

    @Test
    void overwritesTheOutputWithTheColumnSums() {
        Tensor out = Tensor.vector(Double.NaN, 7, -1);

        kernels.sumRows(a, out);

        assertThat(out.toArray()).containsExactly(5, 7, 9);
        assertThatThrownBy(() -> kernels.sumRows(a, Tensor.zeros(3, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out must be a vector of 3 values (rank 1 or 1x3) for a 2x3 matrix, found shape 3x1");
    }
}
