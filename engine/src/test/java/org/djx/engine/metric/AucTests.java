package org.djx.engine.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AucTests {
    @Test
    void perfectlySeparatedScoresGiveOneAndReversedGiveZero() {
        assertThat(Auc.of(new double[] {3, 4, 5}, new double[] {0, 1, 2}).value()).isEqualTo(1.0);
        assertThat(Auc.of(new double[] {0, 1}, new double[] {2, 3, 4}).value()).isEqualTo(0.0);
    }

    @Test
    void tiesCountOneHalf() {
        assertThat(Auc.of(new double[] {1, 1}, new double[] {1, 1, 1}).value()).isEqualTo(0.5);
    }

    @Test
    void matchesThePairCountOnAHandExample() {
        // Count the pairs directly: a positive above a negative counts 1, a tie 1/2.
        double[] p = {2, 4};
        double[] n = {1, 2, 3};
        double count = 0;
        for (double a : p) {
            for (double b : n) {
                count += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        assertThat(count).isEqualTo(4.5);
        assertThat(Auc.of(p, n).value()).isEqualTo(4.5 / 6);
    }

    @Test
    void theIntervalOfIdenticalGroupsCoversOneHalfAndShrinksWithMoreData() {
        SplittableRandom r = new SplittableRandom(1);
        Auc small = Auc.of(r.doubles(50).toArray(), r.doubles(50).toArray());
        Auc large = Auc.of(r.doubles(5000).toArray(), r.doubles(5000).toArray());

        assertThat(large.lower95()).isLessThanOrEqualTo(0.5);
        assertThat(large.upper95()).isGreaterThanOrEqualTo(0.5);
        // The standard error of the AUC of two equal groups of n is about sqrt((2n + 1) / (12 n^2)).
        assertThat(large.standardError()).isCloseTo(Math.sqrt((2 * 5000 + 1) / (12.0 * 5000 * 5000)), within(5e-4));
        assertThat(large.standardError()).isLessThan(small.standardError());
    }

    @Test
    void shiftedGroupsGiveTheNormalClosedForm() {
        // For N(d, 1) against N(0, 1) the AUC is Phi(d / sqrt 2); d = 1 gives 0.76025.
        SplittableRandom r = new SplittableRandom(2);
        double[] p = new double[20000];
        double[] n = new double[20000];
        for (int i = 0; i < p.length; i++) {
            p[i] = 1 + r.nextGaussian();
            n[i] = r.nextGaussian();
        }
        assertThat(Auc.of(p, n).value()).isCloseTo(0.760250, within(0.01));
    }

    @Test
    void refusesAnEmptyGroupOrNaN() {
        assertThatThrownBy(() -> Auc.of(new double[0], new double[] {1})).hasMessageContaining("both groups");
        assertThatThrownBy(() -> Auc.of(new double[] {Double.NaN}, new double[] {1})).hasMessageContaining("NaN");
    }
}
