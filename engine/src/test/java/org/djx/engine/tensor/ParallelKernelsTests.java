package org.djx.engine.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.djx.api.DType;
import org.djx.api.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParallelKernelsTests {
    private final ParallelKernels parallel = new ParallelKernels(3);
    private final CpuKernels serial = new CpuKernels();

    @AfterEach
    void stopWorkers() {
        parallel.close();
    }

    private static Tensor random(DType dtype, int rows, int columns, SplittableRandom random) {
        Tensor t = Tensor.zeros(dtype, rows, columns);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, random.nextDouble(-1, 1));
        }
        return t;
    }

    /** Shapes large enough to be shared (m k n >= 2^20), with row counts that split unevenly. */
    @ParameterizedTest(name = "{0} ta={1} tb={2} m={3} k={4} n={5}")
    @CsvSource({
            "FLOAT32, false, false, 64, 331, 256",
            "FLOAT32, true, false, 331, 64, 256",
            "FLOAT32, false, true, 67, 129, 257",
            "FLOAT32, true, true, 65, 257, 130",
            "FLOAT64, false, false, 1031, 33, 63",
            "FLOAT64, true, false, 257, 300, 65",
            "FLOAT64, false, true, 130, 100, 129",
    })
    void sharedProductsEqualTheSingleThreadedOnesBitForBit(DType dtype, boolean ta, boolean tb, int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(m * 31L + k * 7L + n);
        Tensor a = ta ? random(dtype, k, m, random) : random(dtype, m, k, random);
        Tensor b = tb ? random(dtype, n, k, random) : random(dtype, k, n, random);
        Tensor c = random(dtype, m, n, random);
        Tensor expected = c.copy();

        for (int round = 0; round < 3; round++) {
            serial.gemm(ta, tb, 0.5, a, b, 0.25, expected);
            parallel.gemm(ta, tb, 0.5, a, b, 0.25, c);
        }

        // Each element is summed in the same order by whichever thread owns its row.
        assertThat(c.toArray()).containsExactly(expected.toArray());
        assertThat(parallel.sharedProducts()).as("the products were shared, not run on the caller alone").isEqualTo(3);
    }

    @Test
    void aClosedInstanceStillComputesOnTheCallingThread() {
        SplittableRandom random = new SplittableRandom(1);
        Tensor a = random(DType.FLOAT32, 128, 128, random);
        Tensor b = random(DType.FLOAT32, 128, 128, random);
        Tensor c = Tensor.zeros(DType.FLOAT32, 128, 128);
        Tensor expected = Tensor.zeros(DType.FLOAT32, 128, 128);
        parallel.close();

        parallel.gemm(false, false, 1, a, b, 0, c);
        serial.gemm(false, false, 1, a, b, 0, expected);

        assertThat(c.toArray()).containsExactly(expected.toArray());
    }

    @Test
    void mismatchedShapesAreRejectedBeforeAnyThreadStarts() {
        assertThatThrownBy(() -> parallel.gemm(false, false, 1, Tensor.zeros(DType.FLOAT32, 256, 256),
                Tensor.zeros(DType.FLOAT32, 255, 256), 0, Tensor.zeros(DType.FLOAT32, 256, 256)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("op(a) 256x256, op(b) 255x256");
    }
}
