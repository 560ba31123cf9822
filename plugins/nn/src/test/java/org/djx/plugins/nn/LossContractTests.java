package org.djx.plugins.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.djx.api.spi.LossFactory;
import org.djx.testkit.LossChecks;
import org.djx.testkit.PluginConfig;
import org.junit.jupiter.api.Test;

/** Every built-in loss passes the kit's gradient and weighting checks. */
class LossContractTests {
    @Test
    void everyBuiltInLossIsCheckedHere() {
        Set<String> discovered = ServiceLoader.load(LossFactory.class).stream()
                .map(p -> p.get().name())
                .collect(Collectors.toSet());

        assertThat(discovered).containsExactlyInAnyOrder(
                "mse", "half-squared-error", "bce-with-logits", "softmax-cross-entropy");
    }

    @Test
    void msePassesTheGradientChecks() {
        MseLossFactory mse = new MseLossFactory();

        LossChecks.checkGradients(mse, PluginConfig.defaults(mse));
    }

    @Test
    void mseWeightsExamplesAsTheApiSays() {
        MseLossFactory mse = new MseLossFactory();

        LossChecks.checkWeighting(mse, PluginConfig.defaults(mse));
    }

    @Test
    void halfSquaredErrorPassesTheGradientChecks() {
        HalfSquaredErrorLossFactory loss = new HalfSquaredErrorLossFactory();

        LossChecks.checkGradients(loss, PluginConfig.defaults(loss));
    }

    @Test
    void halfSquaredErrorWeightsExamplesAsTheApiSays() {
        HalfSquaredErrorLossFactory loss = new HalfSquaredErrorLossFactory();

        LossChecks.checkWeighting(loss, PluginConfig.defaults(loss));
    }

    @Test
    void bceWithLogitsPassesTheGradientChecks() {
        BceWithLogitsLossFactory loss = new BceWithLogitsLossFactory();

        LossChecks.checkGradients(loss, PluginConfig.defaults(loss));
    }

    @Test
    void bceWithLogitsWeightsExamplesAsTheApiSays() {
        BceWithLogitsLossFactory loss = new BceWithLogitsLossFactory();

        LossChecks.checkWeighting(loss, PluginConfig.defaults(loss));
    }

    @Test
    void softmaxCrossEntropyPassesTheGradientChecks() {
        // The kit's targets are not distributions (uniform in [-1, 1)); the gradient is exact for any targets.
        SoftmaxCrossEntropyLossFactory loss = new SoftmaxCrossEntropyLossFactory();

        LossChecks.checkGradients(loss, PluginConfig.defaults(loss));
    }

    @Test
    void softmaxCrossEntropyWeightsExamplesAsTheApiSays() {
        SoftmaxCrossEntropyLossFactory loss = new SoftmaxCrossEntropyLossFactory();

        LossChecks.checkWeighting(loss, PluginConfig.defaults(loss));
    }
}
