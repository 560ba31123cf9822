package org.djx.engine.random;

import java.util.random.RandomGenerator;

/**
 * One named stream of {@link RandomStreams}: SplitMix64, the generator of {@link java.util.SplittableRandom}
 * with its fixed increment, draw for draw the sequence {@code new SplittableRandom(start)} gives, with the one thing
 * that class keeps to itself, its position, readable and settable.
 *
 * <p>A checkpoint records the position of every stream a fit draws from (the shuffle, dropout's masks) and a resumed
 * fit sets it back, so that it goes on drawing exactly what the uninterrupted fit drew. Every draw advances the
 * position by one fixed step; the bounded, floating-point and Gaussian draws are {@link RandomGenerator}'s own,
 * built on {@link #nextLong()} and {@link #nextInt()} as {@code SplittableRandom} builds them.
 */
public final class RandomStream implements RandomGenerator {
    /** SplittableRandom's GOLDEN_GAMMA: the increment of every stream made from a seed. */
    private static final long STEP = 0x9e3779b97f4a7c15L;

    private long position;

    /** A stream that draws what {@code new SplittableRandom(start)} draws. */
    public RandomStream(long start) {
        this.position = start;
    }

    /** Returns where the stream is: the value that {@link #moveTo(long)} takes to continue from here. */
    public long position() {
        return position;
    }

    /** Continues the stream from {@code position}, which {@link #position()} returned. */
    public void moveTo(long position) {
        this.position = position;
    }

    @Override
    public long nextLong() {
        return mix64(position += STEP);
    }

    @Override
    public int nextInt() {
        return mix32(position += STEP);
    }

    // SplittableRandom's finalizers, the 64-bit one (Stafford's variant 13) and the 32-bit one.
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }
}
