package org.djx.plugins.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTests {
    @ParameterizedTest
    @ValueSource(strings = {"0", "65", "-7", "+7", "1.5", "2.", ".5", "-.5", "1e3", "1E3", "1e+3", "1.5e-3", "007", "208500", "1e999"})
    void acceptsDecimalNumbers(String s) {
        assertThat(Decimals.isDecimal(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NA", "NaN", "Infinity", "-Infinity", "0x1p3", "0x10", "1d", "1D", "2f", "1L", " 1", "1 ", "\t1",
        "+", "-", ".", "e3", "1e", "1e+", "1.5.2", "1,5", "--1", "1_000", "٣", "１"})
    void rejectsWhatParseDoubleWouldForgiveAndWhatIsNotANumber(String s) {
        assertThat(Decimals.isDecimal(s)).isFalse();
    }

    @Test
    void parsesToTheNearestDouble() {
        assertThat(Decimals.parse("208500")).isEqualTo(208500.0);
        assertThat(Decimals.parse("-.5")).isEqualTo(-0.5);
        assertThat(Decimals.parse("0.1")).isEqualTo(0.1);
        assertThat(Decimals.parse("1.5e-3")).isEqualTo(0.0015);
    }

    @Test
    void reportsOverflowAsInfinityForTheCallerToRefuse() {
        assertThat(Decimals.parse("1e999")).isInfinite();
        assertThat(Decimals.parse("-1e999")).isInfinite();
    }
}
