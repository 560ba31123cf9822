package org.djx.engine.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The paired t statistic that bands whether importance weighting changed the k-fold error. */
class PairedTTests {
    @Test
    void isTheMeanDifferenceOverItsStandardError() {
        // d = 1, 2, 3: mean 2, sample standard deviation 1, standard error 1 / sqrt(3), so t = 2 sqrt(3).
        assertThat(AdversarialValidationTask.pairedT(new double[] {1, 3, 5}, new double[] {0, 1, 2}))
                .isCloseTo(2 * Math.sqrt(3), within(1e-12));
        // Swapping the fits turns the sign only.
        assertThat(AdversarialValidationTask.pairedT(new double[] {0, 1, 2}, new double[] {1, 3, 5}))
                .isCloseTo(-2 * Math.sqrt(3), within(1e-12));
    }

    @Test
    void oneFoldHasNoStandardError() {
        assertThat(AdversarialValidationTask.pairedT(new double[] {1}, new double[] {0})).isNaN();
    }
}
