package org.djx.plugins.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.djx.api.Tensor;
import org.djx.api.spi.Loss;
import org.djx.testkit.PluginConfig;
import org.junit.jupiter.api.Test;

/** Built-in losses against values derived by hand. */
class LossValuesTests {
    private final Loss mse = new MseLossFactory().create(PluginConfig.defaults(new MseLossFactory()));
    private final Loss half = new HalfSquaredErrorLossFactory().create(
            PluginConfig.defaults(new HalfSquaredErrorLossFactory()));

    // Differences p - y are [[1, 0], [-2, 3]]; squares [[1, 0], [4, 9]].
    private final Tensor p = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
    private final Tensor y = Tensor.matrix(new double[][] {{0, 2}, {5, 1}});

    @Test
    void mseOfATwoByTwoBatchIsTheMeanOfAllSquaredErrors() {
        Tensor gradient = Tensor.zeros(2, 2);

        double value = mse.evaluate(p, y, null, gradient);

        // (1 + 0 + 4 + 9) / 4 = 3.5; d/dp = 2 (p - y) / 4.
        assertThat(value).isEqualTo(3.5);
        assertThat(gradient.toRows()).isDeepEqualTo(new double[][] {{0.5, 0}, {-1, 1.5}});
    }

    @Test
    void mseWithWeightsIsTheWeightedMeanOfTheRowLosses() {
        Tensor gradient = Tensor.zeros(2, 2);

        double value = mse.evaluate(p, y, Tensor.vector(1, 3), gradient);

        // Row losses (1 + 0) / 2 = 0.5 and (4 + 9) / 2 = 6.5; (1 * 0.5 + 3 * 6.5) / 4 = 5.
        // d/dp = 2 (p - y) / 2 * w_i / 4: row 0 times 1/4, row 1 times 3/4.
        assertThat(value).isEqualTo(5.0);
        assertThat(gradient.toRows()).isDeepEqualTo(new double[][] {{0.25, 0}, {-1.5, 2.25}});
    }

    @Test
    void halfSquaredErrorIsHalfTheSumPerExampleAveragedOverExamples() {
        Tensor predictions = Tensor.matrix(new double[][] {{1, 2, 3}, {0, 0, 0}});
        Tensor targets = Tensor.matrix(new double[][] {{1, 0, 0}, {1, 1, 1}});
        Tensor gradient = Tensor.zeros(2, 3);

        double value = half.evaluate(predictions, targets, null, gradient);

        // Row 0: 1/2 (0 + 4 + 9) = 6.5; row 1: 1/2 (1 + 1 + 1) = 1.5; mean 4. d/dp = (p - y) / 2 rows.
        assertThat(value).isEqualTo(4.0);
        assertThat(gradient.toRows()).isDeepEqualTo(new double[][] {{0, 1, 1.5}, {-0.5, -0.5, -0.5}});
    }

    @Test
    void halfSquaredErrorOfOneExampleHasD2lsOutputDelta() {
        // J = sum_j 1/2 (a_j - y_j)^2, so dJ/da_j = a_j - y_j, the factor in D2L's delta_j(3).
        Tensor a = Tensor.matrix(new double[][] {{0.31682708, 0.69627909}});
        Tensor target = Tensor.matrix(new double[][] {{0, 1}});
        Tensor gradient = Tensor.zeros(1, 2);

        double value = half.evaluate(a, target, null, gradient);

        assertThat(value).isCloseTo(0.5 * (0.31682708 * 0.31682708 + 0.30372091 * 0.30372091), within(1e-15));
        assertThat(gradient.toArray()).containsExactly(new double[] {0.31682708, -0.30372091}, within(1e-15));
    }

    @Test
    void bceWithLogitsIsTheNegativeLogLikelihoodOfTheSigmoid() {
        Loss bce = new BceWithLogitsLossFactory().create(null);
        // z = 0: s = 1/2 whatever the target, so the loss is log 2 and the gradient (1/2 - y) / 2.
        Tensor g = Tensor.zeros(2, 1);
        double value = bce.evaluate(Tensor.matrix(new double[][] {{0}, {0}}), Tensor.matrix(new double[][] {{1}, {0}}), null, g);
        assertThat(value).isCloseTo(Math.log(2), within(1e-15));
        assertThat(g.toArray()).containsExactly(new double[] {-0.25, 0.25}, within(1e-15));
        // z = 3, y = 1: -log(s(3)) = log(1 + e^-3); at z = -800 the loss is 800 exactly, not infinity.
        assertThat(bce.evaluate(Tensor.matrix(new double[][] {{3}}), Tensor.matrix(new double[][] {{1}}), null, null))
                .isCloseTo(Math.log1p(Math.exp(-3)), within(1e-15));
        assertThat(bce.evaluate(Tensor.matrix(new double[][] {{-800}}), Tensor.matrix(new double[][] {{1}}), null, null))
                .isEqualTo(800.0);
    }
}
