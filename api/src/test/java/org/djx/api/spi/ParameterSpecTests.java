package org.djx.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ParameterSpecTests {

    @ParameterizedTest
    @ValueSource(strings = {"learningRate", "weight_decay", "Lr", "1st", "-lr", "lr-", "weight--decay", "", "l r",
            "beta-"})
    void rejectsNamesThatAreNotKebabCase(String name) {
        assertThatThrownBy(() -> ParameterSpec.number(name, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + name + "'")
                .hasMessageContaining("kebab-case");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lr", "weight-decay", "beta1", "report-every", "a-1-b"})
    void acceptsKebabCaseNames(String name) {
        assertThat(ParameterSpec.number(name, "x").name()).isEqualTo(name);
    }

    @Test
    void asRequiredDropsTheDefaultAndWithDefaultDropsRequired() {
        ParameterSpec required = ParameterSpec.integer("epochs", "x").withDefault(5).asRequired();
        ParameterSpec defaulted = ParameterSpec.integer("epochs", "x").asRequired().withDefault(5);

        assertThat(required.required()).isTrue();
        assertThat(required.defaultValue()).isNull();
        assertThat(defaulted.required()).isFalse();
        assertThat(defaulted.defaultValue()).isEqualTo(5);
    }

    @Test
    void rejectsADefaultOfTheWrongType() {
        assertThatThrownBy(() -> ParameterSpec.integer("epochs", "x").withDefault(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("default 1.5 of 'epochs'").hasMessageContaining("integer");
        assertThatThrownBy(() -> ParameterSpec.integer("epochs", "x").withDefault("10"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParameterSpec.number("lr", "x").withDefault("0.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not of type number");
        assertThatThrownBy(() -> ParameterSpec.bool("shuffle", "x").withDefault("true"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParameterSpec.string("mode", "x").withDefault(1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParameterSpec.numbers("biases", "x").withDefault(new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParameterSpec.matrix("weights", "x").withDefault(new double[][] {{1}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWholeNumberDefaultOfANumberParameterBecomesADouble() {
        ParameterSpec spec = ParameterSpec.number("lr", "x").withDefault(5);

        assertThat(spec.defaultValue()).isInstanceOf(Double.class).isEqualTo(5.0);
    }

    @Test
    void choicesAreImmutable() {
        ParameterSpec spec = ParameterSpec.string("mode", "x", "fan-in", "fan-out");

        assertThatThrownBy(() -> spec.choices().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void onlyNumbersHaveBounds() {
        assertThatThrownBy(() -> ParameterSpec.string("mode", "x").atLeast(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only integer and number parameters have bounds: 'mode'");
        assertThatThrownBy(() -> ParameterSpec.numbers("biases", "x").lessThan(1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsBoundsThatLeaveNoValue() {
        assertThatThrownBy(() -> ParameterSpec.number("p", "x").atLeast(1).atMost(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the bounds of 'p' leave no value: in [1, 0]");
        assertThatThrownBy(() -> ParameterSpec.number("p", "x").atLeast(1).lessThan(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in [1, 1)");
        assertThat(ParameterSpec.number("p", "x").atLeast(1).atMost(1).boundsText()).isEqualTo("in [1, 1]");
    }

    @Test
    void rejectsADefaultOutsideItsOwnBoundsOrChoices() {
        assertThatThrownBy(() -> ParameterSpec.number("beta", "x").withDefault(1.0).atLeast(0).lessThan(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("default 1.0 of 'beta' breaks its own rule: beta must be in [0, 1), found 1.0");
        assertThatThrownBy(() -> ParameterSpec.string("mode", "x", "fan-in", "fan-out").withDefault("fan-up"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fan-up' is not a valid value for mode");
    }

    @Test
    void boundsTextIsEmptyWithoutBounds() {
        assertThat(ParameterSpec.number("mean", "x").boundsText()).isEmpty();
    }

    @Test
    void boundsTextShowsOneSidedBounds() {
        assertThat(ParameterSpec.number("lr", "x").greaterThan(0).boundsText()).isEqualTo("> 0");
        assertThat(ParameterSpec.integer("epochs", "x").atLeast(1).boundsText()).isEqualTo(">= 1");
        assertThat(ParameterSpec.number("p", "x").atMost(0.5).boundsText()).isEqualTo("<= 0.5");
        assertThat(ParameterSpec.number("p", "x").lessThan(0.5).boundsText()).isEqualTo("< 0.5");
    }

    @Test
    void boundsTextShowsIntervalsWithTheRightBrackets() {
        assertThat(ParameterSpec.number("p", "x").atLeast(0).atMost(1).boundsText()).isEqualTo("in [0, 1]");
        assertThat(ParameterSpec.number("p", "x").greaterThan(0).atMost(1).boundsText()).isEqualTo("in (0, 1]");
        assertThat(ParameterSpec.number("momentum", "x").atLeast(0).lessThan(1).boundsText()).isEqualTo("in [0, 1)");
        assertThat(ParameterSpec.number("p", "x").greaterThan(0).lessThan(1).boundsText()).isEqualTo("in (0, 1)");
        assertThat(ParameterSpec.number("beta", "x").atLeast(0).atMost(0.999999).boundsText())
                .isEqualTo("in [0, 0.999999]");
        assertThat(ParameterSpec.number("t", "x").atLeast(-2.5).atMost(1e20).boundsText())
                .isEqualTo("in [-2.5, 1.0E20]");
    }

    @Test
    void boundsSurviveAddingADefaultAndDefaultsSurviveAddingBounds() {
        ParameterSpec spec = ParameterSpec.number("lr", "x").greaterThan(0).withDefault(0.1).atMost(1);

        assertThat(spec.defaultValue()).isEqualTo(0.1);
        assertThat(spec.minimum()).isEqualTo(0.0);
        assertThat(spec.minimumExclusive()).isTrue();
        assertThat(spec.maximum()).isEqualTo(1.0);
        assertThat(spec.maximumExclusive()).isFalse();
    }

    @Test
    void lessThanAndAtMostReplaceEachOther() {
        ParameterSpec exclusive = ParameterSpec.number("p", "x").atMost(2).lessThan(1);
        ParameterSpec inclusive = exclusive.atMost(3);

        assertThat(exclusive.maximum()).isEqualTo(1.0);
        assertThat(exclusive.maximumExclusive()).isTrue();
        assertThat(inclusive.maximum()).isEqualTo(3.0);
        assertThat(inclusive.maximumExclusive()).isFalse();
    }

    @Test
    void equalsComparesEveryPartOfTheDeclaration() {
        ParameterSpec a = ParameterSpec.number("lr", "x").withDefault(0.1).greaterThan(0);

        assertThat(a).isEqualTo(ParameterSpec.number("lr", "x").greaterThan(0).withDefault(0.1))
                .hasSameHashCodeAs(ParameterSpec.number("lr", "x").greaterThan(0).withDefault(0.1));
        assertThat(a).isNotEqualTo(ParameterSpec.number("lr", "x").withDefault(0.1).atLeast(0));
        assertThat(a).isNotEqualTo(ParameterSpec.number("lr", "y").withDefault(0.1).greaterThan(0));
        assertThat(a.lessThan(1)).isNotEqualTo(a.atMost(1));
        assertThat(a).hasToString("ParameterSpec[lr: a number > 0, default 0.1]");
        assertThat(ParameterSpec.integer("epochs", "x").asRequired()).hasToString("ParameterSpec[epochs: an integer, required]");
    }

    @Test
    void stringFactoryKeepsTheChoicesInOrder() {
        ParameterSpec spec = ParameterSpec.string("mode", "x", "fan-in", "fan-out");

        assertThat(spec.type()).isEqualTo(ParameterType.STRING);
        assertThat(spec.choices()).containsExactly("fan-in", "fan-out");
    }
}
