package com.example.djx.extras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.djx.api.Tensor;
import org.djx.api.spi.Loss;
import org.djx.testkit.LossChecks;
import org.djx.testkit.PluginConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The huber loss: the kit's contract checks, and values worked out by hand. */
class HuberLossTests {
    private final HuberLossFactory huber = new HuberLossFactory();

    private Loss loss(double delta) {
        return huber.create(PluginConfig.of(huber, Map.of("delta", delta)));
    }

    /**
     * The kit's errors have magnitudes in [0.1, 1): delta 1 keeps them all in the squared piece, 0.05
     * puts them all in the linear piece, and 0.3 mixes both.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.3, 0.05})
    void passesTheKitsGradientChecks(double delta) {
        LossChecks.checkGradients(huber, PluginConfig.of(huber, Map.of("delta", delta)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.3})
    void weightsExamplesAsTheApiSays(double delta) {
        LossChecks.checkWeighting(huber, PluginConfig.of(huber, Map.of("delta", delta)));
    }

    @Test
    void isSquaredWithinDeltaAndLinearBeyondIt() {
        // Errors 0.5, 3, -2, 0 with delta 1: 0.5^2/2 = 0.125; 1 (3 - 1/2) = 2.5; 1 (2 - 1/2) = 1.5; 0.
        // Example losses are means over the two outputs, 1.3125 and 0.75; the batch loss is their mean.
        Tensor predictions = Tensor.matrix(new double[][] {{0.5, 3.0}, {-2.0, 0.0}});
        Tensor targets = Tensor.zeros(2, 2);
        Tensor gradient = Tensor.zeros(2, 2);

        double value = loss(1.0).evaluate(predictions, targets, null, gradient);

        assertEquals(1.03125, value, 1e-15);
        // dL/dp = d (within delta) or delta sign(d) (beyond), over 2 examples x 2 outputs.
        assertArrayEquals(new double[] {0.125, 0.25, -0.25, 0.0}, gradient.toArray(), 1e-15);
    }

    @Test
    void defaultsToDeltaOne() {
        assertEquals(1.0, PluginConfig.defaults(huber).number("delta"));
    }

    @Test
    void isHalfTheMeanSquaredErrorWhenEveryErrorIsWithinDelta() {
        Tensor predictions = Tensor.matrix(new double[][] {{0.2, -0.4, 0.1}, {0.3, 0.0, -0.5}});
        Tensor targets = Tensor.matrix(new double[][] {{0.1, 0.1, 0.1}, {-0.1, 0.2, 0.2}});
        double squares = 0;
        for (int i = 0; i < 6; i++) {
            double d = predictions.get(i) - targets.get(i);
            squares += d * d;
        }

        assertEquals(squares / 6 / 2, loss(1.0).evaluate(predictions, targets, null, null), 1e-15);
    }
}
