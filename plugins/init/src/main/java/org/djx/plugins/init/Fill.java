package org.djx.plugins.init;

import java.util.random.RandomGenerator;
import org.djx.api.Tensor;

/** The two ways the built-in random initializers draw, shared so each draws the same way. */
final class Fill {
    private Fill() {
    }

    /** Fills with draws from N(mean, std^2). */
    static void normal(Tensor tensor, double mean, double std, RandomGenerator random) {
        for (int i = 0, n = tensor.size(); i < n; i++) {
            tensor.set(i, mean + std * random.nextGaussian());
        }
    }

    /** Fills with draws from U[low, high). */
    static void uniform(Tensor tensor, double low, double high, RandomGenerator random) {
        double width = high - low;
        for (int i = 0, n = tensor.size(); i < n; i++) {
            tensor.set(i, low + width * random.nextDouble());
        }
    }

    /** Returns the fan He initialization scales by: fan-in by default, fan-out on request. */
    static int heFan(String mode, int fanIn, int fanOut) {
        return "fan-out".equals(mode) ? fanOut : fanIn;
    }
}
