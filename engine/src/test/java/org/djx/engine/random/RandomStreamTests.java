package org.djx.engine.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * A stream must draw exactly what the SplittableRandom of djx 0.1 drew (every experiment's numbers depend on it), and
 * continue bit for bit from a position it gave.
 */
class RandomStreamTests {
    private static final long[] STARTS = {0, 1, -1, 42, Long.MIN_VALUE, Long.MAX_VALUE, 0x9e3779b97f4a7c15L,
            new RandomStreams(0).start("fold-1/shuffle"), new RandomStreams(7).start("fold-3/layer-2/mask")};

    /** Every kind of draw djx and its plugins make, in a mixed order, as bits. */
    private static long[] mixedDraws(RandomGenerator r, int n) {
        long[] out = new long[n * 12];
        int k = 0;
        for (int i = 0; i < n; i++) {
            out[k++] = r.nextLong();
            out[k++] = r.nextInt();
            out[k++] = r.nextInt(1 + i);
            out[k++] = r.nextInt(-5, 17 + i);
            out[k++] = r.nextLong(3 + 1000L * i);
            out[k++] = Double.doubleToRawLongBits(r.nextDouble());
            out[k++] = Double.doubleToRawLongBits(r.nextDouble(-2.5, 7.25));
            out[k++] = Float.floatToRawIntBits(r.nextFloat());
            out[k++] = Double.doubleToRawLongBits(r.nextGaussian());
            out[k++] = Double.doubleToRawLongBits(r.nextGaussian(1.5, 0.25));
            out[k++] = r.nextBoolean() ? 1 : 0;
            out[k++] = Double.doubleToRawLongBits(r.nextExponential());
        }
        return out;
    }

    @Test
    void drawsWhatSplittableRandomDrawsWithTheSameStart() {
        for (long start : STARTS) {
            assertThat(mixedDraws(new RandomStream(start), 2_000)).as("start %d", start)
                    .containsExactly(mixedDraws(new SplittableRandom(start), 2_000));
        }
    }

    @Test
    void aNamedStreamDrawsWhatItsSplittableRandomDrew() {
        RandomStreams streams = new RandomStreams(42);
        for (String name : new String[] {"shuffle", "init/layer-0/weight", "fold-2/layer-1/mask", ""}) {
            assertThat(mixedDraws(streams.stream(name), 500)).as(name)
                    .containsExactly(mixedDraws(new SplittableRandom(streams.start(name)), 500));
        }
    }

    @Test
    void aStreamMovedToAPositionContinuesFromThereBitForBit() {
        for (int drawsBefore : new int[] {0, 1, 7, 1_000}) {
            RandomStream original = new RandomStream(STARTS[7]);
            mixedDraws(original, drawsBefore);
            long position = original.position();
            long[] rest = mixedDraws(original, 300);

            RandomStream resumed = new RandomStream(12345);
            resumed.moveTo(position);

            assertThat(mixedDraws(resumed, 300)).as("after %d rounds", drawsBefore).containsExactly(rest);
        }
    }

    @Test
    void everyDrawOfALongOrIntMovesThePositionOneStep() {
        RandomStream stream = new RandomStream(5);
        Function<RandomStream, Long> step = s -> {
            long before = s.position();
            s.nextInt();
            return s.position() - before;
        };
        long one = step.apply(stream);
        stream.nextLong();
        assertThat(stream.position()).isEqualTo(5 + 2 * one);
        assertThat(one).isEqualTo(0x9e3779b97f4a7c15L);
    }
}
