package org.djx.plugins.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.djx.api.ConfigurationException;
import org.djx.api.DType;
import org.djx.api.Parameter;
import org.djx.api.Tensor;
import org.djx.api.spi.Layer;
import org.djx.testkit.PluginConfig;
import org.djx.testkit.TestLayerContext;
import org.junit.jupiter.api.Test;

/** Built-in layers against values derived by hand. */
class LayerValuesTests {
    private static Tensor row(double... values) {
        return Tensor.matrix(new double[][] {values});
    }

    @Test
    void sigmoidOfZeroIsOneHalfWithDerivativeOneQuarter() {
        SigmoidLayerFactory sigmoid = new SigmoidLayerFactory();
        Layer layer = sigmoid.create(PluginConfig.defaults(sigmoid), new TestLayerContext(1, 1));

        assertThat(layer.forward(row(0)).toArray()).containsExactly(0.5);
        assertThat(layer.backward(row(1)).toArray()).containsExactly(0.25);
    }

    @Test
    void tanhOfZeroIsZeroWithDerivativeOneAndSaturatesSymmetrically() {
        TanhLayerFactory tanh = new TanhLayerFactory();
        Layer layer = tanh.create(PluginConfig.defaults(tanh), new TestLayerContext(3, 1));

        double[] y = layer.forward(row(0, 20, -20)).toArray();
        double[] dx = layer.backward(row(1, 1, 1)).toArray();

        assertThat(y).containsExactly(0, 1, -1);
        assertThat(dx[0]).isEqualTo(1);
        assertThat(dx[1]).isCloseTo(0, within(1e-15));
        assertThat(dx[2]).isCloseTo(0, within(1e-15));
    }

    @Test
    void reluPassesPositivesAndZeroesTheRestWithDerivativeZeroAtZero() {
        ReluLayerFactory relu = new ReluLayerFactory();
        Layer layer = relu.create(PluginConfig.defaults(relu), new TestLayerContext(3, 1));

        assertThat(layer.forward(row(-1, 0, 2)).toArray()).containsExactly(0, 0, 2);
        assertThat(layer.backward(row(5, 5, 5)).toArray()).containsExactly(0, 0, 5);
    }

    @Test
    void reluDerivativeIsExactlyOneForEveryPositiveInputAndZeroForTheRestInBothTypes() {
        // The branch-free step must hold at the extremes: the smallest subnormal and the largest finite value
        // on either side of zero, and both zeros.
        double[] x = {-Double.MAX_VALUE, -1, -Double.MIN_VALUE, -0.0, 0.0, Double.MIN_VALUE, 1e-300, 1, Double.MAX_VALUE};
        double[] dy = {3, 3, 3, 3, 3, 3, 3, 3, 3};
        ReluLayerFactory relu = new ReluLayerFactory();
        Layer layer = relu.create(PluginConfig.defaults(relu), new TestLayerContext(x.length, 1));
        assertThat(layer.forward(row(x)).toArray())
                .containsExactly(0, 0, 0, 0, 0, Double.MIN_VALUE, 1e-300, 1, Double.MAX_VALUE);
        assertThat(layer.backward(row(dy)).toArray()).containsExactly(0, 0, 0, 0, 0, 3, 3, 3, 3);

        float[] xf = {-Float.MAX_VALUE, -1, -Float.MIN_VALUE, -0f, 0f, Float.MIN_VALUE, 1e-30f, 1, Float.MAX_VALUE};
        Layer single = relu.create(PluginConfig.defaults(relu), new TestLayerContext(xf.length, 1, DType.FLOAT32));
        Tensor input = Tensor.zeros(DType.FLOAT32, 1, xf.length);
        System.arraycopy(xf, 0, input.floats(), 0, xf.length);
        assertThat(single.forward(input).floats())
                .containsExactly(0, 0, 0, 0, 0, Float.MIN_VALUE, 1e-30f, 1, Float.MAX_VALUE);
        assertThat(single.backward(row(dy).to(DType.FLOAT32)).floats()).containsExactly(0, 0, 0, 0, 0, 3, 3, 3, 3);
    }

    @Test
    void reluPassesNaNOnAsPyTorchDoes() {
        ReluLayerFactory relu = new ReluLayerFactory();
        Layer layer = relu.create(PluginConfig.defaults(relu), new TestLayerContext(2, 1));

        assertThat(layer.forward(row(Double.NaN, -2)).toArray()).containsExactly(Double.NaN, 0);
    }

    @Test
    void identityPassesValuesAndGradientsThrough() {
        IdentityLayerFactory identity = new IdentityLayerFactory();
        Layer layer = identity.create(PluginConfig.defaults(identity), new TestLayerContext(2, 1));

        assertThat(layer.forward(row(-1.5, 3)).toArray()).containsExactly(-1.5, 3);
        assertThat(layer.backward(row(0.25, -2)).toArray()).containsExactly(0.25, -2);
    }

    @Test
    void linearThenSigmoidReproducesD2lsFirstHiddenLayer() {
        // D2L 4.7: X = [1.0, 0.5], W1 = [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]], B1 = [0.1, 0.2, 0.3].
        // By hand, X W1 + B1 = [0.1 + 0.1 + 0.1, 0.3 + 0.2 + 0.2, 0.5 + 0.3 + 0.3] = [0.3, 0.7, 1.1].
        LinearLayerFactory linear = new LinearLayerFactory();
        Layer layer = linear.create(PluginConfig.of(linear, Map.of("outputs", 3,
                "weights", new double[][] {{0.1, 0.3, 0.5}, {0.2, 0.4, 0.6}}, "biases", new double[] {0.1, 0.2, 0.3})),
                new TestLayerContext(2, 1));
        SigmoidLayerFactory sigmoid = new SigmoidLayerFactory();
        Layer activation = sigmoid.create(PluginConfig.defaults(sigmoid), new TestLayerContext(3, 1));

        Tensor z = layer.forward(row(1.0, 0.5));
        assertThat(z.toArray()).containsExactly(new double[] {0.3, 0.7, 1.1}, within(1e-15));
        assertThat(activation.forward(z).toArray())
                .containsExactly(new double[] {0.57444252, 0.66818777, 0.75026011}, within(5e-9));
    }

    @Test
    void linearBackwardGivesXTransposedDyColumnSumsAndDyWTransposed() {
        LinearLayerFactory linear = new LinearLayerFactory();
        Layer layer = linear.create(PluginConfig.of(linear, Map.of("outputs", 3,
                "weights", new double[][] {{1, 0, 2}, {-1, 1, 0}}, "biases", new double[] {0.5, 0, -0.5})),
                new TestLayerContext(2, 1));
        Tensor x = Tensor.matrix(new double[][] {{1, 2}, {3, -1}});
        Tensor dy = Tensor.matrix(new double[][] {{1, 0, -1}, {2, 1, 0}});

        Tensor y = layer.forward(x);
        assertThat(y.toRows()).isDeepEqualTo(new double[][] {{-0.5, 2, 1.5}, {4.5, -1, 5.5}});
        Tensor dx = layer.backward(dy);

        Parameter weight = layer.parameters().get(0);
        Parameter bias = layer.parameters().get(1);
        assertThat(weight.name()).isEqualTo("weight");
        assertThat(weight.gradient().toRows()).isDeepEqualTo(new double[][] {{7, 3, -1}, {0, -1, -2}});
        assertThat(bias.gradient().toArray()).containsExactly(3, 1, -1);
        assertThat(dx.toRows()).isDeepEqualTo(new double[][] {{-1, -1}, {2, -1}});
    }

    @Test
    void linearRejectsExplicitWeightsOfTheWrongShapeAtTheWeightsKey() {
        LinearLayerFactory linear = new LinearLayerFactory();
        PluginConfig config = PluginConfig.of(linear, Map.of("outputs", 3,
                "weights", new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}));

        assertThatThrownBy(() -> linear.create(config, new TestLayerContext(2, 1)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("at 'weights' of 'linear'")
                .hasMessageContaining("expected 2 x 3 (inputs x outputs), found 3 x 3");
    }

    @Test
    void linearRejectsBiasesWhenItHasNoBias() {
        LinearLayerFactory linear = new LinearLayerFactory();
        PluginConfig config = PluginConfig.of(linear, Map.of("outputs", 2, "bias", false,
                "biases", new double[] {1, 2}));

        assertThatThrownBy(() -> linear.create(config, new TestLayerContext(2, 1)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("at 'biases' of 'linear'")
                .hasMessageContaining("biases are given but bias is false");
    }
}
