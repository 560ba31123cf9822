package org.djx.plugins.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.djx.api.ConfigurationException;
import org.djx.testkit.PluginConfig;
import org.djx.testkit.ScheduleChecks;
import org.junit.jupiter.api.Test;

/** Cosine annealing as PyTorch's CosineAnnealingLR: eta_min + (lr - eta_min) (1 + cos(pi e / T_max)) / 2. */
class CosineScheduleTests {
    // cos(pi / 4) = sqrt(2) / 2, so (1 + cos(pi / 4)) / 2 = 1/2 + sqrt(2) / 4 and (1 + cos(3 pi / 4)) / 2 = 1/2 - sqrt(2) / 4.
    private static final double UPPER = 0.5 + Math.sqrt(2) / 4;
    private static final double LOWER = 0.5 - Math.sqrt(2) / 4;

    private final CosineScheduleFactory cosine = new CosineScheduleFactory();

    @Test
    void passesTheKitsChecks() {
        for (PluginConfig config : new PluginConfig[] {PluginConfig.defaults(cosine),
                PluginConfig.of(cosine, Map.of("t-max", 3, "eta-min", 0.001)), PluginConfig.of(cosine, Map.of("eta-min", 10))}) {
            ScheduleChecks.checkValidRates(cosine, config);
            ScheduleChecks.checkDeterminism(cosine, config);
        }
    }

    @Test
    void spansTheRunByDefaultFromTheBaseRateTowardsZeroByHand() {
        // Four epochs, base 0.1: T_max = 4, so epochs 0 to 3 train at 0.1 (1 + cos(pi e / 4)) / 2.
        ScheduleChecks.checkRates(cosine, PluginConfig.defaults(cosine), 0.1,
                new double[] {0.1, 0.1 * UPPER, 0.05, 0.1 * LOWER}, 1e-15);
    }

    @Test
    void annealsToEtaMinAtTMaxAndRisesAgainPastItByHand() {
        // t-max 4, eta-min 0.01, base 0.1: 0.01 + 0.09 (1 + cos(pi e / 4)) / 2 for e = 0 ... 5.
        double[] expected = {0.1, 0.01 + 0.09 * UPPER, 0.055, 0.01 + 0.09 * LOWER, 0.01, 0.01 + 0.09 * LOWER};
        ScheduleChecks.checkRates(cosine, PluginConfig.of(cosine, Map.of("t-max", 4, "eta-min", 0.01)), 0.1, expected, 1e-15);

        assertThat(expected[1]).isCloseTo(0.0868198051533946, org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void leavesTMaxToTheRunWhenNotGiven() {
        assertThat(PluginConfig.defaults(cosine).has("t-max")).isFalse();
        double[] ten = ScheduleChecks.rates(cosine, PluginConfig.defaults(cosine), 10, 1);
        double[] twenty = ScheduleChecks.rates(cosine, PluginConfig.defaults(cosine), 20, 1);

        // Halfway through each run the rate is half the base.
        assertThat(ten[5]).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(twenty[10]).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void refusesATMaxBelowOneAndANegativeEtaMin() {
        assertThatThrownBy(() -> PluginConfig.of(cosine, Map.of("t-max", 0))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("t-max");
        assertThatThrownBy(() -> PluginConfig.of(cosine, Map.of("eta-min", -0.1))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("eta-min");
    }
}
