package org.djx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.djx.api.spi.Config;
import org.djx.api.spi.Initializer;
import org.djx.api.spi.InitializerFactory;
import org.djx.api.spi.ParameterSpec;
import org.junit.jupiter.api.Test;

class InitializerChecksTests {
    /** N(0, std^2), or one of the mistakes initializers make. */
    static final class GaussFactory implements InitializerFactory {
        @Override
        public String name() {
            return "gauss";
        }

        @Override
        public String description() {
            return "Normal draws with a given standard deviation.";
        }

        @Override
        public List<ParameterSpec> configuration() {
            return List.of(
                    ParameterSpec.number("std", "Standard deviation.").withDefault(0.1),
                    ParameterSpec.string("bug", "Which mistake the initializer makes.", "none", "variance-as-std",
                            "shifted-mean", "uniform-same-moments", "own-random", "unseeded", "skips-last",
                            "fills-backing-array").withDefault("none"));
        }

        @Override
        public Initializer create(Config config) {
            double std = config.number("std");
            String bug = config.string("bug");
            return (tensor, fanIn, fanOut, random) -> {
                SplittableRandom own = new SplittableRandom(1);
                SplittableRandom unseeded = new SplittableRandom();
                int n = bug.equals("fills-backing-array") ? tensor.data().length : tensor.size();
                for (int i = 0; i < n; i++) {
                    tensor.data()[i] = switch (bug) {
                        case "variance-as-std" -> std * std * random.nextGaussian();
                        case "shifted-mean" -> std * (0.05 + random.nextGaussian());
                        case "uniform-same-moments" -> std * Math.sqrt(3) * random.nextDouble(-1, 1);
                        case "own-random" -> std * own.nextGaussian();
                        case "unseeded" -> std * unseeded.nextGaussian();
                        default -> std * random.nextGaussian();
                    };
                }
                if (bug.equals("skips-last")) {
                    tensor.data()[tensor.size() - 1] = Double.NaN;
                }
            };
        }
    }

    /** U[low, high), or a range that is slightly off. */
    static final class FlatFactory implements InitializerFactory {
        @Override
        public String name() {
            return "flat";
        }

        @Override
        public String description() {
            return "Uniform draws.";
        }

        @Override
        public List<ParameterSpec> configuration() {
            return List.of(ParameterSpec.string("bug", "Which mistake the initializer makes.", "none", "too-wide",
                    "too-narrow").withDefault("none"));
        }

        @Override
        public Initializer create(Config config) {
            String bug = config.string("bug");
            double low = bug.equals("too-wide") ? -1.01 : -1;
            double high = bug.equals("too-narrow") ? 0.99 : 1;
            return (tensor, fanIn, fanOut, random) -> {
                for (int i = 0; i < tensor.size(); i++) {
                    tensor.set(i, random.nextDouble(low, high));
                }
            };
        }
    }

    /** Sets every element to a value, except possibly the last. */
    static final class FixedFactory implements InitializerFactory {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public String description() {
            return "A constant.";
        }

        @Override
        public List<ParameterSpec> configuration() {
            return List.of(ParameterSpec.number("value", "The value.").asRequired(),
                    ParameterSpec.bool("last-is-zero", "Whether the last element is left at 0.").withDefault(false));
        }

        @Override
        public Initializer create(Config config) {
            double value = config.number("value");
            boolean lastIsZero = config.bool("last-is-zero");
            return (tensor, fanIn, fanOut, random) -> {
                tensor.fill(value);
                if (lastIsZero) {
                    tensor.set(tensor.size() - 1, 0);
                }
            };
        }
    }

    private static Config gauss(String bug) {
        return PluginConfig.of(new GaussFactory(), Map.of("bug", bug));
    }

    private static Config flat(String bug) {
        return PluginConfig.of(new FlatFactory(), Map.of("bug", bug));
    }

    @Test
    void passesCorrectInitializers() {
        assertThatCode(() -> InitializerChecks.checkNormal(new GaussFactory(), gauss("none"), 10, 20, 0, 0.1))
                .doesNotThrowAnyException();
        assertThatCode(() -> InitializerChecks.checkMoments(new GaussFactory(), gauss("none"), 10, 20, 0, 0.1))
                .doesNotThrowAnyException();
        assertThatCode(() -> InitializerChecks.checkUniform(new FlatFactory(), flat("none"), 10, 20, -1, 1))
                .doesNotThrowAnyException();
        assertThatCode(() -> InitializerChecks.checkConstant(new FixedFactory(),
                PluginConfig.of(new FixedFactory(), Map.of("value", 0.25)), 10, 20, 0.25)).doesNotThrowAnyException();
    }

    @Test
    void failsTheDistributionCheckForTheWrongStandardDeviationGivingExpectedAndActual() {
        assertThatThrownBy(() -> InitializerChecks.checkNormal(new GaussFactory(), gauss("variance-as-std"), 10, 20, 0, 0.1))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("initializer 'gauss' {std=0.1, bug=\"variance-as-std\"} (fan-in 10, fan-out 20,"
                        + " n = 100000, seed 20240611): sample standard deviation ")
                .hasMessageContaining(", expected 0.1; it differs by ")
                .hasMessageContaining("more than 6.0 standard errors (6.0 x 2.23606797749979E-4 = ")
                .satisfies(e -> {
                    Matcher m = Pattern.compile("sample standard deviation (\\S+),").matcher(e.getMessage());
                    assertThat(m.find()).isTrue();
                    assertThat(Double.parseDouble(m.group(1))).isCloseTo(0.01, within(1e-3));
                });
    }

    @Test
    void failsTheDistributionCheckForAShiftedMean() {
        assertThatThrownBy(() -> InitializerChecks.checkMoments(new GaussFactory(), gauss("shifted-mean"), 10, 20, 0, 0.1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("sample mean 0.00")
                .hasMessageContaining(", expected 0.0; it differs by ");
    }

    @Test
    void tellsANormalFromAUniformWithTheSameMoments() {
        Config config = gauss("uniform-same-moments");

        assertThatCode(() -> InitializerChecks.checkMoments(new GaussFactory(), config, 10, 20, 0, 0.1))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> InitializerChecks.checkNormal(new GaussFactory(), config, 10, 20, 0, 0.1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("sample fraction of values within one standard deviation of the mean 0.57")
                .hasMessageContaining("expected 0.6826894921370859 (a normal distribution has 68.27% there)");
    }

    @Test
    void failsForAnInitializerThatIgnoresTheRandomGeneratorItIsGiven() {
        assertThatThrownBy(() -> InitializerChecks.checkNormal(new GaussFactory(), gauss("own-random"), 10, 20, 0, 0.1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("seeds 20240611 and 20240612 gave identical values");
    }

    @Test
    void failsForAnInitializerThatGivesOtherValuesForTheSameSeed() {
        assertThatThrownBy(() -> InitializerChecks.checkNormal(new GaussFactory(), gauss("unseeded"), 10, 20, 0, 0.1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the same seed gave different values, first at element (0, 0)");
    }

    @Test
    void failsWhenAnElementIsLeftUnwritten() {
        assertThatThrownBy(() -> InitializerChecks.checkNormal(new GaussFactory(), gauss("skips-last"), 10, 20, 0, 0.1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("element (999, 99) was not written");
    }

    @Test
    void failsWhenWritingPastTheTensorsSize() {
        assertThatThrownBy(() -> InitializerChecks.checkNormal(new GaussFactory(), gauss("fills-backing-array"), 10, 20,
                0, 0.1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("past the tensor's 100000 elements, at position 100000 of its backing array");
    }

    @Test
    void failsTheUniformCheckForAValueOutsideTheBounds() {
        assertThatThrownBy(() -> InitializerChecks.checkUniform(new FlatFactory(), flat("too-wide"), 10, 20, -1, 1))
                .isInstanceOf(AssertionError.class)
                .hasMessageMatching("(?s).*: value -1\\.00\\d* at element \\(\\d+, \\d+\\) is outside \\[-1\\.0, 1\\.0\\)");
    }

    @Test
    void failsTheUniformCheckForValuesThatStopShortOfAnEnd() {
        assertThatThrownBy(() -> InitializerChecks.checkUniform(new FlatFactory(), flat("too-narrow"), 10, 20, -1, 1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected them to reach within 0.002 (0.1% of the width) of both ends of [-1.0, 1.0)");
    }

    @Test
    void failsTheConstantCheckNamingTheElementThatDiffers() {
        Config config = PluginConfig.of(new FixedFactory(), Map.of("value", 0.25, "last-is-zero", true));

        assertThatThrownBy(() -> InitializerChecks.checkConstant(new FixedFactory(), config, 10, 20, 0.25))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("element (999, 99) is 0.0, expected the constant 0.25");
    }

    @Test
    void rejectsAnExpectedStandardDeviationOfZero() {
        assertThatThrownBy(() -> InitializerChecks.checkNormal(new GaussFactory(), gauss("none"), 10, 20, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use checkConstant");
        assertThat(Arrays.asList(InitializerChecks.SAMPLES, (int) InitializerChecks.STANDARD_ERRORS))
                .containsExactly(100_000, 6);
    }
}
