package org.djx.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShapeTests {

    @Test
    void reportsRankDimensionsAndSize() {
        Shape s = Shape.of(2, 3, 4);

        assertThat(s.rank()).isEqualTo(3);
        assertThat(s.dim(0)).isEqualTo(2);
        assertThat(s.dim(2)).isEqualTo(4);
        assertThat(s.size()).isEqualTo(24);
    }

    @Test
    void aScalarHasRankZeroAndOneElement() {
        Shape s = Shape.of();

        assertThat(s.rank()).isZero();
        assertThat(s.size()).isEqualTo(1);
        assertThat(s).hasToString("scalar");
    }

    @Test
    void aZeroDimensionMeansNoElements() {
        assertThat(Shape.of(0, 5).size()).isZero();
    }

    @Test
    void copiesTheDimensionsItIsGivenAndHandsOutCopies() {
        int[] dims = {2, 3};
        Shape s = Shape.of(dims);

        dims[0] = 99;
        s.toArray()[1] = 99;

        assertThat(s.toArray()).containsExactly(2, 3);
    }

    @Test
    void rejectsNegativeDimensions() {
        assertThatThrownBy(() -> Shape.of(2, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative dimension")
                .hasMessageContaining("[2, -1]");
    }

    @Test
    void sizeRejectsMoreThanTwoToTheThirtyOneElements() {
        assertThatThrownBy(() -> Shape.of(65536, 32768).size())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65536x32768");
    }

    @Test
    void sizeRejectsElementCountsThatOverflowALong() {
        assertThatThrownBy(() -> Shape.of(65536, 65536, 65536, 65536).size())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalShapesHaveEqualDimensionsAndHashCodes() {
        assertThat(Shape.of(2, 3)).isEqualTo(Shape.of(2, 3)).hasSameHashCodeAs(Shape.of(2, 3));
        assertThat(Shape.of(2, 3)).isNotEqualTo(Shape.of(3, 2));
        assertThat(Shape.of(6)).isNotEqualTo(Shape.of(6, 1));
    }

    @Test
    void printsDimensionsJoinedByX() {
        assertThat(Shape.of(2, 3)).hasToString("2x3");
        assertThat(Shape.of(7)).hasToString("7");
        assertThat(Shape.of(1, 2, 3)).hasToString("1x2x3");
    }
}
