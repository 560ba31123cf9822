package org.djx.plugins.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.djx.api.DType;
import org.djx.api.Shape;
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

    private final Loss softmax = new SoftmaxCrossEntropyLossFactory().create(
            PluginConfig.defaults(new SoftmaxCrossEntropyLossFactory()));

    @Test
    void softmaxCrossEntropyOfEqualLogitsIsTheLogOfTheClassCount() {
        Tensor gradient = Tensor.zeros(1, 2);

        double value = softmax.evaluate(Tensor.matrix(new double[][] {{0, 0}}), Tensor.matrix(new double[][] {{1, 0}}), null, gradient);

        // softmax = [1/2, 1/2]: -log(1/2) = log 2; d/dz = softmax - y.
        assertThat(value).isCloseTo(Math.log(2), within(1e-15));
        assertThat(gradient.toArray()).containsExactly(new double[] {-0.5, 0.5}, within(1e-15));
    }

    @Test
    void softmaxCrossEntropyOfOneExampleIsMinusTheLogOfItsClassShare() {
        Tensor gradient = Tensor.zeros(1, 3);

        double value = softmax.evaluate(Tensor.matrix(new double[][] {{1, 2, 3}}), Tensor.matrix(new double[][] {{0, 0, 1}}), null,
                gradient);

        // Without any shift: -log(e^3 / (e + e^2 + e^3)) = log(e + e^2 + e^3) - 3.
        double sum = Math.E + Math.exp(2) + Math.exp(3);
        assertThat(value).isCloseTo(Math.log(sum) - 3, within(1e-15));
        assertThat(gradient.toArray()).containsExactly(new double[] {Math.E / sum, Math.exp(2) / sum, Math.exp(3) / sum - 1},
                within(1e-15));
    }

    @Test
    void softmaxCrossEntropyTakesClassProbabilitiesAsTargets() {
        Tensor gradient = Tensor.zeros(1, 2);

        // Logits [0, log 3] give softmax [1/4, 3/4]; against [1/2, 1/2] the loss is 1/2 (log 4 + log 4/3).
        double value = softmax.evaluate(Tensor.matrix(new double[][] {{0, Math.log(3)}}), Tensor.matrix(new double[][] {{0.5, 0.5}}),
                null, gradient);

        assertThat(value).isCloseTo(0.5 * (Math.log(4) + Math.log(4.0 / 3)), within(1e-15));
        assertThat(gradient.toArray()).containsExactly(new double[] {-0.25, 0.25}, within(1e-15));
    }

    @Test
    void softmaxCrossEntropyWithWeightsIsTheWeightedMeanOfTheRowLossesAndNotDividedByTheClassCount() {
        Tensor gradient = Tensor.zeros(2, 3);

        double value = softmax.evaluate(Tensor.matrix(new double[][] {{0, 0, 0}, {1, 2, 3}}),
                Tensor.matrix(new double[][] {{0, 1, 0}, {0, 0, 1}}), Tensor.vector(1, 3), gradient);

        // Row losses log 3 and log(e + e^2 + e^3) - 3, weighted 1/4 and 3/4; each row's gradient (softmax - y) times its share.
        double sum = Math.E + Math.exp(2) + Math.exp(3);
        assertThat(value).isCloseTo((Math.log(3) + 3 * (Math.log(sum) - 3)) / 4, within(1e-15));
        assertThat(gradient.toArray()).containsExactly(new double[] {
            1.0 / 12, -2.0 / 12, 1.0 / 12,
            0.75 * Math.E / sum, 0.75 * Math.exp(2) / sum, 0.75 * (Math.exp(3) / sum - 1)}, within(1e-15));
    }

    @Test
    void softmaxCrossEntropyOfHugeLogitsIsFinite() {
        Tensor logits = Tensor.matrix(new double[][] {{1e4, -1e4}});
        Tensor right = Tensor.zeros(1, 2);
        Tensor wrong = Tensor.zeros(1, 2);

        // exp(2e4) overflows; shifted by the largest logit it never appears. The right class costs nothing,
        // the wrong one the logits' difference.
        assertThat(softmax.evaluate(logits, Tensor.matrix(new double[][] {{1, 0}}), null, right)).isEqualTo(0.0);
        assertThat(softmax.evaluate(logits, Tensor.matrix(new double[][] {{0, 1}}), null, wrong)).isEqualTo(2e4);
        assertThat(right.toArray()).containsExactly(0, 0);
        assertThat(wrong.toArray()).containsExactly(1, -1);
    }

    @Test
    void softmaxCrossEntropyOfTwoClassesIsBceWithLogitsOfTheLogitDifference() {
        // softmax([0, z])_1 = sigmoid(z), so against [1 - y, y] the loss is bce-with-logits at z against y.
        Loss bce = new BceWithLogitsLossFactory().create(PluginConfig.defaults(new BceWithLogitsLossFactory()));
        for (double z : new double[] {-30, -3, -0.5, 0, 0.7, 4, 40}) {
            for (double y : new double[] {0, 1, 0.3}) {
                Tensor twoClassGradient = Tensor.zeros(1, 2);
                Tensor bceGradient = Tensor.zeros(1, 1);

                double twoClass = softmax.evaluate(Tensor.matrix(new double[][] {{0, z}}), Tensor.matrix(new double[][] {{1 - y, y}}), null,
                        twoClassGradient);
                double binary = bce.evaluate(Tensor.matrix(new double[][] {{z}}), Tensor.matrix(new double[][] {{y}}), null, bceGradient);

                assertThat(twoClass).as("z = %s, y = %s", z, y).isCloseTo(binary, within(1e-12));
                assertThat(twoClassGradient.toArray()).as("z = %s, y = %s", z, y)
                        .containsExactly(new double[] {-bceGradient.get(0), bceGradient.get(0)}, within(1e-12));
            }
        }
    }

    @Test
    void softmaxCrossEntropyReadsAndWritesFloat32() {
        Tensor logits = Tensor.wrap(Shape.of(2, 3), new float[] {1, 2, 3, 0.5f, -1, 0});
        Tensor targets = Tensor.wrap(Shape.of(2, 3), new float[] {0, 0, 1, 1, 0, 0});
        Tensor gradient = Tensor.zeros(DType.FLOAT32, 2, 3);
        Tensor expectedGradient = Tensor.zeros(2, 3);

        double value = softmax.evaluate(logits, targets, null, gradient);
        double expected = softmax.evaluate(logits.to(DType.FLOAT64), targets.to(DType.FLOAT64), null,
                expectedGradient);

        // The inputs are exact in float32, so only the gradient's rounding to float32 differs.
        assertThat(value).isEqualTo(expected);
        assertThat(gradient.toArray()).containsExactly(expectedGradient.toArray(), within(1e-7));
    }

    @Test
    void softmaxCrossEntropyRefusesTargetsOfAnotherShape() {
        assertThatThrownBy(() -> softmax.evaluate(Tensor.zeros(2, 3), Tensor.zeros(2, 2), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x3")
                .hasMessageContaining("2x2");
    }

    @Test
    void softmaxCrossEntropyRefusesOneOutputPerExampleAndPointsToBceWithLogits() {
        assertThatThrownBy(() -> softmax.evaluate(Tensor.zeros(4, 1), Tensor.zeros(4, 1), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 outputs per example")
                .hasMessageContaining("bce-with-logits");
    }
}
