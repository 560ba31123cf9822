package org.djx.engine.random;

import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/**
 * Independent random streams derived from one root seed by name, such as {@code init/layer-2/weight}
 * or {@code shuffle}.
 *
 * <p>Each stream depends only on the seed and its own name, so adding a layer, a fold or a step never
 * changes the draws of another stream, and the same experiment file gives the same numbers on every
 * run and every thread count.
 */
public final class RandomStreams {
    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** Returns a fresh generator for the stream {@code name}; equal names give equal sequences. */
    public RandomStream stream(String name) {
        return new RandomStream(start(name));
    }

    /** Returns where the stream {@code name} starts: {@code new SplittableRandom(start(name))} draws what it draws. */
    long start(String name) {
        return mix(seed ^ mix(fnv1a(name)));
    }

    /**
     * Puts {@code order} in a uniformly random order (Fisher-Yates), drawing only from {@code random}: the one
     * shuffle of djx, so that equal streams always give equal orders.
     */
    public static void permute(int[] order, RandomGenerator random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    // A fixed hash of the name's UTF-8 bytes: String.hashCode is stable too, but only 32 bits wide.
    private static long fnv1a(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    // SplitMix64's finalizer: spreads nearby seeds far apart.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
