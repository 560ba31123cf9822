package org.djx.api.spi;

import java.util.random.RandomGenerator;
import org.djx.api.Stability;
import org.djx.api.Tensor;

/**
 * Fills a weight tensor with initial values.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public interface Initializer {
    /**
     * Overwrites every element of {@code tensor}.
     *
     * @param fanIn  the number of inputs feeding each output of the layer
     * @param fanOut the number of outputs each input feeds
     * @param random the experiment's initialization stream; the only source of randomness allowed
     */
    void initialize(Tensor tensor, int fanIn, int fanOut, RandomGenerator random);
}
