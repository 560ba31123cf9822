package org.djx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.djx.api.DType;
import org.djx.api.Parameter;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.api.spi.Config;
import org.djx.api.spi.Kernels;
import org.djx.api.spi.Layer;
import org.djx.api.spi.LayerContext;
import org.djx.api.spi.LayerFactory;
import org.djx.api.spi.ParameterSpec;
import org.junit.jupiter.api.Test;

class LayerChecksTests {
    private static final Pattern VALUES = Pattern.compile(
            "wrong at element \\((\\d+), (\\d+)\\): analytic (\\S+), numeric (\\S+), relative error (\\S+) > (\\S+) ");

    /** y = x^2 elementwise, with a switchable bug in backward. */
    static final class SquareLayerFactory implements LayerFactory {
        @Override
        public String name() {
            return "square";
        }

        @Override
        public String description() {
            return "Squares each element.";
        }

        @Override
        public List<ParameterSpec> configuration() {
            return List.of(ParameterSpec.string("bug", "Which mistake backward makes.", "none", "flipped-sign",
                    "zero-at-1-1", "modifies-output-gradient", "reads-whole-array").withDefault("none"));
        }

        @Override
        public Layer create(Config config, LayerContext context) {
            String bug = config.string("bug");
            int width = context.inputFeatures();
            return new Layer() {
                private Tensor input;

                @Override
                public int outputFeatures() {
                    return width;
                }

                @Override
                public Tensor forward(Tensor x) {
                    input = x;
                    Tensor y = Tensor.zeros(x.rows(), width);
                    double whole = 0;
                    if (bug.equals("reads-whole-array")) {
                        for (double v : x.data()) {
                            whole += 0 * v;
                        }
                    }
                    for (int i = 0; i < x.size(); i++) {
                        y.set(i, x.get(i) * x.get(i) + whole);
                    }
                    return y;
                }

                @Override
                public Tensor backward(Tensor dy) {
                    Tensor dx = Tensor.zeros(dy.rows(), width);
                    for (int i = 0; i < dy.size(); i++) {
                        dx.set(i, (bug.equals("flipped-sign") ? -2 : 2) * input.get(i) * dy.get(i));
                    }
                    if (bug.equals("zero-at-1-1") && dx.rows() > 1) {
                        dx.set(1, 1, 0);
                    }
                    if (bug.equals("modifies-output-gradient")) {
                        dy.fill(0);
                    }
                    return dx;
                }
            };
        }
    }

    /** y = x W + b through the kernels, with a switchable bug. */
    static final class DenseLayerFactory implements LayerFactory {
        @Override
        public String name() {
            return "dense";
        }

        @Override
        public String description() {
            return "A fully connected layer.";
        }

        @Override
        public List<ParameterSpec> configuration() {
            return List.of(
                    ParameterSpec.integer("outputs", "Output features.").asRequired().atLeast(1),
                    ParameterSpec.string("bug", "Which mistake the layer makes.", "none", "scaled-weight-gradient",
                            "transposed-weight-gradient", "no-bias-gradient", "accumulates", "wrong-output-shape",
                            "slightly-off-weight-gradient", "ignores-dtype", "partial-backward-parameters",
                            "rounds-to-half").withDefault("none"));
        }

        @Override
        public Layer create(Config config, LayerContext context) {
            int inputs = context.inputFeatures();
            int outputs = config.integer("outputs");
            String bug = config.string("bug");
            DType dtype = bug.equals("ignores-dtype") ? DType.FLOAT64 : context.dtype();
            Parameter weight = new Parameter("weight", Parameter.Role.WEIGHT, dtype, Shape.of(inputs, outputs), inputs, outputs);
            Parameter bias = new Parameter("bias", Parameter.Role.BIAS, dtype, Shape.of(outputs), inputs, outputs);
            context.initialize(weight);
            context.initialize(bias);
            Kernels kernels = context.kernels();
            return new Layer() {
                private Tensor input;

                @Override
                public int outputFeatures() {
                    return outputs;
                }

                @Override
                public Tensor forward(Tensor x) {
                    input = x.to(dtype);
                    Tensor y = Tensor.zeros(dtype, x.rows(), outputs);
                    kernels.gemm(false, false, 1, input, weight.value(), 0, y);
                    kernels.addToRows(y, bias.value());
                    if (bug.equals("rounds-to-half") && dtype == DType.FLOAT32) {
                        for (int i = 0; i < y.size(); i++) {
                            y.set(i, Math.round(y.get(i) * 2) / 2.0);
                        }
                    }
                    return bug.equals("wrong-output-shape") ? Tensor.zeros(x.rows(), outputs + 1) : y;
                }

                @Override
                public void backwardParameters(Tensor dy) {
                    if (bug.equals("partial-backward-parameters")) {
                        kernels.gemm(true, false, 1, input, dy.to(dtype), 0, weight.gradient());
                    } else {
                        backward(dy);
                    }
                }

                @Override
                public Tensor backward(Tensor outputGradient) {
                    Tensor dy = outputGradient.to(dtype);
                    double beta = bug.equals("accumulates") ? 1 : 0;
                    kernels.gemm(true, false, 1, input, dy, beta, weight.gradient());
                    if (bug.equals("scaled-weight-gradient")) {
                        scale(weight.gradient(), 2);
                    } else if (bug.equals("slightly-off-weight-gradient")) {
                        scale(weight.gradient(), 1 + 1e-4);
                    } else if (bug.equals("transposed-weight-gradient")) {
                        Tensor g = weight.gradient();
                        Tensor copy = g.copy();
                        for (int i = 0; i < inputs; i++) {
                            for (int j = 0; j < outputs; j++) {
                                g.set(i, j, copy.get(j, i));
                            }
                        }
                    }
                    if (!bug.equals("no-bias-gradient")) {
                        kernels.sumRows(dy, bias.gradient());
                    }
                    Tensor dx = Tensor.zeros(dtype, dy.rows(), inputs);
                    kernels.gemm(false, true, 1, dy, weight.value(), 0, dx);
                    return dx;
                }

                @Override
                public List<Parameter> parameters() {
                    return List.of(weight, bias);
                }
            };
        }

        private static void scale(Tensor t, double factor) {
            for (int i = 0; i < t.size(); i++) {
                t.set(i, t.get(i) * factor);
            }
        }
    }

    private static Config square(String bug) {
        return PluginConfig.of(new SquareLayerFactory(), Map.of("bug", bug));
    }

    private static Config dense(int outputs, String bug) {
        return PluginConfig.of(new DenseLayerFactory(), Map.of("outputs", outputs, "bug", bug));
    }

    private static Matcher values(String message) {
        Matcher m = VALUES.matcher(message);
        assertThat(m.find()).as(message).isTrue();
        return m;
    }

    @Test
    void float32CheckPassesALayerThatComputesInItsContextsType() {
        assertThatCode(() -> LayerChecks.checkFloat32(new DenseLayerFactory(), dense(3, "none")))
                .doesNotThrowAnyException();
    }

    @Test
    void float32CheckCatchesALayerThatIgnoresItsContextsType() {
        assertThatThrownBy(() -> LayerChecks.checkFloat32(new DenseLayerFactory(), dense(3, "ignores-dtype")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("layer 'dense'")
                .hasMessageContaining("forward output is float64; a layer computes in its context's dtype()");
    }

    @Test
    void float32CheckCatchesResultsBeyondSinglePrecision() {
        assertThatThrownBy(() -> LayerChecks.checkFloat32(new DenseLayerFactory(), dense(3, "rounds-to-half")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("forward output element")
                .hasMessageContaining("in float32 but");
    }

    @Test
    void float32CheckCatchesABackwardParametersThatLeavesAGradientOut() {
        assertThatThrownBy(() -> LayerChecks.checkFloat32(new DenseLayerFactory(), dense(3, "partial-backward-parameters")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("backwardParameters wrote a different gradient of 'bias' than backward");
    }

    @Test
    void passesCorrectLayers() {
        assertThatCode(() -> LayerChecks.checkGradients(new SquareLayerFactory(), square("none")))
                .doesNotThrowAnyException();
        assertThatCode(() -> LayerChecks.checkGradients(new DenseLayerFactory(), dense(3, "none")))
                .doesNotThrowAnyException();
    }

    @Test
    void catchesABackwardThatFlipsTheSignAndNamesLayerTensorAndWorstElement() {
        assertThatThrownBy(() -> LayerChecks.checkGradients(new SquareLayerFactory(), square("flipped-sign")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("layer 'square' {bug=\"flipped-sign\"} (input width 2, batch 3): "
                        + "the gradient of 'input' (shape 3x2) is wrong at element (")
                .hasMessageContaining("(6 of 6 elements exceed the bound)")
                .satisfies(e -> {
                    Matcher m = values(e.getMessage());
                    double analytic = Double.parseDouble(m.group(3));
                    double numeric = Double.parseDouble(m.group(4));
                    assertThat(analytic).isCloseTo(-numeric, within(1e-8));
                    assertThat(Double.parseDouble(m.group(5))).isCloseTo(1.0, within(1e-8));
                });
    }

    @Test
    void pointsAtTheOneWrongElement() {
        assertThatThrownBy(() -> LayerChecks.checkGradients(new SquareLayerFactory(), square("zero-at-1-1")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the gradient of 'input' (shape 3x2) is wrong at element (1, 1): analytic 0.0,")
                .hasMessageContaining("relative error 1.0 > 1.0E-6 (1 of 6 elements exceed the bound)");
    }

    @Test
    void statesTheStepAndTheBoundInTheMessage() {
        assertThatThrownBy(() -> LayerChecks.checkGradients(new SquareLayerFactory(), square("zero-at-1-1")))
                .hasMessageEndingWith("[numeric: central differences of L = sum(r * forward(x)) with h = 1.0E-5;"
                        + " relative error |a - n| / max(|a| + |n|, 1.0E-8) must be <= 1.0E-6]");
    }

    @Test
    void catchesAScaledWeightGradient() {
        assertThatThrownBy(() -> LayerChecks.checkGradients(new DenseLayerFactory(), dense(3, "scaled-weight-gradient")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("layer 'dense' {outputs=3, bug=\"scaled-weight-gradient\"} (input width 2, batch 3):"
                        + " the gradient of 'weight' (shape 2x3) is wrong at element (")
                .satisfies(e -> {
                    Matcher m = values(e.getMessage());
                    assertThat(Double.parseDouble(m.group(3)))
                            .isCloseTo(2 * Double.parseDouble(m.group(4)), within(1e-8));
                });
    }

    @Test
    void catchesATransposedWeightGradientOffTheDiagonal() {
        assertThatThrownBy(() -> LayerChecks.checkGradients(new DenseLayerFactory(),
                dense(3, "transposed-weight-gradient"), LayerChecks.TOLERANCE, 3))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the gradient of 'weight' (shape 3x3)")
                .hasMessageContaining("(6 of 9 elements exceed the bound)")
                .satisfies(e -> {
                    Matcher m = values(e.getMessage());
                    assertThat(m.group(1)).isNotEqualTo(m.group(2));
                });
    }

    @Test
    void catchesAMissingBiasGradient() {
        assertThatThrownBy(() -> LayerChecks.checkGradients(new DenseLayerFactory(), dense(3, "no-bias-gradient")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the gradient of 'bias' (shape 3) is wrong at element (")
                .hasMessageContaining("analytic 0.0,");
    }

    @Test
    void catchesABackwardThatAddsToTheParameterGradientsInsteadOfOverwritingThem() {
        assertThatThrownBy(() -> LayerChecks.checkGradients(new DenseLayerFactory(), dense(3, "accumulates")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a second forward and backward on the same batch changed the gradient of 'weight'")
                .hasMessageContaining("backward must overwrite each parameter's gradient, not add to it");
    }

    @Test
    void catchesAnOutputOfTheWrongShape() {
        assertThatThrownBy(() -> LayerChecks.checkGradients(new DenseLayerFactory(), dense(3, "wrong-output-shape")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("forward returned shape 3x4, expected 3x3 (batch x outputFeatures())");
    }

    @Test
    void catchesABackwardThatModifiesTheOutputGradient() {
        assertThatThrownBy(() -> LayerChecks.checkGradients(new SquareLayerFactory(), square("modifies-output-gradient")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("backward modified its output gradient at element (0, 0)");
    }

    @Test
    void catchesALayerThatReadsPastItsInputsSize() {
        assertThatThrownBy(() -> LayerChecks.checkGradients(new SquareLayerFactory(), square("reads-whole-array")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the forward output is NaN at element (0, 0) (shape 3x2)")
                .hasMessageContaining("reading past a tensor's size");
    }

    @Test
    void acceptsALooserBoundFromTheAuthor() {
        Config config = dense(3, "slightly-off-weight-gradient");

        assertThatThrownBy(() -> LayerChecks.checkGradients(new DenseLayerFactory(), config))
                .hasMessageContaining("the gradient of 'weight'");
        assertThatCode(() -> LayerChecks.checkGradients(new DenseLayerFactory(), config, 1e-3))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsANonPositiveInputWidth() {
        assertThatThrownBy(() -> LayerChecks.checkGradients(new DenseLayerFactory(), dense(3, "none"), 1e-6, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input features must be positive");
    }
}
