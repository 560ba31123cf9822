package org.djx.plugins.optim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.djx.api.ConfigurationException;
import org.djx.testkit.PluginConfig;
import org.djx.testkit.ScheduleChecks;
import org.junit.jupiter.api.Test;

/** A linear ramp of the factor as PyTorch's LinearLR: lr (start + (end - start) min(e, total) / total). */
class LinearWarmupScheduleTests {
    private final LinearWarmupScheduleFactory warmup = new LinearWarmupScheduleFactory();

    @Test
    void passesTheKitsChecks() {
        for (PluginConfig config : new PluginConfig[] {PluginConfig.defaults(warmup),
                PluginConfig.of(warmup, Map.of("start-factor", 1, "end-factor", 0, "total-iters", 10)),
                PluginConfig.of(warmup, Map.of("start-factor", 0.01, "total-iters", 1))}) {
            ScheduleChecks.checkValidRates(warmup, config);
            ScheduleChecks.checkDeterminism(warmup, config);
        }
    }

    @Test
    void rampsFromAQuarterToTheFullRateInFourEpochsThenHoldsByHand() {
        // Base 0.1, factors 0.25, 0.4375, 0.625, 0.8125, 1, 1, ... (steps of 0.75 / 4 = 0.1875).
        ScheduleChecks.checkRates(warmup, PluginConfig.of(warmup, Map.of("start-factor", 0.25, "total-iters", 4)), 0.1,
                new double[] {0.025, 0.04375, 0.0625, 0.08125, 0.1, 0.1, 0.1}, 1e-15);
    }

    @Test
    void warmsUpFromAThirdOverFiveEpochsByPyTorchsDefaults() {
        // Factors 1/3 + (2/3) e / 5 for e = 0 ... 5: 5/15, 7/15, 9/15, 11/15, 13/15, 1.
        ScheduleChecks.checkRates(warmup, PluginConfig.defaults(warmup), 3,
                new double[] {1, 7.0 / 5, 9.0 / 5, 11.0 / 5, 13.0 / 5, 3, 3}, 1e-15);
    }

    @Test
    void decaysLinearlyToZeroWhenTheEndFactorIsZero() {
        ScheduleChecks.checkRates(warmup, PluginConfig.of(warmup, Map.of("start-factor", 1, "end-factor", 0, "total-iters", 4)),
                2, new double[] {2, 1.5, 1, 0.5, 0, 0}, 1e-15);
    }

    @Test
    void refusesFactorsOutsidePyTorchsBoundsAndNoRamp() {
        assertThatThrownBy(() -> PluginConfig.of(warmup, Map.of("start-factor", 0))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("start-factor");
        assertThatThrownBy(() -> PluginConfig.of(warmup, Map.of("start-factor", 1.5))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("start-factor");
        assertThatThrownBy(() -> PluginConfig.of(warmup, Map.of("end-factor", 1.1))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("end-factor");
        assertThatThrownBy(() -> PluginConfig.of(warmup, Map.of("total-iters", 0))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("total-iters");
    }
}
