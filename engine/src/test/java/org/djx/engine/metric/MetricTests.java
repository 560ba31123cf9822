package org.djx.engine.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.djx.api.Tensor;
import org.junit.jupiter.api.Test;

class MetricTests {
    private static final Tensor PREDICTIONS = Tensor.matrix(new double[][] {{1}, {3}, {10}});
    private static final Tensor TARGETS = Tensor.matrix(new double[][] {{2}, {3}, {6}});

    @Test
    void rmseIsTheRootOfTheMeanSquaredError() {
        // Squared errors 1, 0, 16: mean 17/3.
        assertThat(Metric.RMSE.compute(PREDICTIONS, TARGETS)).isCloseTo(Math.sqrt(17.0 / 3), within(1e-15));
    }

    @Test
    void weightedRmseIsTheRootOfTheWeightedMeanByHand() {
        // Weights 2, 1, 0.5 of squared errors 1, 0, 16: (2 + 0 + 8) / 3.5.
        double weighted = Metric.RMSE.compute(PREDICTIONS, TARGETS, Tensor.vector(2, 1, 0.5));

        assertThat(weighted).isCloseTo(Math.sqrt(10 / 3.5), within(1e-15));
    }

    @Test
    void weightedLogRmseClampsLikeTheUnweightedOne() {
        Tensor p = Tensor.matrix(new double[][] {{0.5}, {Math.E}});
        Tensor y = Tensor.matrix(new double[][] {{Math.E}, {1}});
        // The first prediction is clamped to 1: both log differences are 1 in size.
        assertThat(Metric.LOG_RMSE.compute(p, y, Tensor.vector(3, 1))).isCloseTo(1.0, within(1e-15));
        assertThat(Metric.LOG_RMSE.compute(p, y, Tensor.vector(1, 0))).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void weightsOfTwoEqualTheRowTwiceAndEqualWeightsChangeNothing() {
        Tensor twice = Tensor.matrix(new double[][] {{1}, {3}, {10}, {10}});
        Tensor twiceTargets = Tensor.matrix(new double[][] {{2}, {3}, {6}, {6}});

        assertThat(Metric.RMSE.compute(PREDICTIONS, TARGETS, Tensor.vector(1, 1, 2)))
                .isCloseTo(Metric.RMSE.compute(twice, twiceTargets), within(1e-15));
        assertThat(Metric.RMSE.compute(PREDICTIONS, TARGETS, Tensor.vector(7, 7, 7)))
                .isCloseTo(Metric.RMSE.compute(PREDICTIONS, TARGETS), within(1e-15));
    }

    @Test
    void rejectsWeightsOfAnotherLength() {
        assertThatThrownBy(() -> Metric.RMSE.compute(PREDICTIONS, TARGETS, Tensor.vector(1, 1)))
                .hasMessageContaining("weights for");
    }
}
