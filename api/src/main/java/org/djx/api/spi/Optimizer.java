package org.djx.api.spi;

/**
 * Updates a fixed list of parameters from their gradients, one step per minibatch.
 *
 * @since 0.1
 */
public interface Optimizer {
    /** Updates every parameter's value in place from its current gradient. */
    void step();
}
