package org.djx.api.spi;

import org.djx.api.DType;
import org.djx.api.Parameter;
import org.djx.api.Shape;
import java.util.random.RandomGenerator;
import org.djx.api.Stability;

/**
 * What the engine tells a layer when it creates it.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
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

    /**
     * Creates a parameter (zero value and gradient) in the network's element type. The engine first adds its
     * memory to the model's, so a model whose parameters cannot fit the heap is refused with its size and the
     * layer that asked, before anything is allocated. Layers should create their parameters here rather than
     * with {@code new Parameter(...)}.
     *
     * @throws org.djx.api.ConfigurationException if the model's parameters would not fit the heap
     * @since 0.2
     */
    @Stability(Stability.Status.EXPERIMENTAL)
    default Parameter parameter(String name, Parameter.Role role, Shape shape, int fanIn, int fanOut) {
        return new Parameter(name, role, dtype(), shape, fanIn, fanOut);
    }

    /**
     * Returns this layer's random stream {@code name}, drawn from the experiment's seed: the same in every run
     * of the experiment, and independent for every layer, fold and repeat. A layer that draws in its forward
     * pass (dropout's masks) takes its draws from here, so that its runs are reproducible. Each call returns the
     * stream from its start, so a layer calls this once, when it is created, and keeps the generator.
     *
     * @throws UnsupportedOperationException if the context has no streams (the default)
     * @since 0.2
     */
    @Stability(Stability.Status.EXPERIMENTAL)
    default RandomGenerator random(String name) {
        throw new UnsupportedOperationException(getClass().getName() + " gives no random streams");
    }

    /**
     * Returns a new, empty output or gradient buffer with {@code columns} columns in the network's
     * element type ({@link #dtype()}), which grows to the batch and then lets training steps run
     * without allocating. A layer creates one per tensor it returns (say its output and its input
     * gradient) and asks it for {@code rows(batchRows)} at each call.
     *
     * @throws IllegalArgumentException if {@code columns} is not positive
     * @since 0.2
     */
    @Stability(Stability.Status.EXPERIMENTAL)
    default BatchBuffer buffer(int columns) {
        return BatchBuffer.of(dtype(), columns);
    }
}
