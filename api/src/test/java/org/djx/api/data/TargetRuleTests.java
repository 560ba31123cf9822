package org.djx.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetRuleTests {
    @Test
    void anyFiniteAcceptsEveryFiniteNumber() {
        TargetRule rule = TargetRule.anyFinite();

        assertThat(rule.accepts(-1e300)).isTrue();
        assertThat(rule.accepts(0)).isTrue();
        assertThat(rule.accepts(Double.NaN)).isFalse();
        assertThat(rule.accepts(Double.NEGATIVE_INFINITY)).isFalse();
        assertThat(rule.describe()).isEqualTo("a target must be a finite number");
        assertThat(rule.requiresPositive()).isFalse();
    }

    @Test
    void positiveRefusesZeroNegativesAndNonFiniteNumbersAndSaysWhy() {
        TargetRule rule = TargetRule.positive("a sale price is positive");

        assertThat(rule.accepts(Double.MIN_VALUE)).isTrue();
        assertThat(rule.accepts(208_500)).isTrue();
        assertThat(rule.accepts(0)).isFalse();
        assertThat(rule.accepts(-1)).isFalse();
        assertThat(rule.requiresPositive()).isTrue();
        assertThat(rule.accepts(Double.POSITIVE_INFINITY)).isFalse();
        assertThat(rule.accepts(Double.NaN)).isFalse();
        assertThat(rule.describe()).isEqualTo("a target must be finite and positive (a sale price is positive)");
    }

    @Test
    void positiveNeedsAReason() {
        assertThatThrownBy(() -> TargetRule.positive(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalsByRuleAndReason() {
        assertThat(TargetRule.positive("a")).isEqualTo(TargetRule.positive("a")).isNotEqualTo(TargetRule.positive("b"))
                .isNotEqualTo(TargetRule.anyFinite());
    }
}
