package org.djx.api.spi;

import org.djx.api.DType;
import org.djx.api.Parameter;

/**
 * What the engine tells a layer when it creates it.
 *
 * @since 0.1
 */
public interface LayerContext {
    /** Returns the number of features per example that reach the layer. */
    int inputFeatures();

    /**
     * Returns the element type of the network: the layer's parameters, buffers and outputs use it,
     * and its inputs arrive in it.
     */
    DType dtype();

    /** Returns the engine's kernels for the heavy arithmetic. */
    Kernels kernels();

    /**
     * Gives a new parameter its initial values as the experiment says: weights from the configured
     * initializer and the experiment's seed, biases zero. A layer skips this for a parameter whose
     * values its configuration sets explicitly.
     */
    void initialize(Parameter parameter);
}
