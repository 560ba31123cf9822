package org.djx.plugins.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.djx.api.spi.LayerFactory;
import org.djx.testkit.DropoutChecks;
import org.djx.testkit.LayerChecks;
import org.djx.testkit.PluginConfig;
import org.junit.jupiter.api.Test;

/** Every built-in layer passes the kit's gradient checks, as a third-party layer would have to. */
class LayerContractTests {
    @Test
    void everyBuiltInLayerIsCheckedHere() {
        Set<String> discovered = ServiceLoader.load(LayerFactory.class).stream()
                .map(p -> p.get().name())
                .collect(Collectors.toSet());

        assertThat(discovered).containsExactlyInAnyOrder("linear", "sigmoid", "tanh", "relu", "identity", "dropout");
    }

    @Test
    void dropoutPassesTheDropoutChecksAndIsTheIdentityInEvaluation() {
        DropoutLayerFactory dropout = new DropoutLayerFactory();
        for (double p : new double[] {0.0, 0.3, 0.5, 0.9}) {
            DropoutChecks.checkDropout(dropout, PluginConfig.of(dropout, Map.of("p", p)), p);
        }
        // In evaluation, a new layer's mode, it is the identity, whose gradients the usual checks confirm.
        LayerChecks.checkGradients(dropout, PluginConfig.of(dropout, Map.of("p", 0.5)));
        LayerChecks.checkFloat32(dropout, PluginConfig.of(dropout, Map.of("p", 0.5)));
    }

    @Test
    void linearWithBiasPassesTheGradientChecks() {
        LinearLayerFactory linear = new LinearLayerFactory();

        LayerChecks.checkGradients(linear, PluginConfig.of(linear, Map.of("outputs", 3)));
    }

    @Test
    void linearWithoutBiasPassesTheGradientChecks() {
        LinearLayerFactory linear = new LinearLayerFactory();

        LayerChecks.checkGradients(linear, PluginConfig.of(linear, Map.of("outputs", 4, "bias", false)));
    }

    @Test
    void linearWithOneOutputPassesTheGradientChecks() {
        LinearLayerFactory linear = new LinearLayerFactory();

        LayerChecks.checkGradients(linear, PluginConfig.of(linear, Map.of("outputs", 1)));
    }

    @Test
    void linearWithExplicitWeightsAndBiasesPassesTheGradientChecks() {
        LinearLayerFactory linear = new LinearLayerFactory();
        PluginConfig config = PluginConfig.of(linear, Map.of("outputs", 3,
                "weights", new double[][] {{0.1, 0.3, 0.5}, {0.2, 0.4, 0.6}}, "biases", new double[] {0.1, 0.2, 0.3}));

        LayerChecks.checkGradients(linear, config, LayerChecks.TOLERANCE, 2);
    }

    @Test
    void everyBuiltInLayerComputesInFloat32WhatItComputesInFloat64() {
        LinearLayerFactory linear = new LinearLayerFactory();
        LayerChecks.checkFloat32(linear, PluginConfig.of(linear, Map.of("outputs", 3)));
        LayerChecks.checkFloat32(linear, PluginConfig.of(linear, Map.of("outputs", 1, "bias", false)));
        for (LayerFactory activation : List.of(new SigmoidLayerFactory(), new TanhLayerFactory(), new ReluLayerFactory(),
                new IdentityLayerFactory())) {
            LayerChecks.checkFloat32(activation, PluginConfig.defaults(activation));
        }
    }

    @Test
    void sigmoidPassesTheGradientChecks() {
        SigmoidLayerFactory sigmoid = new SigmoidLayerFactory();

        LayerChecks.checkGradients(sigmoid, PluginConfig.defaults(sigmoid));
    }

    @Test
    void tanhPassesTheGradientChecks() {
        TanhLayerFactory tanh = new TanhLayerFactory();

        LayerChecks.checkGradients(tanh, PluginConfig.defaults(tanh));
    }

    @Test
    void reluPassesTheGradientChecks() {
        ReluLayerFactory relu = new ReluLayerFactory();

        LayerChecks.checkGradients(relu, PluginConfig.defaults(relu));
    }

    @Test
    void identityPassesTheGradientChecks() {
        IdentityLayerFactory identity = new IdentityLayerFactory();

        LayerChecks.checkGradients(identity, PluginConfig.defaults(identity));
    }
}
