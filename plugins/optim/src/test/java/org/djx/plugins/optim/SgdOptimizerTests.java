package org.djx.plugins.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.djx.api.ConfigurationException;
import org.djx.testkit.OptimizerChecks;
import org.djx.testkit.PluginConfig;
import org.djx.testkit.Quadratic;
import org.junit.jupiter.api.Test;

/** Plain SGD with PyTorch's weight decay: w_{t+1} = w_t - lr (g_t + wd w_t). */
class SgdOptimizerTests {
    private static final double[] A = {0.5, 1, 2, 4};
    private static final double[] C = {1, -2, 0.5, 3};
    private static final double[] START = {-1, 1, 2.5, 0};

    private final SgdOptimizerFactory sgd = new SgdOptimizerFactory();

    @Test
    void descendsOnTheKitsQuadratic() {
        OptimizerChecks.checkDescent(sgd, PluginConfig.of(sgd, Map.of("lr", 0.01)));
    }

    @Test
    void givesBitwiseIdenticalTrajectoriesForTheSameConfiguration() {
        OptimizerChecks.checkDeterminism(sgd, PluginConfig.of(sgd, Map.of("lr", 0.01, "weight-decay", 0.1)));
    }

    @Test
    void exportsAStateWithNothingAccumulatedAndRestoresItBitForBit() {
        OptimizerChecks.checkStateRestore(sgd, PluginConfig.of(sgd, Map.of("lr", 0.01, "weight-decay", 0.1)));
    }

    @Test
    void takesTheLearningRateAScheduleSets() {
        OptimizerChecks.checkLearningRate(sgd, PluginConfig.of(sgd, Map.of("lr", 0.01, "weight-decay", 0.1)));
    }

    @Test
    void takesOneStepOfLearningRateTimesGradientPlusDecayByHand() {
        // f = (w - 1)^2, w0 = 3: g = 2 (3 - 1) = 4, decay term 0.5 * 3 = 1.5, w1 = 3 - 0.1 * 5.5 = 2.45.
        Quadratic problem = Quadratic.of(new double[] {2}, new double[] {1}, new double[] {3});

        double[][] trajectory = OptimizerChecks.trajectory(sgd,
                PluginConfig.of(sgd, Map.of("lr", 0.1, "weight-decay", 0.5)), problem, 1);

        assertThat(trajectory[1][0]).isEqualTo(2.45);
    }

    @Test
    void matchesThreeStepsComputedIndependentlyWithoutWeightDecay() {
        checkAgainstIndependentSgd(0.05, 0.0);
    }

    @Test
    void matchesThreeStepsComputedIndependentlyWithWeightDecay() {
        checkAgainstIndependentSgd(0.05, 0.2);
    }

    @Test
    void requiresALearningRate() {
        assertThatThrownBy(() -> PluginConfig.defaults(sgd))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("missing required key 'lr'");
    }

    /** w_{t+1} = w_t - lr (g_t + wd w_t) with g_t = a (w_t - c), over two parameters of sizes 3 and 1. */
    private void checkAgainstIndependentSgd(double lr, double decay) {
        int steps = 3;
        double[][] expected = new double[steps + 1][];
        expected[0] = START.clone();
        for (int t = 0; t < steps; t++) {
            expected[t + 1] = new double[A.length];
            for (int i = 0; i < A.length; i++) {
                double w = expected[t][i];
                double g = A[i] * (w - C[i]);
                expected[t + 1][i] = w - lr * (g + decay * w);
            }
        }

        OptimizerChecks.checkTrajectory(sgd, PluginConfig.of(sgd, Map.of("lr", lr, "weight-decay", decay)),
                Quadratic.of(A, C, START).split(3, 1), expected, 1e-15);
    }
}
