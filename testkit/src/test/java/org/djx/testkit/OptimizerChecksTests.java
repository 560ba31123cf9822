package org.djx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.djx.api.Parameter;
import org.djx.api.spi.Config;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
import org.djx.api.spi.ParameterSpec;
import org.junit.jupiter.api.Test;

class OptimizerChecksTests {
    /** w <- w - lr * g, with a switchable bug; remembers the parameters it was last given. */
    static final class DescentOptimizerFactory implements OptimizerFactory {
        private static int sharedSteps;
        final List<Parameter> lastParameters = new ArrayList<>();

        @Override
        public String name() {
            return "descent";
        }

        @Override
        public String description() {
            return "Plain gradient descent.";
        }

        @Override
        public List<ParameterSpec> configuration() {
            return List.of(
                    ParameterSpec.number("lr", "Learning rate.").withDefault(0.01).greaterThan(0),
                    ParameterSpec.string("bug", "Which mistake the optimizer makes.", "none", "ascends", "shared-state",
                            "own-randomness", "explodes").withDefault("none"));
        }

        @Override
        public Optimizer create(Config config, List<Parameter> parameters) {
            double lr = config.number("lr");
            String bug = config.string("bug");
            lastParameters.clear();
            lastParameters.addAll(parameters);
            SplittableRandom unseeded = new SplittableRandom();
            return () -> {
                sharedSteps++;
                for (Parameter p : parameters) {
                    for (int i = 0; i < p.value().size(); i++) {
                        double w = p.value().get(i);
                        double g = p.gradient().get(i);
                        double next = switch (bug) {
                            case "ascends" -> w + lr * g;
                            case "shared-state" -> w - lr / sharedSteps * g;
                            case "own-randomness" -> w - lr * g * (1 + 1e-3 * unseeded.nextDouble());
                            case "explodes" -> w - 1e300 * g * 1e300;
                            default -> w - lr * g;
                        };
                        p.value().set(i, next);
                    }
                }
            };
        }
    }

    private static Config descent(double lr, String bug) {
        return PluginConfig.of(new DescentOptimizerFactory(), Map.of("lr", lr, "bug", bug));
    }

    private static final Quadratic ONE_VARIABLE = Quadratic.of(new double[] {2}, new double[] {1}, new double[] {3});

    @Test
    void recordsTheStartAndTheValuesAfterEachStep() {
        // g = 2 (w - 1); w <- w - 0.25 g halves the distance to 1 at every step.
        double[][] trajectory = OptimizerChecks.trajectory(new DescentOptimizerFactory(), descent(0.25, "none"),
                ONE_VARIABLE, 3);

        assertThat(trajectory).isDeepEqualTo(new double[][] {{3}, {2}, {1.5}, {1.25}});
    }

    @Test
    void spreadsTheVariablesOverTheRequestedParameters() {
        DescentOptimizerFactory factory = new DescentOptimizerFactory();
        Quadratic problem = Quadratic.standard();

        double[][] split = OptimizerChecks.trajectory(factory, descent(0.1, "none"), problem, 2);
        List<Parameter> parameters = List.copyOf(factory.lastParameters);
        double[][] whole = OptimizerChecks.trajectory(factory, descent(0.1, "none"), problem.split(4), 2);

        assertThat(parameters).extracting(Parameter::name).containsExactly("w0", "w1");
        assertThat(parameters).extracting(p -> p.value().size()).containsExactly(3, 1);
        assertThat(factory.lastParameters).hasSize(1);
        assertThat(split).isDeepEqualTo(whole);
        // Variable 3: a = 4, c = 3, start 0, so g = -12 and w1 = 0 + 0.1 * 12.
        assertThat(split[1][3]).isEqualTo(1.2000000000000002);
    }

    @Test
    void acceptsMatchingGoldenValues() {
        assertThatCode(() -> OptimizerChecks.checkTrajectory(new DescentOptimizerFactory(), descent(0.25, "none"),
                ONE_VARIABLE, new double[][] {{3}, {2}, {1.5}, {1.25}}, 1e-15)).doesNotThrowAnyException();
    }

    @Test
    void reportsTheFirstStepAndVariableThatDifferFromGoldenValues() {
        assertThatThrownBy(() -> OptimizerChecks.checkTrajectory(new DescentOptimizerFactory(), descent(0.25, "none"),
                ONE_VARIABLE, new double[][] {{3}, {2}, {1.6}, {1.3}}, 1e-9))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("optimizer 'descent' {lr=0.25, bug=\"none\"} on f(w) = 1/2 sum_i a_i (w_i - c_i)^2"
                        + " with a = [2.0], c = [1.0], start [3.0], parameter sizes [1]: after step 2, variable 0"
                        + " (element 0 of 'w0') is 1.5, expected 1.6, relative error ");
    }

    @Test
    void passesDescentAndDeterminismForGradientDescent() {
        assertThatCode(() -> OptimizerChecks.checkDescent(new DescentOptimizerFactory(), descent(0.01, "none")))
                .doesNotThrowAnyException();
        assertThatCode(() -> OptimizerChecks.checkDeterminism(new DescentOptimizerFactory(), descent(0.01, "none")))
                .doesNotThrowAnyException();
    }

    @Test
    void failsTheDescentCheckForAnOptimizerThatAddsTheGradient() {
        assertThatThrownBy(() -> OptimizerChecks.checkDescent(new DescentOptimizerFactory(), descent(0.01, "ascends")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("optimizer 'descent' {lr=0.01, bug=\"ascends\"} on f(w)")
                .hasMessageContaining("f increased at step 1 from 27.5 to ");
    }

    @Test
    void failsTheDescentCheckWhenValuesStopBeingFinite() {
        assertThatThrownBy(() -> OptimizerChecks.checkDescent(new DescentOptimizerFactory(), descent(0.01, "explodes")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("after step 1, variable 0 (element 0 of 'w0') is Infinity; values must stay finite");
    }

    @Test
    void failsTheDeterminismCheckForStateSharedBetweenInstances() {
        assertThatThrownBy(() -> OptimizerChecks.checkDeterminism(new DescentOptimizerFactory(),
                descent(0.01, "shared-state")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a second optimizer run after the first differs from a lone fresh run after step 1"
                        + " at variable 0 (element 0 of 'w0')")
                .hasMessageContaining("must give bitwise identical trajectories");
    }

    @Test
    void failsTheDeterminismCheckForAnOptimizerWithItsOwnRandomness() {
        assertThatThrownBy(() -> OptimizerChecks.checkDeterminism(new DescentOptimizerFactory(),
                descent(0.01, "own-randomness")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("differs from a lone fresh run after step 1");
    }

    @Test
    void rejectsAnIllFormedQuadratic() {
        assertThatThrownBy(() -> Quadratic.of(new double[] {1, 0}, new double[] {0, 0}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("variable 1 needs a positive finite curvature");
        assertThatThrownBy(() -> Quadratic.standard().split(2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter sizes [2, 1] must add up to 4 variables");
    }

    @Test
    void evaluatesTheQuadratic() {
        // 1/2 (0.5 * 4 + 1 * 9 + 2 * 4 + 4 * 9) = 27.5
        assertThat(Quadratic.standard().value(Quadratic.standard().start())).isEqualTo(27.5);
    }
}
