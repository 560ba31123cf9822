package org.djx.plugins.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.djx.api.ConfigurationException;
import org.djx.api.spi.InitializerFactory;
import org.djx.testkit.InitializerChecks;
import org.djx.testkit.PluginConfig;
import org.junit.jupiter.api.Test;

/**
 * Every built-in initializer against its closed-form distribution. Fan-in 100 and fan-out 400 differ,
 * so an initializer that scales by the wrong fan fails.
 */
class InitializerContractTests {
    private static final int FAN_IN = 100;
    private static final int FAN_OUT = 400;

    @Test
    void everyBuiltInInitializerIsCheckedHere() {
        Set<String> discovered = ServiceLoader.load(InitializerFactory.class).stream()
                .map(p -> p.get().name())
                .collect(Collectors.toSet());

        assertThat(discovered).containsExactlyInAnyOrder("normal", "uniform", "xavier-normal", "xavier-uniform",
                "he-normal", "he-uniform", "zeros", "constant");
    }

    @Test
    void normalDefaultsToMeanZeroAndStandardDeviationOneHundredth() {
        NormalInitializerFactory normal = new NormalInitializerFactory();

        InitializerChecks.checkNormal(normal, PluginConfig.defaults(normal), FAN_IN, FAN_OUT, 0, 0.01);
    }

    @Test
    void normalDrawsWithTheGivenMeanAndStandardDeviation() {
        NormalInitializerFactory normal = new NormalInitializerFactory();

        InitializerChecks.checkNormal(normal, PluginConfig.of(normal, Map.of("mean", 2, "std", 3)), FAN_IN, FAN_OUT,
                2, 3);
    }

    @Test
    void uniformDefaultsToPlusMinusFiveHundredths() {
        UniformInitializerFactory uniform = new UniformInitializerFactory();

        // Standard deviation (high - low) / sqrt(12) = 0.1 / sqrt(12).
        InitializerChecks.checkUniform(uniform, PluginConfig.defaults(uniform), FAN_IN, FAN_OUT, -0.05, 0.05);
    }

    @Test
    void uniformDrawsFromTheGivenRange() {
        UniformInitializerFactory uniform = new UniformInitializerFactory();

        InitializerChecks.checkUniform(uniform, PluginConfig.of(uniform, Map.of("low", 1, "high", 4)), FAN_IN,
                FAN_OUT, 1, 4);
    }

    @Test
    void uniformRejectsARangeWhoseHighDoesNotExceedItsLow() {
        UniformInitializerFactory uniform = new UniformInitializerFactory();
        PluginConfig config = PluginConfig.of(uniform, Map.of("low", 1, "high", 1));

        assertThatThrownBy(() -> uniform.create(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("at 'high' of 'uniform'")
                .hasMessageContaining("high must exceed low, found low = 1.0, high = 1.0");
    }

    @Test
    void xavierNormalHasStandardDeviationGainTimesRootOfTwoOverTheFanSum() {
        XavierNormalInitializerFactory xavier = new XavierNormalInitializerFactory();

        InitializerChecks.checkNormal(xavier, PluginConfig.defaults(xavier), FAN_IN, FAN_OUT, 0,
                Math.sqrt(2.0 / (FAN_IN + FAN_OUT)));
        InitializerChecks.checkNormal(xavier, PluginConfig.of(xavier, Map.of("gain", 2)), FAN_IN, FAN_OUT, 0,
                2 * Math.sqrt(2.0 / (FAN_IN + FAN_OUT)));
    }

    @Test
    void xavierUniformHasBoundGainTimesRootOfSixOverTheFanSum() {
        XavierUniformInitializerFactory xavier = new XavierUniformInitializerFactory();
        double bound = Math.sqrt(6.0 / (FAN_IN + FAN_OUT));

        InitializerChecks.checkUniform(xavier, PluginConfig.defaults(xavier), FAN_IN, FAN_OUT, -bound, bound);
        InitializerChecks.checkUniform(xavier, PluginConfig.of(xavier, Map.of("gain", 0.5)), FAN_IN, FAN_OUT,
                -0.5 * bound, 0.5 * bound);
    }

    @Test
    void xavierUniformHasTheSameStandardDeviationAsXavierNormal() {
        XavierUniformInitializerFactory xavier = new XavierUniformInitializerFactory();
        double bound = Math.sqrt(6.0 / (FAN_IN + FAN_OUT));

        // bound / sqrt(3) = sqrt(2 / (fan_in + fan_out)).
        InitializerChecks.checkMoments(xavier, PluginConfig.defaults(xavier), FAN_IN, FAN_OUT, 0, bound / Math.sqrt(3));
    }

    @Test
    void heNormalScalesByFanInByDefaultAndByFanOutOnRequest() {
        HeNormalInitializerFactory he = new HeNormalInitializerFactory();

        InitializerChecks.checkNormal(he, PluginConfig.defaults(he), FAN_IN, FAN_OUT, 0, Math.sqrt(2.0 / FAN_IN));
        InitializerChecks.checkNormal(he, PluginConfig.of(he, Map.of("mode", "fan-out")), FAN_IN, FAN_OUT, 0,
                Math.sqrt(2.0 / FAN_OUT));
    }

    @Test
    void heUniformHasBoundRootOfSixOverTheFan() {
        HeUniformInitializerFactory he = new HeUniformInitializerFactory();
        double fanInBound = Math.sqrt(6.0 / FAN_IN);
        double fanOutBound = Math.sqrt(6.0 / FAN_OUT);

        InitializerChecks.checkUniform(he, PluginConfig.defaults(he), FAN_IN, FAN_OUT, -fanInBound, fanInBound);
        InitializerChecks.checkUniform(he, PluginConfig.of(he, Map.of("mode", "fan-out")), FAN_IN, FAN_OUT,
                -fanOutBound, fanOutBound);
    }

    @Test
    void zerosSetsEveryWeightToZero() {
        ZerosInitializerFactory zeros = new ZerosInitializerFactory();

        InitializerChecks.checkConstant(zeros, PluginConfig.defaults(zeros), FAN_IN, FAN_OUT, 0);
    }

    @Test
    void constantSetsEveryWeightToTheGivenValue() {
        ConstantInitializerFactory constant = new ConstantInitializerFactory();

        InitializerChecks.checkConstant(constant, PluginConfig.of(constant, Map.of("value", -0.75)), FAN_IN, FAN_OUT,
                -0.75);
    }
}
