package org.djx.plugins.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.djx.api.Parameter;
import org.djx.api.Shape;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerState;
import org.djx.testkit.OptimizerChecks;
import org.djx.testkit.PluginConfig;
import org.djx.testkit.Quadratic;
import org.junit.jupiter.api.Test;

/**
 * Adam with PyTorch's semantics: weight decay joins the gradient before the moments, moments are
 * bias-corrected.
 */
class AdamOptimizerTests {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    // One scalar: f = (w - 0.5)^2, so g = 2 (w - 0.5); start at w0 = 1.5, lr = 0.1.
    private static final Quadratic SCALAR = Quadratic.of(new double[] {2}, new double[] {0.5}, new double[] {1.5});

    private final AdamOptimizerFactory adam = new AdamOptimizerFactory();

    private PluginConfig config(double lr, double decay) {
        return PluginConfig.of(adam, Map.of("lr", lr, "weight-decay", decay));
    }

    @Test
    void descendsOnTheKitsQuadratic() {
        OptimizerChecks.checkDescent(adam, PluginConfig.of(adam, Map.of("lr", 0.01)));
    }

    @Test
    void givesBitwiseIdenticalTrajectoriesForTheSameConfiguration() {
        OptimizerChecks.checkDeterminism(adam, config(0.01, 0.1));
    }

    @Test
    void continuesBitForBitFromAnExportedStateIncludingTheStepCount() {
        OptimizerChecks.checkStateRestore(adam, config(0.01, 0.1));
    }

    @Test
    void takesTheLearningRateAScheduleSets() {
        OptimizerChecks.checkLearningRate(adam, config(0.01, 0.1));
    }

    @Test
    void refusesTheStateOfAnotherOptimizer() {
        List<Parameter> parameters = List.of(new Parameter("w", Parameter.Role.WEIGHT, Shape.of(2), 1, 1));
        OptimizerState sgdState = new SgdOptimizerFactory()
                .create(PluginConfig.of(new SgdOptimizerFactory(), Map.of("lr", 0.1)), parameters).exportState();
        Optimizer optimizer = adam.create(config(0.01, 0), parameters);

        assertThatThrownBy(() -> optimizer.restoreState(sgdState)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot restore the state of optimizer 'sgd' into optimizer 'adam'; a state fits only the"
                        + " kind of optimizer that exported it");
    }

    @Test
    void exportsBothMomentsOfEveryParameterAndTheStepCount() {
        List<Parameter> parameters = List.of(new Parameter("w", Parameter.Role.WEIGHT, Shape.of(1), 1, 1));
        parameters.get(0).gradient().set(0, 2.0);
        Optimizer optimizer = adam.create(config(0.1, 0), parameters);
        optimizer.step();

        OptimizerState state = optimizer.exportState();

        // After one step from zero moments: m = (1 - beta1) g = 0.2, v = (1 - beta2) g^2 = 0.004.
        assertThat(state.tensorNames()).containsExactly("first/0", "second/0");
        assertThat(state.tensor("first/0").get(0)).isCloseTo(0.2, within(1e-15));
        assertThat(state.tensor("second/0").get(0)).isCloseTo(0.004, within(1e-15));
        assertThat(state.scalar("step")).isEqualTo(1.0);
    }

    @Test
    void firstStepMovesByAboutTheLearningRateAgainstTheGradientsSign() {
        // Step 1: m1 = (1 - b1) g1 and v1 = (1 - b2) g1^2, so the corrected moments are g1 and g1^2 and
        // w1 = w0 - lr g1 / (|g1| + eps). With g1 = 2: w1 = 1.5 - 0.1 * 2 / (2 + 1e-8) = 1.4000000005.
        double[][] trajectory = OptimizerChecks.trajectory(adam, config(0.1, 0), SCALAR, 1);

        assertThat(trajectory[1][0]).isCloseTo(1.4000000005, within(1e-15));
    }

    @Test
    void secondStepUsesBiasCorrectedMomentsDerivedByHand() {
        // g2 = 2 (1.4000000005 - 0.5) = 1.800000001
        // m2 = 0.9 * 0.1 * 2 + 0.1 * g2 = 0.3600000001,  m2 / (1 - 0.9^2) = 1.894736842631579
        // v2 = 0.999 * 0.001 * 4 + 0.001 * g2^2 = 0.0072360000036,  v2 / (1 - 0.999^2) = 3.6198099067534253
        // w2 = w1 - 0.1 * 1.894736842631579 / (sqrt(3.6198099067534253) + 1e-8) = 1.3004122286917927
        double[][] trajectory = OptimizerChecks.trajectory(adam, config(0.1, 0), SCALAR, 2);

        assertThat(trajectory[2][0]).isCloseTo(1.3004122286917927, within(1e-15));
    }

    @Test
    void addsWeightDecayToTheGradientBeforeTheMoments() {
        // With decay 0.1, g1 = 2 (1.5 - 0.5) + 0.1 * 1.5 = 2.15: still a step of about lr,
        // w1 = 1.5 - 0.1 * 2.15 / (2.15 + 1e-8) = 1.4000000004651163, and w2 = 1.3003988834318108.
        double[][] trajectory = OptimizerChecks.trajectory(adam, config(0.1, 0.1), SCALAR, 2);

        assertThat(trajectory[1][0]).isCloseTo(1.4000000004651163, within(1e-15));
        assertThat(trajectory[2][0]).isCloseTo(1.3003988834318108, within(1e-15));
        // AdamW would instead shrink w by lr * decay * w outside the moments: 1.5 - 0.015 - 0.0999999995.
        assertThat(trajectory[1][0]).isNotCloseTo(1.3850000005, within(1e-3));
    }

    @Test
    void matchesTheTextbookAlgorithmOverTwoParametersWithoutWeightDecay() {
        checkAgainstTextbookAdam(0.05, 0);
    }

    @Test
    void matchesTheTextbookAlgorithmOverTwoParametersWithWeightDecay() {
        checkAgainstTextbookAdam(0.05, 0.2);
    }

    /**
     * Kingma and Ba's algorithm written out with explicit bias-corrected moments, the gradient including
     * PyTorch's L2 term, over the kit's standard quadratic (two parameters) for five steps.
     */
    private void checkAgainstTextbookAdam(double lr, double decay) {
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
                double g = a[i] * (w[i] - c[i]) + decay * w[i];
                m[i] = BETA1 * m[i] + (1 - BETA1) * g;
                v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
                double mHat = m[i] / (1 - Math.pow(BETA1, t));
                double vHat = v[i] / (1 - Math.pow(BETA2, t));
                w[i] -= lr * mHat / (Math.sqrt(vHat) + EPSILON);
            }
            expected[t] = w.clone();
        }

        // PyTorch folds the corrections into the step size, so the last bits may differ.
        OptimizerChecks.checkTrajectory(adam, config(lr, decay), Quadratic.standard(), expected, 1e-13);
    }
}
