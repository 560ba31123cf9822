package org.djx.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TensorTests {

    @Test
    void matrixCopiesItsRowsSoLaterWritesToThemAreNotSeen() {
        double[][] rows = {{1, 2, 3}, {4, 5, 6}};
        Tensor t = Tensor.matrix(rows);

        rows[0][0] = 100;
        rows[1][2] = 200;

        assertThat(t.shape()).isEqualTo(Shape.of(2, 3));
        assertThat(t.toArray()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void matrixRejectsRaggedRowsNamingTheRow() {
        assertThatThrownBy(() -> Tensor.matrix(new double[][] {{1, 2}, {3, 4}, {5}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 2 has 1 values, row 0 has 2");
    }

    @Test
    void vectorCopiesItsValues() {
        double[] values = {1, 2, 3};
        Tensor t = Tensor.vector(values);

        values[1] = -7;

        assertThat(t.shape()).isEqualTo(Shape.of(3));
        assertThat(t.toArray()).containsExactly(1, 2, 3);
        assertThat(t.data()).isNotSameAs(values);
    }

    @Test
    void wrapSharesTheArrayInBothDirections() {
        double[] data = {1, 2, 3, 4, 5, 6};
        Tensor t = Tensor.wrap(Shape.of(2, 3), data);

        data[4] = 50;
        t.set(0, 1, 20);

        assertThat(t.data()).isSameAs(data);
        assertThat(t.get(1, 1)).isEqualTo(50);
        assertThat(data[1]).isEqualTo(20);
    }

    @Test
    void wrapRejectsAnArrayShorterThanTheShape() {
        assertThatThrownBy(() -> Tensor.wrap(Shape.of(2, 3), new double[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 elements")
                .hasMessageContaining("2x3");
    }

    @Test
    void wrapAcceptsALongerArrayAndSizeFollowsTheShape() {
        Tensor t = Tensor.wrap(Shape.of(2, 2), new double[10]);

        assertThat(t.size()).isEqualTo(4);
        assertThat(t.toArray()).hasSize(4);
    }

    @Test
    void withRowsViewSharesTheArrayAndSeesOnlyItsRows() {
        Tensor full = Tensor.matrix(new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}});

        Tensor view = full.withRows(2);
        view.set(1, 0, 30);

        assertThat(view.shape()).isEqualTo(Shape.of(2, 2));
        assertThat(view.data()).isSameAs(full.data());
        assertThat(full.get(1, 0)).isEqualTo(30);
        assertThat(view.toArray()).containsExactly(1, 2, 30, 4);
        assertThat(view.toRows()).isDeepEqualTo(new double[][] {{1, 2}, {30, 4}});
    }

    @Test
    void withRowsCanGrowBackUpToWhatTheArrayHolds() {
        Tensor full = Tensor.zeros(4, 3);
        Tensor small = full.withRows(1);

        Tensor again = small.withRows(4);

        assertThat(again.shape()).isEqualTo(Shape.of(4, 3));
        assertThat(again.data()).isSameAs(full.data());
    }

    @Test
    void withRowsRejectsMoreRowsThanTheArrayHolds() {
        Tensor t = Tensor.zeros(3, 2);

        assertThatThrownBy(() -> t.withRows(4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 elements")
                .hasMessageContaining("4x2");
    }

    @Test
    void withRowsRejectsNegativeRowsAndScalars() {
        assertThatThrownBy(() -> Tensor.zeros(3, 2).withRows(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tensor.zeros().withRows(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scalar");
    }

    @Test
    void withTheSameRowCountReturnsTheTensorItself() {
        Tensor t = Tensor.zeros(3, 2);

        assertThat(t.withRows(3)).isSameAs(t);
    }

    @Test
    void flatGetAndSetRejectIndexesOutsideTheShapeEvenWhenTheArrayIsLonger() {
        Tensor view = Tensor.zeros(4, 2).withRows(2);

        assertThatThrownBy(() -> view.get(4)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("index 4");
        assertThatThrownBy(() -> view.set(4, 1.0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        view.set(3, 9);
        assertThat(view.get(3)).isEqualTo(9);
    }

    @Test
    void matrixGetAndSetRejectRowsAndColumnsOutsideTheShape() {
        Tensor t = Tensor.zeros(2, 3);

        // (0, 3) would land on flat index 3 = (1, 0) if columns were not checked on their own.
        assertThatThrownBy(() -> t.get(0, 3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("(0, 3)");
        assertThatThrownBy(() -> t.get(2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> t.set(-1, 0, 1.0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> t.set(0, -1, 1.0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void matrixAccessIsRowMajor() {
        Tensor t = Tensor.zeros(2, 3);

        t.set(1, 2, 7);
        t.set(0, 1, 5);

        assertThat(t.get(5)).isEqualTo(7);
        assertThat(t.get(1)).isEqualTo(5);
    }

    @Test
    void rowAndColumnAccessOnAVectorIsRejected() {
        Tensor v = Tensor.vector(1, 2, 3);

        assertThatThrownBy(() -> v.get(0, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("matrix");
    }

    @Test
    void toRowsReturnsCopiesOfEachRow() {
        Tensor t = Tensor.matrix(new double[][] {{1, 2}, {3, 4}, {5, 6}});

        double[][] rows = t.toRows();
        rows[1][1] = 40;

        assertThat(rows).isDeepEqualTo(new double[][] {{1, 2}, {3, 40}, {5, 6}});
        assertThat(t.get(1, 1)).isEqualTo(4);
    }

    @Test
    void toRowsOfAVectorIsOneRow() {
        assertThat(Tensor.vector(1, 2, 3).toRows()).isDeepEqualTo(new double[][] {{1, 2, 3}});
    }

    @Test
    void rowsAndColumnsFollowTheShape() {
        assertThat(Tensor.zeros(4, 3).rows()).isEqualTo(4);
        assertThat(Tensor.zeros(4, 3).columns()).isEqualTo(3);
        assertThat(Tensor.zeros(2, 3, 5).columns()).isEqualTo(15);
        assertThat(Tensor.vector(1, 2, 3).rows()).isEqualTo(3);
        assertThat(Tensor.vector(1, 2, 3).columns()).isEqualTo(1);
        assertThat(Tensor.zeros().rows()).isEqualTo(1);
        assertThat(Tensor.zeros().size()).isEqualTo(1);
    }

    @Test
    void columnsOfAMatrixWithoutRowsIsStillItsSecondDimension() {
        assertThat(Tensor.zeros(0, 3).columns()).isEqualTo(3);
        assertThat(Tensor.zeros(4, 3).withRows(0).columns()).isEqualTo(3);
    }

    @Test
    void copyHasItsOwnExactlySizedArray() {
        Tensor view = Tensor.matrix(new double[][] {{1, 2}, {3, 4}, {5, 6}}).withRows(2);

        Tensor copy = view.copy();
        view.set(0, 9);

        assertThat(copy.data()).hasSize(4).containsExactly(1, 2, 3, 4);
        assertThat(copy.shape()).isEqualTo(Shape.of(2, 2));
    }

    @Test
    void copyFromCopiesElementsBetweenShapesOfEqualSizeAndRejectsOthers() {
        Tensor target = Tensor.zeros(2, 3);

        target.copyFrom(Tensor.vector(1, 2, 3, 4, 5, 6));

        assertThat(target.get(1, 0)).isEqualTo(4);
        assertThatThrownBy(() -> target.copyFrom(Tensor.vector(1, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fillTouchesOnlyTheViewsElements() {
        Tensor full = Tensor.zeros(3, 2);

        full.withRows(1).fill(5);

        assertThat(full.toArray()).containsExactly(5, 5, 0, 0, 0, 0);
    }

    @Test
    void toStringShowsTheShapeAndAtMostSixteenElements() {
        assertThat(Tensor.vector(1, 2).toString()).isEqualTo("Tensor[2](1.0, 2.0)");
        assertThat(Tensor.zeros(17).toString()).endsWith(", ...)");
    }
}
