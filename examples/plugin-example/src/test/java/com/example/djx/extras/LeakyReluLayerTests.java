package com.example.djx.extras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.djx.api.Tensor;
import org.djx.api.spi.Layer;
import org.djx.testkit.LayerChecks;
import org.djx.testkit.PluginConfig;
import org.djx.testkit.TestLayerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The leaky-relu layer: the kit's gradient and float32 checks, and values worked out by hand. */
class LeakyReluLayerTests {
    private final LeakyReluLayerFactory leakyRelu = new LeakyReluLayerFactory();

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.2, 0.0})
    void passesTheKitsGradientChecks(double slope) {
        LayerChecks.checkGradients(leakyRelu, PluginConfig.of(leakyRelu, Map.of("negative-slope", slope)));
    }

    @Test
    void computesInFloat32WhatItComputesInFloat64() {
        LayerChecks.checkFloat32(leakyRelu, PluginConfig.of(leakyRelu, Map.of("negative-slope", 0.2)));
    }

    @Test
    void passesPositiveInputsAndScalesNegativeOnes() {
        Layer layer = leakyRelu.create(PluginConfig.of(leakyRelu, Map.of("negative-slope", 0.1)), new TestLayerContext(3, 1));

        Tensor y = layer.forward(Tensor.matrix(new double[][] {{-2.0, 0.0, 3.0}, {0.5, -0.5, -10.0}}));
        assertArrayEquals(new double[] {-0.2, 0.0, 3.0, 0.5, -0.05, -1.0}, y.toArray(), 1e-15);

        // The gradient is 1 for positive inputs and the slope otherwise (also at 0).
        Tensor dx = layer.backward(Tensor.matrix(new double[][] {{1, 1, 1}, {2, 2, 2}}));
        assertArrayEquals(new double[] {0.1, 0.1, 1.0, 2.0, 0.2, 0.2}, dx.toArray(), 1e-15);
    }

    @Test
    void keepsTheWidthOfItsInputAndHasNoParameters() {
        Layer layer = leakyRelu.create(PluginConfig.defaults(leakyRelu), new TestLayerContext(7, 1));

        assertEquals(7, layer.outputFeatures());
        assertEquals(0, layer.parameters().size());
        assertEquals(0.01, PluginConfig.defaults(leakyRelu).number("negative-slope"));
    }
}
