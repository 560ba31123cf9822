package org.djx.engine.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.djx.api.Tensor;
import org.junit.jupiter.api.Test;

/** The softmax and sigmoid readings of a classifier's outputs, against the textbook formulas computed here. */
class ClassScoresTests {
    @Test
    void softmaxOfOneTwoThreeMatchesItsKnownValues() {
        Tensor p = ClassScores.probabilities(Tensor.matrix(new double[][] {{1, 2, 3}}), Tensor.zeros(1, 3));

        // e^z / (e + e^2 + e^3) for z = 1, 2, 3.
        assertThat(p.get(0)).isCloseTo(0.09003057317038046, within(1e-15));
        assertThat(p.get(1)).isCloseTo(0.24472847105479767, within(1e-15));
        assertThat(p.get(2)).isCloseTo(0.6652409557748219, within(1e-15));
    }

    @Test
    void softmaxRowsSumToOneAndEqualTheNaiveFormulaForModerateLogits() {
        double[][] logits = {{0.5, -1.25, 2, 0}, {-3, -3, -3, -3}, {10, -10, 4.5, 7}, {0, 0, 0, 1e-3}};
        Tensor p = ClassScores.probabilities(Tensor.matrix(logits), Tensor.zeros(4, 4));

        for (int r = 0; r < logits.length; r++) {
            double sum = 0;
            for (double z : logits[r]) {
                sum += Math.exp(z);
            }
            double rowSum = 0;
            for (int c = 0; c < 4; c++) {
                assertThat(p.get(r, c)).as("row %d column %d", r, c).isCloseTo(Math.exp(logits[r][c]) / sum, within(1e-14));
                rowSum += p.get(r, c);
            }
            assertThat(rowSum).as("row %d", r).isCloseTo(1.0, within(1e-14));
        }
        // Equal logits give equal probabilities.
        assertThat(p.get(1, 0)).isEqualTo(0.25);
    }

    @Test
    void hugeLogitsGiveCertaintyWithoutNaN() {
        // Naively, e^1000 overflows to infinity and infinity / infinity is NaN; e^-1000 / (2 e^-1000) is 0 / 0.
        Tensor p = ClassScores.probabilities(Tensor.matrix(new double[][] {{1000, 0}, {0, 1000}, {-1000, -1000}, {1000, 999}}),
                Tensor.zeros(4, 2));

        assertThat(p.toRows()[0]).containsExactly(1, 0);
        assertThat(p.toRows()[1]).containsExactly(0, 1);
        assertThat(p.toRows()[2]).containsExactly(0.5, 0.5);
        // A difference of 1: 1 / (1 + e^-1) and e^-1 / (1 + e^-1).
        assertThat(p.get(3, 0)).isCloseTo(0.7310585786300049, within(1e-15));
        assertThat(p.get(3, 1)).isCloseTo(0.2689414213699951, within(1e-15));
    }

    @Test
    void oneOutputIsTheLogitOfTheSecondClassThroughTheSigmoid() {
        double[] z = {0, 2, -3, 0.25};
        Tensor outputs = Tensor.matrix(new double[][] {{z[0]}, {z[1]}, {z[2]}, {z[3]}});

        Tensor p = ClassScores.probabilities(outputs, Tensor.zeros(4, 2));

        for (int r = 0; r < z.length; r++) {
            double expected = 1 / (1 + Math.exp(-z[r]));
            assertThat(p.get(r, 1)).as("row %d", r).isCloseTo(expected, within(1e-15));
            assertThat(p.get(r, 0)).as("row %d", r).isCloseTo(1 - expected, within(1e-15));
        }
        // The sigmoid of 2 and of -3, as tables give them.
        assertThat(p.get(1, 1)).isCloseTo(0.8807970779778823, within(1e-15));
        assertThat(p.get(2, 1)).isCloseTo(0.04742587317756678, within(1e-15));
    }

    @Test
    void theSigmoidOfHugeLogitsIsZeroOrOneWithoutNaN() {
        Tensor p = ClassScores.probabilities(Tensor.matrix(new double[][] {{800}, {-800}}), Tensor.zeros(2, 2));

        assertThat(p.toRows()[0]).containsExactly(0, 1);
        assertThat(p.toRows()[1]).containsExactly(1, 0);
    }

    @Test
    void refusesOutputsThatDoNotFitTheClasses() {
        assertThatThrownBy(() -> ClassScores.probabilities(Tensor.matrix(new double[][] {{1}}), Tensor.zeros(1, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one output scores two classes, not 3");
        assertThatThrownBy(() -> ClassScores.probabilities(Tensor.matrix(new double[][] {{1, 2, 3}}), Tensor.zeros(1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 outputs for 2 classes");
    }

    @Test
    void predictedIsTheArgmaxAndTheLowestIndexAmongEquals() {
        Tensor p = Tensor.matrix(new double[][] {{0.1, 0.7, 0.2}, {0.2, 0.4, 0.4}, {1.0 / 3, 1.0 / 3, 1.0 / 3}, {0.1, 0.1, 0.8}});

        assertThat(ClassScores.predicted(p, 0)).isEqualTo(1);
        assertThat(ClassScores.predicted(p, 1)).isEqualTo(1);
        assertThat(ClassScores.predicted(p, 2)).isEqualTo(0);
        assertThat(ClassScores.predicted(p, 3)).isEqualTo(2);
    }
}
