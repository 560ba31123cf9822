package org.djx.plugins.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.djx.api.ConfigurationException;
import org.djx.api.Parameter;
import org.djx.api.Shape;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerState;
import org.djx.testkit.OptimizerChecks;
import org.djx.testkit.PluginConfig;
import org.djx.testkit.Quadratic;
import org.junit.jupiter.api.Test;

/**
 * AdamW with PyTorch's semantics: each step first multiplies the weights by 1 - lr * wd, then takes
 * Adam's bias-corrected step on the plain gradient.
 */
class AdamWOptimizerTests {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    // One scalar: f = (w - 0.5)^2, so g = 2 (w - 0.5); start at w0 = 1.5.
    private static final Quadratic SCALAR = Quadratic.of(new double[] {2}, new double[] {0.5}, new double[] {1.5});

    private final AdamWOptimizerFactory adamw = new AdamWOptimizerFactory();

    private PluginConfig config(double lr, double decay) {
        return PluginConfig.of(adamw, Map.of("lr", lr, "weight-decay", decay));
    }

    @Test
    void passesTheKitsChecks() {
        OptimizerChecks.checkDescent(adamw, config(0.01, 0));
        for (PluginConfig config : List.of(config(0.01, 0.1),
                PluginConfig.of(adamw, Map.of("lr", 0.01, "weight-decay", 0.1, "amsgrad", true)))) {
            OptimizerChecks.checkDeterminism(adamw, config);
            OptimizerChecks.checkStateRestore(adamw, config);
            OptimizerChecks.checkLearningRate(adamw, config);
        }
    }

    @Test
    void hasPyTorchsDefaultsWeightDecayIncluded() {
        PluginConfig defaults = PluginConfig.defaults(adamw);

        assertThat(defaults.number("lr")).isEqualTo(0.001);
        assertThat(defaults.number("beta1")).isEqualTo(0.9);
        assertThat(defaults.number("beta2")).isEqualTo(0.999);
        assertThat(defaults.number("epsilon")).isEqualTo(1e-8);
        assertThat(defaults.number("weight-decay")).isEqualTo(0.01);
        assertThat(defaults.bool("amsgrad")).isFalse();
    }

    @Test
    void decaysTheWeightOutsideTheMomentsInThreeStepsByHand() {
        // lr 0.1, wd 0.1: every step first multiplies w by 1 - 0.01 = 0.99; the gradient is taken before.
        // t = 1: g = 2 (1.5 - 0.5) = 2, w -> 1.485; m = 0.2, v = 0.004; m^ = 2, v^ = 4
        //        w1 = 1.485 - 0.1 * 2 / (2 + 1e-8) = 1.3850000005
        // t = 2: g = 2 (w1 - 0.5) = 1.770000001, w -> 0.99 w1 = 1.371150000495
        //        m = 0.18 + 0.1770000001 = 0.3570000001, m^ = m / 0.19 = 1.8789473689473684
        //        v = 0.003996 + 0.001 g^2 = 0.00712890000354, v^ = v / 0.001999 = 3.5662331183291646
        //        w2 = 1.371150000495 - 0.1 * 1.8789473689473684 / (1.8884472770848448 + 1e-8) = 1.2716530549462652
        // t = 3: g = 1.5433061098925303, m^ = 1.7550945058275020, v^ = 3.1710249186997518
        //        w3 = 0.99 w2 - 0.1 m^ / (sqrt(v^) + 1e-8) = 1.1603765284759919
        double[][] trajectory = OptimizerChecks.trajectory(adamw, config(0.1, 0.1), SCALAR, 3);

        assertThat(trajectory[1][0]).isCloseTo(1.3850000005, within(1e-15));
        assertThat(trajectory[2][0]).isCloseTo(1.2716530549462652, within(1e-15));
        assertThat(trajectory[3][0]).isCloseTo(1.1603765284759919, within(1e-15));
        // Adam's L2 decay takes the decay into the moments and ends elsewhere: 1.4000000004651163 after one step.
        assertThat(trajectory[1][0]).isNotCloseTo(1.4000000004651163, within(1e-3));
    }

    @Test
    void amsgradDividesByTheLargestSecondMomentSoFarByHand() {
        // f = 2 w^2 (a = 4, c = 0), w0 = 1, lr 0.2, beta1 = beta2 = 0.5, no decay:
        // t = 1: g = 4,            m = 2,              v = 8 = max,        w1 = 1 - 0.2 * 4 / (sqrt(8 / 0.5) + 1e-8)
        //                                                                     = 0.8000000005
        // t = 2: g = 3.200000002,  m = 2.600000001,    v = 9.1200000064 = max,
        //        w2 = w1 - 0.2 * (m / 0.75) / (sqrt(max / 0.75) + 1e-8) = 0.6011730317089805
        // t = 3: g = 2.4046921268359220, m = 2.5023460639179610, v = 7.4512721156333351 < max = 9.1200000064,
        //        w3 = w2 - 0.2 * (m / 0.875) / (sqrt(max / 0.875) + 1e-8) = 0.42400885144382376
        //        (with v instead of the max it would be 0.40517...)
        Quadratic problem = Quadratic.of(new double[] {4}, new double[] {0}, new double[] {1});
        PluginConfig config = PluginConfig.of(adamw, Map.of("lr", 0.2, "beta1", 0.5, "beta2", 0.5, "weight-decay", 0,
                "amsgrad", true));

        double[][] trajectory = OptimizerChecks.trajectory(adamw, config, problem, 3);

        assertThat(trajectory[1][0]).isCloseTo(0.8000000005, within(1e-15));
        assertThat(trajectory[2][0]).isCloseTo(0.6011730317089805, within(1e-15));
        assertThat(trajectory[3][0]).isCloseTo(0.42400885144382376, within(1e-15));
        double[][] plain = OptimizerChecks.trajectory(adamw, PluginConfig.of(adamw, Map.of("lr", 0.2, "beta1", 0.5,
                "beta2", 0.5, "weight-decay", 0)), problem, 3);
        assertThat(plain[2][0]).isEqualTo(trajectory[2][0]);
        assertThat(plain[3][0]).isNotCloseTo(trajectory[3][0], within(1e-3));
    }

    @Test
    void matchesTheTextbookAlgorithmOverTwoParameters() {
        // Loshchilov and Hutter's algorithm with PyTorch's scaling: w <- w (1 - lr wd), then Adam's step
        // with explicit bias-corrected moments, over the kit's standard quadratic for five steps.
        double lr = 0.05;
        double decay = 0.2;
        double[] a = {0.5, 1, 2, 4};
        double[] c = {1, -2, 0.5, 3};
        double[] w = {-1, 1, 2.5, 0};
        int steps = 5;
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        double[][] expected = new double[steps + 1][];
        expected[0] = w.clone();
        for (int t = 1; t <= steps; t++) {
            for (int i = 0; i < w.length; i++) {
                double g = a[i] * (w[i] - c[i]);
                w[i] *= 1 - lr * decay;
                m[i] = BETA1 * m[i] + (1 - BETA1) * g;
                v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
                double mHat = m[i] / (1 - Math.pow(BETA1, t));
                double vHat = v[i] / (1 - Math.pow(BETA2, t));
                w[i] -= lr * mHat / (Math.sqrt(vHat) + EPSILON);
            }
            expected[t] = w.clone();
        }

        OptimizerChecks.checkTrajectory(adamw, config(lr, decay), Quadratic.standard(), expected, 1e-13);
    }

    @Test
    void exportsBothMomentsTheAmsgradMaximumAndTheStepCount() {
        List<Parameter> parameters = List.of(new Parameter("w", Parameter.Role.WEIGHT, Shape.of(1), 1, 1));
        parameters.get(0).gradient().set(0, 2.0);
        Optimizer optimizer = adamw.create(PluginConfig.of(adamw, Map.of("lr", 0.1, "amsgrad", true)), parameters);
        optimizer.step();

        OptimizerState state = optimizer.exportState();

        assertThat(state.optimizer()).isEqualTo("adamw");
        assertThat(state.tensorNames()).containsExactlyInAnyOrder("first/0", "second/0", "max-second/0");
        assertThat(state.tensor("max-second/0").get(0)).isCloseTo(0.004, within(1e-15));
        assertThat(state.scalar("step")).isEqualTo(1.0);
    }

    @Test
    void refusesTheStateOfAdam() {
        List<Parameter> parameters = List.of(new Parameter("w", Parameter.Role.WEIGHT, Shape.of(2), 1, 1));
        AdamOptimizerFactory adam = new AdamOptimizerFactory();
        OptimizerState adamState = adam.create(PluginConfig.defaults(adam), parameters).exportState();
        Optimizer optimizer = adamw.create(PluginConfig.defaults(adamw), parameters);

        assertThatThrownBy(() -> optimizer.restoreState(adamState)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot restore the state of optimizer 'adam' into optimizer 'adamw'");
    }

    @Test
    void refusesADecayThatWouldZeroOrFlipTheWeightsEachStep() {
        assertThatThrownBy(() -> adamw.create(config(0.5, 2), List.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("invalid value at 'weight-decay' of 'adamw'")
                .hasMessageContaining("lr * weight-decay is 1.0; each step multiplies the weights by 1 - lr * weight-decay,"
                        + " so it must be below 1");
    }
}
