package org.djx.engine.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RandomStreamsTests {

    private static long[] draw(RandomGenerator random, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextLong();
        }
        return out;
    }

    @Test
    void theSameSeedAndNameGiveTheSameSequence() {
        long[] first = draw(new RandomStreams(42).stream("init/layer-0/weight"), 1000);
        long[] second = draw(new RandomStreams(42).stream("init/layer-0/weight"), 1000);

        assertThat(second).containsExactly(first);
    }

    @Test
    void aStreamDoesNotDependOnWhichOtherStreamsWereDrawnFirst() {
        RandomStreams streams = new RandomStreams(7);
        draw(streams.stream("shuffle"), 500);
        draw(streams.stream("init/layer-1/weight"), 500);

        long[] afterOthers = draw(streams.stream("init/layer-0/weight"), 100);
        long[] fresh = draw(new RandomStreams(7).stream("init/layer-0/weight"), 100);

        assertThat(afterOthers).containsExactly(fresh);
    }

    @Test
    void eachCallStartsTheStreamAfresh() {
        RandomStreams streams = new RandomStreams(3);
        long[] first = draw(streams.stream("shuffle"), 10);

        assertThat(draw(streams.stream("shuffle"), 10)).containsExactly(first);
    }

    @Test
    void differentNamesGiveDifferentSequences() {
        RandomStreams streams = new RandomStreams(42);
        String[] names = {"shuffle", "init/layer-0/weight", "init/layer-1/weight", "init/layer-10/weight", "", "a", "b"};

        for (int i = 0; i < names.length; i++) {
            for (int j = i + 1; j < names.length; j++) {
                long[] x = draw(streams.stream(names[i]), 16);
                long[] y = draw(streams.stream(names[j]), 16);
                assertThat(x).as("'%s' vs '%s'", names[i], names[j]).isNotEqualTo(y);
                // Not merely shifted copies of each other: no draw of one appears in the other.
                assertThat(x).as("'%s' vs '%s'", names[i], names[j]).doesNotContain(y);
            }
        }
    }

    @Test
    void differentSeedsGiveDifferentSequences() {
        long[] seeds = {0, 1, 2, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 32};

        for (int i = 0; i < seeds.length; i++) {
            for (int j = i + 1; j < seeds.length; j++) {
                long[] x = draw(new RandomStreams(seeds[i]).stream("shuffle"), 16);
                long[] y = draw(new RandomStreams(seeds[j]).stream("shuffle"), 16);
                assertThat(x).as("seed %d vs %d", seeds[i], seeds[j]).isNotEqualTo(y).doesNotContain(y);
            }
        }
    }

    @Test
    void keepsItsSeed() {
        assertThat(new RandomStreams(-5).seed()).isEqualTo(-5);
    }

    @Test
    void drawsLookUniform() {
        // A broken mix (say, a constant or a tiny period) would fail this loose check on the mean.
        RandomGenerator random = new RandomStreams(0).stream("shuffle");
        double sum = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            sum += random.nextDouble();
        }

        // The mean of n U[0,1) draws has standard deviation sqrt(1/12/n) ~ 0.0009; allow six of them.
        assertThat(sum / n).isBetween(0.5 - 0.0055, 0.5 + 0.0055);
    }
}
