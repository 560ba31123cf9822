package org.djx.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.djx.api.Parameter;
import org.djx.api.Tensor;
import org.djx.api.spi.Config;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
import org.djx.api.spi.OptimizerState;
import org.djx.api.spi.ParameterSpec;
import org.junit.jupiter.api.Test;

/** The checks of the state and learning-rate hooks, against an optimizer with a switchable mistake. */
class OptimizerHookChecksTests {
    /** Heavy-ball momentum, {@code v <- 0.5 v + g; w <- w - lr v}: its velocity is state worth saving. */
    static final class MomentumOptimizerFactory implements OptimizerFactory {
        @Override
        public String name() {
            return "momentum";
        }

        @Override
        public String description() {
            return "Gradient descent with momentum 0.5.";
        }

        @Override
        public List<ParameterSpec> configuration() {
            return List.of(
                    ParameterSpec.number("lr", "Learning rate.").withDefault(0.05).greaterThan(0),
                    ParameterSpec.string("bug", "Which mistake the optimizer makes.", "none", "restores-nothing", "no-hooks", "wrong-name", "accepts-any-state", "ignores-rate",
                            "rate-compounds", "rate-without-base").withDefault("none"));
        }

        @Override
        public Optimizer create(Config config, List<Parameter> parameters) {
            return new Momentum(parameters, config.number("lr"), config.string("bug"));
        }
    }

    private static final class Momentum implements Optimizer {
        private final List<Parameter> parameters;
        private final Tensor[] velocity;
        private final double base;
        private final String bug;
        private double lr;

        Momentum(List<Parameter> parameters, double lr, String bug) {
            this.parameters = List.copyOf(parameters);
            this.velocity = parameters.stream().map(p -> Tensor.zeros(p.value().size())).toArray(Tensor[]::new);
            this.base = lr;
            this.lr = lr;
            this.bug = bug;
        }

        @Override
        public void step() {
            for (int k = 0; k < parameters.size(); k++) {
                Tensor w = parameters.get(k).value();
                Tensor g = parameters.get(k).gradient();
                for (int i = 0; i < w.size(); i++) {
                    velocity[k].set(i, 0.5 * velocity[k].get(i) + g.get(i));
                    w.set(i, w.get(i) - lr * velocity[k].get(i));
                }
            }
        }

        @Override
        public OptionalDouble baseLearningRate() {
            return bug.equals("no-hooks") || bug.equals("rate-without-base") ? OptionalDouble.empty() : OptionalDouble.of(base);
        }

        @Override
        public void setLearningRate(double learningRate) {
            switch (bug) {
                case "no-hooks" -> Optimizer.super.setLearningRate(learningRate);
                case "ignores-rate" -> { }
                case "rate-compounds" -> lr *= learningRate / base;
                default -> lr = learningRate;
            }
        }

        @Override
        public OptimizerState exportState() {
            if (bug.equals("no-hooks")) {
                return Optimizer.super.exportState();
            }
            OptimizerState.Builder state = OptimizerState.builder(bug.equals("wrong-name") ? "Momentum" : "momentum",
                    parameters);
            for (int k = 0; k < velocity.length; k++) {
                state.tensor("velocity/" + k, velocity[k]);
            }
            return state.build();
        }

        @Override
        public void restoreState(OptimizerState state) {
            switch (bug) {
                case "no-hooks" -> Optimizer.super.restoreState(state);
                case "restores-nothing" -> state.requireFits("momentum", parameters);
                case "accepts-any-state" -> {
                    for (int k = 0; k < velocity.length && state.tensorNames().contains("velocity/" + k); k++) {
                        velocity[k] = state.tensor("velocity/" + k);
                    }
                }
                default -> {
                    state.requireFits(bug.equals("wrong-name") ? "Momentum" : "momentum", parameters);
                    for (int k = 0; k < velocity.length; k++) {
                        state.copyInto("velocity/" + k, velocity[k]);
                    }
                }
            }
        }
    }

    private static final MomentumOptimizerFactory MOMENTUM = new MomentumOptimizerFactory();

    private static Config momentum(String bug) {
        return PluginConfig.of(MOMENTUM, Map.of("bug", bug));
    }

    @Test
    void aCorrectOptimizerPassesBothChecks() {
        assertThatCode(() -> OptimizerChecks.checkStateRestore(MOMENTUM, momentum("none"))).doesNotThrowAnyException();
        assertThatCode(() -> OptimizerChecks.checkLearningRate(MOMENTUM, momentum("none"))).doesNotThrowAnyException();
    }

    @Test
    void anOptimizerWithoutARateThatRefusesToSetOnePassesTheRateCheck() {
        assertThatCode(() -> OptimizerChecks.checkLearningRate(MOMENTUM, momentum("no-hooks"))).doesNotThrowAnyException();
    }

    @Test
    void aRestoreThatDropsTheStateBreaksTheTrajectory() {
        assertThatThrownBy(() -> OptimizerChecks.checkStateRestore(MOMENTUM, momentum("restores-nothing")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("optimizer 'momentum'")
                .hasMessageContaining("a fresh optimizer given the exported state differs from the optimizer that"
                        + " exported it (steps counted from the export) after step 1 at variable 0");
    }

    @Test
    void anOptimizerWithoutStateHooksIsToldToImplementThem() {
        assertThatThrownBy(() -> OptimizerChecks.checkStateRestore(MOMENTUM, momentum("no-hooks")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("exportState() is not implemented");
    }

    @Test
    void aStateUnderAnotherNameIsReported() {
        assertThatThrownBy(() -> OptimizerChecks.checkStateRestore(MOMENTUM, momentum("wrong-name")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("exportState() names the optimizer 'Momentum', expected the plugin's name 'momentum'");
    }

    @Test
    void aRestoreThatTakesAStateOfOtherParametersIsReported() {
        assertThatThrownBy(() -> OptimizerChecks.checkStateRestore(MOMENTUM, momentum("accepts-any-state")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("restoreState accepted a state exported for the parameters of");
    }

    @Test
    void anOptimizerThatIgnoresTheRateFailsAtRateZero() {
        assertThatThrownBy(() -> OptimizerChecks.checkLearningRate(MOMENTUM, momentum("ignores-rate")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("an optimizer at learning rate 0 moved after step 1 at variable 0");
    }

    @Test
    void aRateThatCompoundsInsteadOfBeingReplacedFailsTheSetBackCheck() {
        // Rate 0 still stops it, but "twice, then the base" multiplies by 2 and then by 1: it steps at
        // 0.1 instead of 0.05.
        assertThatThrownBy(() -> OptimizerChecks.checkLearningRate(MOMENTUM, momentum("rate-compounds")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("before every step differs from one whose rate was never set after step 1");
    }

    @Test
    void anOptimizerWithoutABaseRateThatAcceptsOneIsReported() {
        assertThatThrownBy(() -> OptimizerChecks.checkLearningRate(MOMENTUM, momentum("rate-without-base")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("baseLearningRate() is empty, yet setLearningRate(0.5) was accepted");
    }
}
