package org.djx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.djx.api.Parameter;
import org.djx.api.spi.Config;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
import org.djx.api.spi.ParameterSpec;
import org.djx.api.spi.Schedule;
import org.djx.api.spi.ScheduleFactory;
import org.junit.jupiter.api.Test;

/** The schedule checks, against a halving schedule with a switchable mistake. */
class ScheduleChecksTests {
    /** Halves the rate every epoch, {@code lr_e = base / 2^e}, or makes the mistake {@code bug} names. */
    static final class HalvingScheduleFactory implements ScheduleFactory {
        @Override
        public String name() {
            return "halving";
        }

        @Override
        public String description() {
            return "Halves the rate every epoch.";
        }

        @Override
        public List<ParameterSpec> configuration() {
            return List.of(ParameterSpec.string("bug", "Which mistake the schedule makes.", "none", "negative-at-end",
                    "nan-for-one-epoch", "counts-calls", "remembers-base", "null").withDefault("none"));
        }

        @Override
        public Schedule create(Config config, int epochs) {
            String bug = config.string("bug");
            switch (bug) {
                case "null":
                    return null;
                case "negative-at-end":
                    // A linear decay that overshoots zero in the last epoch of runs of 2 or more.
                    return (epoch, base) -> base * (1 - epoch / (epochs - 1.5));
                case "nan-for-one-epoch":
                    return (epoch, base) -> epochs == 1 ? 0.0 / 0.0 : base / Math.pow(2, epoch);
                case "counts-calls":
                    int[] calls = {0};
                    return (epoch, base) -> base / Math.pow(2, calls[0]++);
                case "remembers-base":
                    double[] first = {Double.NaN};
                    return (epoch, base) -> {
                        if (Double.isNaN(first[0])) {
                            first[0] = base;
                        }
                        return first[0] / Math.pow(2, epoch);
                    };
                default:
                    return (epoch, base) -> base / Math.pow(2, epoch);
            }
        }
    }

    private static final HalvingScheduleFactory HALVING = new HalvingScheduleFactory();

    private static Config halving(String bug) {
        return PluginConfig.of(HALVING, Map.of("bug", bug));
    }

    @Test
    void aCorrectSchedulePassesEveryCheck() {
        assertThatCode(() -> ScheduleChecks.checkValidRates(HALVING, halving("none"))).doesNotThrowAnyException();
        assertThatCode(() -> ScheduleChecks.checkDeterminism(HALVING, halving("none"))).doesNotThrowAnyException();
        assertThatCode(() -> ScheduleChecks.checkRates(HALVING, halving("none"), 0.8, new double[] {0.8, 0.4, 0.2, 0.1}, 0))
                .doesNotThrowAnyException();
    }

    @Test
    void ratesAreThoseOfEpochsCountedFromZero() {
        assertThat(ScheduleChecks.rates(HALVING, halving("none"), 3, 1)).containsExactly(1, 0.5, 0.25);
    }

    @Test
    void aRateOffTheGoldenValueIsReportedWithItsEpoch() {
        assertThatThrownBy(() -> ScheduleChecks.checkRates(HALVING, halving("none"), 0.8, new double[] {0.8, 0.4, 0.25}, 1e-12))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("schedule 'halving' {bug=\"none\"} over 3 epochs at base rate 0.8: the rate of epoch 2"
                        + " (from 0) is 0.2, expected 0.25");
    }

    @Test
    void aNegativeRateIsReported() {
        assertThatThrownBy(() -> ScheduleChecks.checkValidRates(HALVING, halving("negative-at-end")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("over 2 epochs at base rate 1.0E-4 gives epoch 1 (from 0) the rate -1.0E-4")
                .hasMessageContaining("every rate must be finite and >= 0");
    }

    @Test
    void aNaNRateInARunOfOneEpochIsReported() {
        assertThatThrownBy(() -> ScheduleChecks.checkValidRates(HALVING, halving("nan-for-one-epoch")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("over 1 epoch at base rate 1.0E-4 gives epoch 0 (from 0) the rate NaN");
    }

    @Test
    void aScheduleThatCountsItsCallsIsNotPure() {
        // Asked in order once, it gives the right rates; asked twice for an epoch, it does not.
        assertThatCode(() -> ScheduleChecks.checkRates(HALVING, halving("counts-calls"), 1, new double[] {1, 0.5, 0.25}, 0))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ScheduleChecks.checkDeterminism(HALVING, halving("counts-calls")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("over 1 epoch at base rate 1.0E-4: a schedule asked for each epoch repeatedly")
                .hasMessageContaining("a schedule must be a pure function of the epoch and the base rate");
    }

    @Test
    void aScheduleThatKeepsTheFirstBaseRateItSawIsNotPure() {
        assertThatThrownBy(() -> ScheduleChecks.checkDeterminism(HALVING, halving("remembers-base")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("asked for each epoch repeatedly, at other base rates in between");
    }

    @Test
    void aFactoryReturningNullIsReported() {
        assertThatThrownBy(() -> ScheduleChecks.rates(HALVING, halving("null"), 2, 1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("schedule 'halving' {bug=\"null\"}: create returned null for a run of 2 epochs");
    }

    @Test
    void refusesARunWithoutEpochsOrWithoutAPositiveBaseRate() {
        assertThatThrownBy(() -> ScheduleChecks.rates(HALVING, halving("none"), 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 epoch, found 0");
        assertThatThrownBy(() -> ScheduleChecks.rates(HALVING, halving("none"), 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite and above 0, found 0.0");
    }

    /** Plain gradient descent, {@code w <- w - lr g}, that records the rate of every step. */
    static final class RecordingDescentFactory implements OptimizerFactory {
        final java.util.List<Double> rates = new java.util.ArrayList<>();
        final boolean hasRate;

        RecordingDescentFactory(boolean hasRate) {
            this.hasRate = hasRate;
        }

        @Override
        public String name() {
            return "descent";
        }

        @Override
        public String description() {
            return "Gradient descent at rate 0.5.";
        }

        @Override
        public Optimizer create(Config config, List<Parameter> parameters) {
            return new Optimizer() {
                private double lr = 0.5;

                @Override
                public void step() {
                    rates.add(lr);
                    for (Parameter p : parameters) {
                        for (int i = 0; i < p.value().size(); i++) {
                            p.value().set(i, p.value().get(i) - lr * p.gradient().get(i));
                        }
                    }
                }

                @Override
                public OptionalDouble baseLearningRate() {
                    return hasRate ? OptionalDouble.of(0.5) : OptionalDouble.empty();
                }

                @Override
                public void setLearningRate(double learningRate) {
                    lr = learningRate;
                }
            };
        }
    }

    @Test
    void aTrajectorySetsEachEpochsRateBeforeItsSteps() {
        RecordingDescentFactory descent = new RecordingDescentFactory(true);
        Quadratic problem = Quadratic.of(new double[] {1}, new double[] {0}, new double[] {1});

        double[][] trajectory = ScheduleChecks.trajectory(HALVING, halving("none"), descent, PluginConfig.defaults(descent),
                problem, 3, 2);

        assertThat(descent.rates).containsExactly(0.5, 0.5, 0.25, 0.25, 0.125, 0.125);
        // f = w^2 / 2, g = w: each step multiplies w by 1 - lr.
        assertThat(trajectory).hasNumberOfRows(7);
        assertThat(trajectory[2][0]).isEqualTo(0.25);
        assertThat(trajectory[4][0]).isEqualTo(0.25 * 0.75 * 0.75);
        assertThat(trajectory[6][0]).isEqualTo(0.25 * 0.75 * 0.75 * 0.875 * 0.875);
    }

    @Test
    void aTrajectoryRefusesAnOptimizerWithoutALearningRate() {
        RecordingDescentFactory fixed = new RecordingDescentFactory(false);

        assertThatThrownBy(() -> ScheduleChecks.trajectory(HALVING, halving("none"), fixed, PluginConfig.defaults(fixed),
                Quadratic.standard(), 2, 1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("optimizer 'descent' {} has no learning rate");
    }
}
