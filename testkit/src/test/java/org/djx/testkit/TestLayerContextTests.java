package org.djx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.djx.api.Parameter;
import org.djx.api.Shape;
import org.junit.jupiter.api.Test;

class TestLayerContextTests {
    private static Parameter weight() {
        return new Parameter("weight", Parameter.Role.WEIGHT, Shape.of(200, 100), 200, 100);
    }

    private static Parameter bias() {
        return new Parameter("bias", Parameter.Role.BIAS, Shape.of(1000), 1, 1000);
    }

    @Test
    void handsOutTheInputWidthAndTheReferenceKernels() {
        TestLayerContext context = new TestLayerContext(7, 1);

        assertThat(context.inputFeatures()).isEqualTo(7);
        assertThat(context.kernels()).isInstanceOf(ReferenceKernels.class);
    }

    @Test
    void fillsWeightsWithStandardNormalDraws() {
        Parameter w = weight();

        new TestLayerContext(3, 1).initialize(w);

        double[] x = w.value().toArray();
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double variance = 0;
        for (double v : x) {
            variance += (v - mean) * (v - mean) / (x.length - 1);
        }
        // 20,000 draws: standard errors about 0.007 for the mean and 0.005 for the standard deviation.
        assertThat(mean).isBetween(-0.05, 0.05);
        assertThat(Math.sqrt(variance)).isBetween(0.96, 1.04);
    }

    @Test
    void fillsBiasesWithSmallNonZeroValuesOfBothSigns() {
        Parameter b = bias();

        new TestLayerContext(3, 1).initialize(b);

        List<Double> x = Arrays.stream(b.value().toArray()).boxed().toList();
        assertThat(x).allSatisfy(v -> assertThat(Math.abs(v)).isGreaterThanOrEqualTo(0.1).isLessThan(0.5));
        assertThat(x).anySatisfy(v -> assertThat(v).isNegative());
        assertThat(x).anySatisfy(v -> assertThat(v).isPositive());
    }

    @Test
    void givesTheSameValuesForTheSameSeedWhateverTheOrder() {
        Parameter w1 = weight();
        Parameter b1 = bias();
        Parameter w2 = weight();
        Parameter b2 = bias();
        TestLayerContext first = new TestLayerContext(3, 42);
        TestLayerContext second = new TestLayerContext(3, 42);

        first.initialize(w1);
        first.initialize(b1);
        second.initialize(b2);
        second.initialize(w2);

        assertThat(w2.value().toArray()).isEqualTo(w1.value().toArray());
        assertThat(b2.value().toArray()).isEqualTo(b1.value().toArray());
    }

    @Test
    void givesOtherValuesForAnotherSeed() {
        Parameter w1 = weight();
        Parameter w2 = weight();

        new TestLayerContext(3, 42).initialize(w1);
        new TestLayerContext(3, 43).initialize(w2);

        assertThat(w2.value().toArray()).isNotEqualTo(w1.value().toArray());
    }

    @Test
    void rejectsANonPositiveInputWidth() {
        assertThatThrownBy(() -> new TestLayerContext(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input features must be positive, found 0");
    }
}
