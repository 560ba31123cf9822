package com.example.djx.extras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.djx.testkit.OptimizerChecks;
import org.djx.testkit.PluginConfig;
import org.djx.testkit.Quadratic;
import org.junit.jupiter.api.Test;

/**
 * The rmsprop optimizer: the kit's descent and determinism checks, and golden values, both worked out
 * by hand for two steps and computed from PyTorch's update rule for five.
 */
class RmspropOptimizerTests {
    private static final double ALPHA = 0.99;
    private static final double EPSILON = 1e-8;

    // One scalar: f = (w - 0.5)^2, so g = 2 (w - 0.5); start at w0 = 1.5.
    private static final Quadratic SCALAR = Quadratic.of(new double[] {2}, new double[] {0.5}, new double[] {1.5});

    private final RmspropOptimizerFactory rmsprop = new RmspropOptimizerFactory();

    private PluginConfig config(double lr, double decay) {
        return PluginConfig.of(rmsprop, Map.of("lr", lr, "weight-decay", decay));
    }

    @Test
    void descendsOnTheKitsQuadratic() {
        OptimizerChecks.checkDescent(rmsprop, config(0.01, 0));
    }

    @Test
    void givesBitwiseIdenticalTrajectoriesForTheSameConfiguration() {
        OptimizerChecks.checkDeterminism(rmsprop, config(0.01, 0.1));
    }

    @Test
    void continuesBitForBitFromAnExportedState() {
        OptimizerChecks.checkStateRestore(rmsprop, config(0.01, 0.1));
    }

    @Test
    void takesTheLearningRateAScheduleSets() {
        OptimizerChecks.checkLearningRate(rmsprop, config(0.01, 0.1));
    }

    @Test
    void firstTwoStepsMatchValuesDerivedByHand() {
        // Step 1: g1 = 2, v1 = 0.01 * 4 = 0.04, w1 = 1.5 - 0.01 * 2 / (sqrt(0.04) + 1e-8) = 1.400000005.
        // Step 2: g2 = 2 (w1 - 0.5) = 1.80000001, v2 = 0.99 * 0.04 + 0.01 * g2^2 = 0.0720000036,
        //         w2 = w1 - 0.01 * g2 / (sqrt(v2) + 1e-8) = 1.33291796797.
        double[][] trajectory = OptimizerChecks.trajectory(rmsprop, config(0.01, 0), SCALAR, 2);

        assertEquals(1.4000000049999999, trajectory[1][0], 1e-15);
        assertEquals(1.3329179679700331, trajectory[2][0], 1e-15);
    }

    @Test
    void addsWeightDecayToTheGradientBeforeTheRunningMean() {
        // With decay 0.1: g1 = 2 + 0.1 * 1.5 = 2.15, still a first step of about lr / sqrt(1 - alpha) = 0.1.
        double[][] trajectory = OptimizerChecks.trajectory(rmsprop, config(0.01, 0.1), SCALAR, 2);

        assertEquals(1.4000000046511627, trajectory[1][0], 1e-15);
        assertEquals(1.3328227973402798, trajectory[2][0], 1e-15);
    }

    @Test
    void followsPyTorchsUpdateRuleOverTwoParametersWithoutWeightDecay() {
        checkAgainstTheUpdateRule(0.05, 0);
    }

    @Test
    void followsPyTorchsUpdateRuleOverTwoParametersWithWeightDecay() {
        checkAgainstTheUpdateRule(0.05, 0.2);
    }

    /** torch.optim.RMSprop's update without momentum, written out over the kit's standard quadratic. */
    private void checkAgainstTheUpdateRule(double lr, double decay) {
        double[] a = {0.5, 1, 2, 4};
        double[] c = {1, -2, 0.5, 3};
        double[] w = {-1, 1, 2.5, 0};
        double[] v = new double[w.length];
        int steps = 5;
        double[][] expected = new double[steps + 1][];
        expected[0] = w.clone();
        for (int t = 1; t <= steps; t++) {
            for (int i = 0; i < w.length; i++) {
                double g = a[i] * (w[i] - c[i]) + decay * w[i];
                v[i] = ALPHA * v[i] + (1 - ALPHA) * g * g;
                w[i] = w[i] - lr * g / (Math.sqrt(v[i]) + EPSILON);
            }
            expected[t] = w.clone();
        }

        OptimizerChecks.checkTrajectory(rmsprop, config(lr, decay), Quadratic.standard(), expected, 1e-15);
    }
}
