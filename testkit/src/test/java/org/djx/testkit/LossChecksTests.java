package org.djx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.djx.api.spi.Config;
import org.djx.api.spi.Loss;
import org.djx.api.spi.LossFactory;
import org.djx.api.spi.ParameterSpec;
import org.junit.jupiter.api.Test;

class LossChecksTests {
    private static final Pattern VALUES = Pattern.compile("analytic (\\S+), numeric (\\S+), relative error");

    /** l_i = sum_j (p_ij - y_ij)^2, averaged over rows with weights, with a switchable bug. */
    static final class SquaresLossFactory implements LossFactory {
        @Override
        public String name() {
            return "squares";
        }

        @Override
        public String description() {
            return "Sum of squared errors per example.";
        }

        @Override
        public List<ParameterSpec> configuration() {
            return List.of(ParameterSpec.string("bug", "Which mistake the loss makes.", "none", "half-gradient",
                    "gradient-ignores-weights", "divides-by-rows", "squared-weights", "accumulates", "fills-gradient-array")
                    .withDefault("none"));
        }

        @Override
        public Loss create(Config config) {
            String bug = config.string("bug");
            return (p, y, weights, gradient) -> {
                int rows = p.rows();
                int columns = p.columns();
                double[] w = new double[rows];
                double total = 0;
                for (int r = 0; r < rows; r++) {
                    w[r] = weights == null ? 1 : weights.get(r);
                    if (bug.equals("squared-weights")) {
                        w[r] *= w[r];
                    }
                    total += w[r];
                }
                double normalizer = bug.equals("divides-by-rows") ? rows : total;
                double value = 0;
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < columns; c++) {
                        double d = p.get(r, c) - y.get(r, c);
                        value += w[r] * d * d / normalizer;
                        if (gradient != null) {
                            double g = (bug.equals("half-gradient") ? 1 : 2) * d
                                    * (bug.equals("gradient-ignores-weights") ? 1.0 / rows : w[r] / normalizer);
                            gradient.set(r, c, (bug.equals("accumulates") ? gradient.get(r, c) : 0) + g);
                        }
                    }
                }
                if (bug.equals("fills-gradient-array") && gradient != null) {
                    Arrays.fill(gradient.data(), gradient.size(), gradient.data().length, 0);
                }
                return value;
            };
        }
    }

    private static Config squares(String bug) {
        return PluginConfig.of(new SquaresLossFactory(), Map.of("bug", bug));
    }

    @Test
    void passesACorrectLoss() {
        assertThatCode(() -> LossChecks.checkGradients(new SquaresLossFactory(), squares("none")))
                .doesNotThrowAnyException();
        assertThatCode(() -> LossChecks.checkWeighting(new SquaresLossFactory(), squares("none")))
                .doesNotThrowAnyException();
    }

    @Test
    void catchesAGradientWithTheWrongFactorAndNamesLossTensorAndElement() {
        assertThatThrownBy(() -> LossChecks.checkGradients(new SquaresLossFactory(), squares("half-gradient")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("loss 'squares' {bug=\"half-gradient\"} (batch 3 x 2, weights null): the gradient"
                        + " of 'predictions' (shape 3x2) is wrong at element (")
                .hasMessageContaining("(6 of 6 elements exceed the bound)")
                .hasMessageEndingWith("[numeric: central differences of the value with h = 1.0E-5; relative error"
                        + " |a - n| / max(|a| + |n|, 1.0E-8) must be <= 1.0E-6]")
                .satisfies(e -> {
                    Matcher m = VALUES.matcher(e.getMessage());
                    assertThat(m.find()).isTrue();
                    assertThat(Double.parseDouble(m.group(1)))
                            .isCloseTo(Double.parseDouble(m.group(2)) / 2, within(1e-8));
                });
    }

    @Test
    void catchesAGradientThatIgnoresTheWeights() {
        assertThatThrownBy(() -> LossChecks.checkGradients(new SquaresLossFactory(), squares("gradient-ignores-weights")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("loss 'squares' {bug=\"gradient-ignores-weights\"} (batch 3 x 2, random weights"
                        + " in [0.5, 2)): the gradient of 'predictions'");
    }

    @Test
    void catchesALossThatAddsToTheGradientInsteadOfOverwritingIt() {
        assertThatThrownBy(() -> LossChecks.checkGradients(new SquaresLossFactory(), squares("accumulates")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("evaluating the same batch again into the same gradient tensor changed")
                .hasMessageContaining("evaluate must overwrite the gradient, not add to it");
    }

    @Test
    void catchesALossThatWritesPastTheGradientsSize() {
        assertThatThrownBy(() -> LossChecks.checkGradients(new SquaresLossFactory(), squares("fills-gradient-array")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("evaluate wrote past the gradient's 6 elements, at position 6 of its backing array");
    }

    @Test
    void catchesEqualWeightsThatChangeTheValue() {
        Config config = squares("divides-by-rows");

        assertThatCode(() -> LossChecks.checkGradients(new SquaresLossFactory(), config)).doesNotThrowAnyException();
        assertThatThrownBy(() -> LossChecks.checkWeighting(new SquaresLossFactory(), config))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("loss 'squares' {bug=\"divides-by-rows\"} (batch 3 x 2): with every weight"
                        + " equal to 2.5 the loss is ")
                .hasMessageContaining("equal weights must give the unweighted loss");
    }

    @Test
    void catchesWeightsThatDoNotGiveTheWeightedMeanOfTheRowLosses() {
        assertThatThrownBy(() -> LossChecks.checkWeighting(new SquaresLossFactory(), squares("squared-weights")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected sum(w_i * l_i) / sum(w_i) = ")
                .hasMessageContaining("where l_i is the loss of row i alone, l = [");
    }

    @Test
    void catchesAGradientThatIgnoresTheWeightsByRepeatingARow() {
        // Equal weights cannot show it and the value is right: only the repeated row does.
        assertThatThrownBy(() -> LossChecks.checkWeighting(new SquaresLossFactory(), squares("gradient-ignores-weights")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("loss 'squares' {bug=\"gradient-ignores-weights\"} (batch 3 x 2): with weight 2 on"
                        + " row 0 the gradient of 'predictions' (shape 3x2) differs from that of the batch with row 0 repeated")
                .hasMessageContaining("a weight of 2 must count an example twice in the gradient too");
    }
}
