package org.djx.api.spi;

import java.util.List;
import org.djx.api.Parameter;
import org.djx.api.Tensor;

/**
 * One stage of a network, with an explicit forward and backward pass.
 *
 * <p>Inputs and outputs are batches: a matrix with one example per row. The backward pass is the
 * chain rule written out: given the gradient of the loss with respect to this layer's output, it
 * returns the gradient with respect to its input and writes the gradients of its
 * {@link #parameters()}. D2L's delta rules map onto it one to one.
 *
 * <p>A layer owns its output and input-gradient buffers and reuses them across steps, so the tensors
 * it returns are valid until its next call. {@link #backward(Tensor)} refers to the most recent
 * {@link #forward(Tensor)}. A layer instance is used by one thread at a time.
 *
 * @since 0.1
 */
public interface Layer {
    /** Returns the number of features per example this layer produces. */
    int outputFeatures();

    /** Computes the output for a batch of inputs; the result is valid until the next call. */
    Tensor forward(Tensor input);

    /**
     * Propagates {@code outputGradient} (dLoss/dOutput of the last forward batch) back: overwrites
     * each parameter's gradient with dLoss/dParameter and returns dLoss/dInput.
     */
    Tensor backward(Tensor outputGradient);

    /**
     * Like {@link #backward(Tensor)} for a layer whose input gradient nobody reads (the first layer of
     * a network): it writes the parameter gradients and may skip computing dLoss/dInput, which for a
     * linear layer is a third of a training step's arithmetic.
     */
    default void backwardParameters(Tensor outputGradient) {
        backward(outputGradient);
    }

    /** Returns the trainable parameters, in a stable order; empty for a parameter-free layer. */
    default List<Parameter> parameters() {
        return List.of();
    }
}
