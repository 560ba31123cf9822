package org.djx.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicksTests {
    @Test
    void labelsCarryNoDigitsTheirStepDoesNotHave() {
        // 0.1 * 3 is 0.30000000000000004 in binary floating point.
        List<Ticks.Tick> ticks = Ticks.linear(0.05, 0.95, false, t -> t.size() <= 10);

        assertThat(ticks).extracting(Ticks.Tick::label).containsExactly("0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9");
    }

    @Test
    void veryLargeOrSmallTicksAreWrittenWithAnExponentAndAllTicksOfAnAxisAlike() {
        assertThat(Ticks.linear(0, 3.1e7, false, t -> t.size() <= 8)).extracting(Ticks.Tick::label)
                .containsExactly("0", "5e6", "1e7", "1.5e7", "2e7", "2.5e7", "3e7");
        assertThat(Ticks.linear(1e-5, 4.5e-5, false, t -> t.size() <= 4)).extracting(Ticks.Tick::label)
                .containsExactly("1e-5", "2e-5", "3e-5", "4e-5");
        assertThat(Ticks.log(1e-6, 2e3, t -> t.size() <= 5)).extracting(Ticks.Tick::label)
                .containsExactly("1e-6", "1e-4", "1e-2", "1", "1e2");
    }

    @Test
    void aLogAxisOfManyDecadesKeepsPowersOfTenEvenWhenOnlyTwoFit() {
        // Linear ticks would all fall in the top decade: 500, 1000, 1500, 2000.
        assertThat(Ticks.log(1e-6, 2e3, t -> t.size() <= 4)).extracting(Ticks.Tick::label).containsExactly("1e-5", "1");
    }

    @Test
    void aLogAxisOfTwoDecadesIsTickedAtOneTwoAndFive() {
        assertThat(Ticks.log(0.03, 4, t -> true)).extracting(Ticks.Tick::label)
                .containsExactly("0.05", "0.1", "0.2", "0.5", "1", "2");
    }

    @Test
    void aCrowdedAxisTakesTheNextRoundStep() {
        // Room for five ticks over [0, 100]: the step goes 1, 2, 5, 10, 20, 50 until it fits.
        assertThat(Ticks.linear(0, 100, false, t -> t.size() <= 5)).extracting(Ticks.Tick::label)
                .containsExactly("0", "50", "100");
    }

    @Test
    void anIndexAxisIsNeverTickedBetweenWholeNumbers() {
        assertThat(Ticks.linear(0.96, 2.04, true, t -> true)).extracting(Ticks.Tick::label).containsExactly("1", "2");
    }
}
