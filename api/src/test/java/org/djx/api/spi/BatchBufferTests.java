package org.djx.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.djx.api.DType;
import org.djx.api.Parameter;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.junit.jupiter.api.Test;

class BatchBufferTests {
    @Test
    void aSmallerBatchIsAViewOfTheFirstRowsOfTheLargestOne() {
        BatchBuffer buffer = BatchBuffer.of(DType.FLOAT64, 2);
        Tensor full = buffer.rows(3);
        Tensor two = buffer.rows(2);

        assertThat(full.shape()).isEqualTo(Shape.of(3, 2));
        assertThat(two.shape()).isEqualTo(Shape.of(2, 2));
        two.set(1, 1, 7.5);
        assertThat(full.get(1, 1)).isEqualTo(7.5);
    }

    @Test
    void repeatedRowCountsGetTheSameTensorSoASteadyLoopAllocatesNothing() {
        BatchBuffer buffer = BatchBuffer.of(DType.FLOAT32, 3);
        Tensor[] first = {buffer.rows(10), buffer.rows(4), buffer.rows(2), buffer.rows(7), buffer.rows(1)};

        for (int round = 0; round < 3; round++) {
            assertThat(buffer.rows(10)).isSameAs(first[0]);
            assertThat(buffer.rows(4)).isSameAs(first[1]);
            assertThat(buffer.rows(2)).isSameAs(first[2]);
            assertThat(buffer.rows(7)).isSameAs(first[3]);
            assertThat(buffer.rows(1)).isSameAs(first[4]);
        }
        assertThat(first[4].dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void aFifthSmallerRowCountTakesTheSlotOfTheOldest() {
        BatchBuffer buffer = BatchBuffer.of(DType.FLOAT64, 1);
        buffer.rows(10);
        Tensor one = buffer.rows(1);
        buffer.rows(2);
        buffer.rows(3);
        buffer.rows(4);
        Tensor two = buffer.rows(2);

        buffer.rows(5);

        // 1 was the first view made, so 5 took its slot; 2, made second, stays.
        assertThat(buffer.rows(2)).isSameAs(two);
        assertThat(buffer.rows(1)).isNotSameAs(one);
    }

    @Test
    void aLargerBatchGrowsTheBufferAndDropsTheOldViews() {
        BatchBuffer buffer = BatchBuffer.of(DType.FLOAT64, 2);
        buffer.rows(4);
        Tensor oldView = buffer.rows(2);

        Tensor grown = buffer.rows(6);

        assertThat(grown.shape()).isEqualTo(Shape.of(6, 2));
        Tensor newView = buffer.rows(2);
        assertThat(newView).isNotSameAs(oldView);
        newView.set(0, 0, 3.0);
        assertThat(grown.get(0, 0)).isEqualTo(3.0);
    }

    @Test
    void theContextMakesBuffersInTheNetworksElementType() {
        LayerContext context = new LayerContext() {
            public int inputFeatures() {
                return 5;
            }

            public DType dtype() {
                return DType.FLOAT32;
            }

            public Kernels kernels() {
                throw new UnsupportedOperationException();
            }

            public void initialize(Parameter parameter) {
                throw new UnsupportedOperationException();
            }
        };

        BatchBuffer buffer = context.buffer(5);

        assertThat(buffer.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(buffer.columns()).isEqualTo(5);
        assertThat(buffer.rows(2).floats()).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void rejectsNoColumnsAndNegativeRows() {
        assertThatThrownBy(() -> BatchBuffer.of(DType.FLOAT64, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a batch buffer needs at least one column, found 0");
        assertThatThrownBy(() -> BatchBuffer.of(DType.FLOAT64, 2).rows(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a batch cannot have a negative number of rows, found -1");
    }
}
