package org.djx.engine.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.djx.api.Tensor;
import org.junit.jupiter.api.Test;

/** The training targets of class indices: one-hot rows, or one 0/1 column for two classes and one logit. */
class ClassTargetsTests {
    private static final Tensor CLASSES = Tensor.matrix(new double[][] {{2}, {0}, {1}, {2}});

    @Test
    void eachClassBecomesARowWithAOneInItsColumn() {
        Tensor y = ClassTargets.encode(CLASSES, 3, 3);

        assertThat(y.shape().toArray()).containsExactly(4, 3);
        assertThat(y.toRows()).isDeepEqualTo(new double[][] {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
    }

    @Test
    void aClassNoRowHasStillGetsItsColumn() {
        // Class 3 of 4 occurs nowhere; its column is all zeros.
        Tensor y = ClassTargets.encode(CLASSES, 4, 4);

        assertThat(y.toRows()).isDeepEqualTo(new double[][] {{0, 0, 1, 0}, {1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}});
    }

    @Test
    void twoClassesAndOneOutputGiveOneColumnThatIsOneForTheSecondClass() {
        Tensor y = ClassTargets.encode(Tensor.matrix(new double[][] {{1}, {0}, {0}, {1}, {1}}), 2, 1);

        assertThat(y.shape().toArray()).containsExactly(5, 1);
        assertThat(y.toArray()).containsExactly(1, 0, 0, 1, 1);
    }

    @Test
    void twoClassesAndTwoOutputsAreOneHot() {
        Tensor y = ClassTargets.encode(Tensor.matrix(new double[][] {{1}, {0}}), 2, 2);

        assertThat(y.toRows()).isDeepEqualTo(new double[][] {{0, 1}, {1, 0}});
    }

    @Test
    void refusesOutputsThatAreNeitherOnePerClassNorOneLogitOfTwoClasses() {
        assertThatThrownBy(() -> ClassTargets.encode(CLASSES, 3, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("1 outputs for 3 classes");
        assertThatThrownBy(() -> ClassTargets.encode(CLASSES, 3, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("2 outputs for 3 classes");
    }
}
