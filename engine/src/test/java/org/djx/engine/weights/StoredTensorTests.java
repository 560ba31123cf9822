package org.djx.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.djx.api.DType;
import org.junit.jupiter.api.Test;

class StoredTensorTests {
    @Test
    void copiesItsArraysInAndOut() {
        int[] shape = {2};
        double[] values = {1, 2};
        StoredTensor tensor = StoredTensor.of(DType.FLOAT64, shape, values);

        shape[0] = 5;
        values[0] = 9;
        tensor.shape()[0] = 7;
        tensor.values()[1] = 8;

        assertThat(tensor.shape()).containsExactly(2);
        assertThat(tensor.values()).containsExactly(1, 2);
    }

    @Test
    void refusesAShapeThatDoesNotHoldTheValues() {
        assertThatThrownBy(() -> StoredTensor.of(DType.FLOAT64, new int[] {2, 3}, new double[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape [2, 3] holds 6 values, but 5 were given");
        assertThatThrownBy(() -> StoredTensor.of(DType.FLOAT64, new int[] {65536, 65536}, new double[0]))
                .hasMessageContaining("holds 2147483648 values");
        assertThatThrownBy(() -> StoredTensor.of(DType.FLOAT64, new int[] {2, -1}, new double[0]))
                .hasMessage("shape [2, -1] has a negative dimension");
    }

    @Test
    void refusesFloat32ValuesThatAFloatCannotHoldExactly() {
        assertThatThrownBy(() -> StoredTensor.of(DType.FLOAT32, new int[] {2}, new double[] {0.5, 0.1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("value 0.1 at index 1 is not a float32 value");
        assertThatThrownBy(() -> StoredTensor.of(DType.FLOAT32, new int[] {1}, new double[] {1e300}))
                .hasMessageContaining("is not a float32 value");
        assertThat(StoredTensor.of(DType.FLOAT32, new int[] {3}, new double[] {Double.NaN, 1.0 / 0, (float) 0.1}).size())
                .isEqualTo(3);
    }

    @Test
    void isEqualByTypeShapeAndValues() {
        StoredTensor a = StoredTensor.of(DType.FLOAT64, new int[] {2}, new double[] {Double.NaN, 1});

        assertThat(a).isEqualTo(StoredTensor.of(DType.FLOAT64, new int[] {2}, new double[] {Double.NaN, 1}))
                .hasSameHashCodeAs(StoredTensor.of(DType.FLOAT64, new int[] {2}, new double[] {Double.NaN, 1}))
                .isNotEqualTo(StoredTensor.of(DType.FLOAT32, new int[] {2}, new double[] {Double.NaN, 1}))
                .isNotEqualTo(StoredTensor.of(DType.FLOAT64, new int[] {2, 1}, new double[] {Double.NaN, 1}));
        assertThat(StoredTensor.of(DType.FLOAT64, new int[0], new double[] {0.0}))
                .isNotEqualTo(StoredTensor.of(DType.FLOAT64, new int[0], new double[] {-0.0}));
        assertThat(a).hasToString("StoredTensor[float64 [2]]");
    }
}
