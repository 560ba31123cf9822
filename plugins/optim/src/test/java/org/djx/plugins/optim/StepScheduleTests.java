package org.djx.plugins.optim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.djx.api.ConfigurationException;
import org.djx.testkit.PluginConfig;
import org.djx.testkit.ScheduleChecks;
import org.junit.jupiter.api.Test;

/** Step decay as PyTorch's StepLR: lr * gamma^floor(epoch / step-size). */
class StepScheduleTests {
    private final StepScheduleFactory step = new StepScheduleFactory();

    @Test
    void passesTheKitsChecks() {
        for (PluginConfig config : new PluginConfig[] {PluginConfig.of(step, Map.of("step-size", 1)),
                PluginConfig.of(step, Map.of("step-size", 3, "gamma", 0.5)), PluginConfig.of(step, Map.of("step-size", 2, "gamma", 1))}) {
            ScheduleChecks.checkValidRates(step, config);
            ScheduleChecks.checkDeterminism(step, config);
        }
    }

    @Test
    void halvesTheRateEveryThreeEpochsByHand() {
        // Base 0.1, step-size 3, gamma 0.5: epochs 0-2 at 0.1, 3-5 at 0.05, 6-8 at 0.025, 9 at 0.0125.
        ScheduleChecks.checkRates(step, PluginConfig.of(step, Map.of("step-size", 3, "gamma", 0.5)), 0.1,
                new double[] {0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125}, 1e-15);
    }

    @Test
    void decaysByPyTorchsDefaultGammaOfATenthEveryEpochAtStepSizeOne() {
        ScheduleChecks.checkRates(step, PluginConfig.of(step, Map.of("step-size", 1)), 2,
                new double[] {2, 0.2, 0.02, 0.002}, 1e-15);
    }

    @Test
    void requiresAStepSizeOfAtLeastOneAndAGammaInZeroToOne() {
        assertThatThrownBy(() -> PluginConfig.defaults(step)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("missing required key 'step-size'");
        assertThatThrownBy(() -> PluginConfig.of(step, Map.of("step-size", 0))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("step-size");
        assertThatThrownBy(() -> PluginConfig.of(step, Map.of("step-size", 1, "gamma", 0)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("gamma");
        assertThatThrownBy(() -> PluginConfig.of(step, Map.of("step-size", 1, "gamma", 1.5)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("gamma");
    }
}
