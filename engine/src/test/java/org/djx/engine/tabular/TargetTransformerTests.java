package org.djx.engine.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.djx.api.DataException;
import org.djx.api.Tensor;
import org.djx.engine.metric.Metric;
import org.djx.engine.spec.PreprocessingSpec.TargetTransform;
import org.junit.jupiter.api.Test;

/** A model trains on the transformed target; its predictions come back on the target's own scale. */
class TargetTransformerTests {
    private static final Tensor PRICES = Tensor.matrix(new double[][] {{100_000}, {200_000}, {400_000}});

    @Test
    void logThenStandardizeUsesTheMeanAndSampleDeviationOfTheLoggedTargets() {
        TargetTransformer t = TargetTransformer.fit(TargetTransform.LOG_STANDARDIZE, PRICES);

        // log 1e5, log 2e5, log 4e5 are a, a + l, a + 2l with l = log 2: mean a + l, sample deviation l.
        double l = Math.log(2);
        assertThat(t.forward(PRICES).toArray()).containsExactly(new double[] {-1, 0, 1}, within(1e-12));
        assertThat(t.inverse(Tensor.matrix(new double[][] {{-1}, {0.5}})).toArray())
                .containsExactly(new double[] {100_000, 200_000 * Math.exp(0.5 * l)}, within(1e-6));
        assertThat(t.describe()).startsWith("target: log, then standardized with mean 12.2060726455301")
                .contains(", std 0.693147180559945");
    }

    @Test
    void theLogRmseOfALogTargetModelIsTheRmseOfItsLogPredictions() {
        TargetTransformer t = TargetTransformer.fit(TargetTransform.LOG, PRICES);
        Tensor logPredictions = Tensor.matrix(new double[][] {{11.4}, {12.3}, {13.0}});

        double logRmse = Metric.LOG_RMSE.compute(t.inverse(logPredictions), PRICES);
        double rmseOfLogs = Metric.RMSE.compute(logPredictions, t.forward(PRICES));

        assertThat(logRmse).isCloseTo(rmseOfLogs, within(1e-12));
    }

    @Test
    void aTargetTheLogarithmCannotTakeIsRefusedNamingItsRow() {
        Tensor withZero = Tensor.matrix(new double[][] {{3}, {0}, {2}});

        assertThatThrownBy(() -> TargetTransformer.requireTakes(TargetTransform.LOG, withZero, "training row"))
                .isInstanceOf(DataException.class).hasMessageContaining("is 0.0 in training row 2");
        TargetTransformer.requireTakes(TargetTransform.STANDARDIZE, withZero, "training row");
        assertThatThrownBy(() -> TargetTransformer.fit(TargetTransform.STANDARDIZE, Tensor.matrix(new double[][] {{2}, {2}})))
                .isInstanceOf(DataException.class).hasMessageContaining("all 2.0");
    }

    @Test
    void noTransformPassesTheSameTensorsThrough() {
        TargetTransformer t = TargetTransformer.fit(TargetTransform.NONE, PRICES);

        assertThat(t.isIdentity()).isTrue();
        assertThat(t.forward(PRICES)).isSameAs(PRICES);
    }
}
