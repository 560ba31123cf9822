package org.djx.engine.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.djx.api.Tensor;
import org.junit.jupiter.api.Test;

/** Accuracy, log-loss, AUC and macro-F1 on small sets whose values are worked out by hand in the comments. */
class ClassificationMetricsTests {
    private static Tensor classes(double... indices) {
        return Tensor.matrix(java.util.Arrays.stream(indices).mapToObj(c -> new double[] {c}).toArray(double[][]::new));
    }

    /** Rows [1 - s, s] for the scores s of class 1. */
    private static Tensor binary(double... scores) {
        return Tensor.matrix(java.util.Arrays.stream(scores).mapToObj(s -> new double[] {1 - s, s}).toArray(double[][]::new));
    }

    @Test
    void accuracyCountsTheRowsWhoseMostProbableClassIsTrueAndATieGoesToTheLowerClass() {
        Tensor p = Tensor.matrix(new double[][] {{0.7, 0.3}, {0.2, 0.8}, {0.5, 0.5}, {0.6, 0.4}});

        // Predicted 0, 1, 0 (the tie), 0 against 0, 1, 1, 0: three of four right. Were the tie read as class 1, all four.
        assertThat(Metric.ACCURACY.compute(p, classes(0, 1, 1, 0))).isEqualTo(0.75);
    }

    @Test
    void accuracyOfThreeClassesCountsTheArgmax() {
        Tensor p = Tensor.matrix(new double[][] {{0.1, 0.2, 0.7}, {0.5, 0.3, 0.2}, {0.3, 0.4, 0.3}, {0.2, 0.4, 0.4}, {0.1, 0.1, 0.8}});

        // Predicted 2, 0, 1, 1 (tie of 1 and 2), 2 against 2, 1, 1, 2, 2: rows 0, 2 and 4 are right.
        assertThat(Metric.ACCURACY.compute(p, classes(2, 1, 1, 2, 2))).isEqualTo(0.6);
    }

    @Test
    void logLossIsTheMeanNegativeLogProbabilityOfTheTrueClass() {
        Tensor p = Tensor.matrix(new double[][] {{0.8, 0.2}, {0.3, 0.7}, {0.5, 0.5}});

        // -(ln 0.8 + ln 0.7 + ln 0.5) / 3 = -ln(0.28) / 3 = 1.2729656758128873 / 3.
        assertThat(Metric.LOG_LOSS.compute(p, classes(0, 1, 1))).isCloseTo(0.4243218919376292, within(1e-15));
    }

    @Test
    void logLossReadsTheTrueClassColumnOfEachRowOfThree() {
        Tensor p = Tensor.matrix(new double[][] {{0.2, 0.5, 0.3}, {0.1, 0.1, 0.8}});

        // The true classes 1 and 2 have probabilities 0.5 and 0.8: -(ln 0.5 + ln 0.8) / 2 = -ln(0.4) / 2.
        assertThat(Metric.LOG_LOSS.compute(p, classes(1, 2))).isCloseTo(0.9162907318741551 / 2, within(1e-15));
    }

    @Test
    void logLossClipsAZeroProbabilityToOneInAQuadrillion() {
        Tensor p = Tensor.matrix(new double[][] {{0, 1}});

        // -ln(1e-15) = 15 ln 10 = 34.538776394910684: large but finite.
        assertThat(Metric.LOG_LOSS.compute(p, classes(0))).isCloseTo(34.538776394910684, within(1e-12));
        // A probability below the floor is raised to it as well.
        assertThat(Metric.LOG_LOSS.compute(Tensor.matrix(new double[][] {{1e-300, 1}}), classes(0)))
                .isCloseTo(34.538776394910684, within(1e-12));
    }

    @Test
    void logLossClipsACertainRightAnswerBelowOne() {
        Tensor p = Tensor.matrix(new double[][] {{0, 1}});

        // p = 1 is clipped to 1 - 1e-15, the double 0.999999999999999000799..., whose -ln is 9.992007221626415e-16, not 0.
        assertThat(Metric.LOG_LOSS.compute(p, classes(1))).isCloseTo(9.992007221626415e-16, within(1e-30));
    }

    @Test
    void aucCountsThePairsOfAPositiveAndANegativeWithTiesAsOneHalf() {
        // Scores of class 1 and true classes: positives score 0.9 and 0.4, negatives 0.4, 0.6 and 0.1.
        Tensor p = binary(0.9, 0.4, 0.4, 0.6, 0.1);
        // 0.9 beats all three negatives: 3. 0.4 ties 0.4 (1/2), loses to 0.6 (0), beats 0.1 (1): 1.5. 4.5 of 6 pairs.
        assertThat(Metric.AUC.compute(p, classes(1, 1, 0, 0, 0))).isEqualTo(0.75);
    }

    @Test
    void aucOfPerfectlySeparatedScoresIsOneAndOfReversedOnesZero() {
        assertThat(Metric.AUC.compute(binary(0.9, 0.8, 0.3, 0.1), classes(1, 1, 0, 0))).isEqualTo(1.0);
        assertThat(Metric.AUC.compute(binary(0.9, 0.8, 0.3, 0.1), classes(0, 0, 1, 1))).isEqualTo(0.0);
    }

    @Test
    void aucIsNaNWhenTheExamplesHoldOneClass() {
        assertThat(Metric.AUC.compute(binary(0.9, 0.2, 0.5), classes(0, 0, 0))).isNaN();
        assertThat(Metric.AUC.compute(binary(0.9, 0.2, 0.5), classes(1, 1, 1))).isNaN();
    }

    @Test
    void aucRefusesThreeClasses() {
        Tensor p = Tensor.matrix(new double[][] {{0.2, 0.3, 0.5}, {0.6, 0.3, 0.1}});

        assertThatThrownBy(() -> Metric.AUC.compute(p, classes(2, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two classes").hasMessageContaining("3");
    }

    @Test
    void macroF1AveragesOverClassesPresentOrPredictedAndScoresANeverPredictedClassZero() {
        // Four columns; truth 0 0 0 1 1 2 2, predicted 0 0 1 1 0 1 0; class 3 neither occurs nor is predicted.
        Tensor p = Tensor.matrix(new double[][] {
                {0.7, 0.1, 0.1, 0.1},
                {0.4, 0.3, 0.2, 0.1},
                {0.2, 0.5, 0.2, 0.1},
                {0.1, 0.6, 0.2, 0.1},
                {0.5, 0.2, 0.2, 0.1},
                {0.1, 0.5, 0.3, 0.1},
                {0.4, 0.3, 0.3, 0.0}});
        // Class 0: TP 2, 3 actual, 4 predicted: 2*2/7 = 4/7 (precision 1/2, recall 2/3).
        // Class 1: TP 1, 2 actual, 3 predicted: 2/5 (precision 1/3, recall 1/2).
        // Class 2: TP 0, 2 actual, never predicted: 0. Class 3 left out: (4/7 + 2/5 + 0) / 3 = 34/105.
        assertThat(Metric.MACRO_F1.compute(p, classes(0, 0, 0, 1, 1, 2, 2))).isCloseTo(34.0 / 105, within(1e-15));
    }

    @Test
    void macroF1CountsAClassThatIsPredictedButAbsent() {
        // Truth 0 0 1, predicted 0 2 1: class 2 is never true but predicted once, so it counts with F1 0.
        Tensor p = Tensor.matrix(new double[][] {{0.8, 0.1, 0.1}, {0.2, 0.2, 0.6}, {0.1, 0.8, 0.1}});
        // Class 0: TP 1, 2 actual, 1 predicted: 2/3. Class 1: TP 1, 1 and 1: 1. Class 2: 0. Mean (2/3 + 1 + 0) / 3 = 5/9.
        assertThat(Metric.MACRO_F1.compute(p, classes(0, 0, 1))).isCloseTo(5.0 / 9, within(1e-15));
    }

    @Test
    void macroF1OfPerfectPredictionsIsOne() {
        Tensor p = Tensor.matrix(new double[][] {{0.9, 0.05, 0.05}, {0.1, 0.8, 0.1}, {0.3, 0.3, 0.4}});

        assertThat(Metric.MACRO_F1.compute(p, classes(0, 1, 2))).isEqualTo(1.0);
    }

    @Test
    void classificationMetricsRefuseWeights() {
        Tensor p = binary(0.9, 0.2);
        Tensor c = classes(1, 0);

        for (Metric m : new Metric[] {Metric.ACCURACY, Metric.LOG_LOSS, Metric.AUC, Metric.MACRO_F1}) {
            assertThatThrownBy(() -> m.compute(p, c, Tensor.vector(1, 1)))
                    .as(m.label()).isInstanceOf(IllegalArgumentException.class).hasMessage(m.label() + " takes no weights");
        }
    }

    @Test
    void classificationMetricsRefuseClassesOfAnotherLengthOrWidth() {
        Tensor p = binary(0.9, 0.2, 0.4);

        assertThatThrownBy(() -> Metric.ACCURACY.compute(p, classes(1, 0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metric.LOG_LOSS.compute(p, Tensor.matrix(new double[][] {{1, 0}, {0, 1}, {1, 0}})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKindAndDirectionOfEachMetric() {
        assertThat(Metric.ACCURACY.isClassification()).isTrue();
        assertThat(Metric.LOG_LOSS.isClassification()).isTrue();
        assertThat(Metric.AUC.isClassification()).isTrue();
        assertThat(Metric.MACRO_F1.isClassification()).isTrue();
        assertThat(Metric.RMSE.isClassification()).isFalse();
        assertThat(Metric.LOG_RMSE.isClassification()).isFalse();

        assertThat(Metric.ACCURACY.higherIsBetter()).isTrue();
        assertThat(Metric.AUC.higherIsBetter()).isTrue();
        assertThat(Metric.MACRO_F1.higherIsBetter()).isTrue();
        assertThat(Metric.LOG_LOSS.higherIsBetter()).isFalse();
        assertThat(Metric.RMSE.higherIsBetter()).isFalse();
        assertThat(Metric.LOG_RMSE.higherIsBetter()).isFalse();
    }

    @Test
    void labelsListTheMetricsOfEachKind() {
        assertThat(Metric.labels(true)).containsExactlyInAnyOrder("accuracy", "log-loss", "auc", "macro-f1");
        assertThat(Metric.labels(false)).containsExactlyInAnyOrder("rmse", "log-rmse");
        assertThat(Metric.byLabel("macro-f1")).isEqualTo(Metric.MACRO_F1);
        assertThat(Metric.byLabel("log-loss")).isEqualTo(Metric.LOG_LOSS);
    }
}
