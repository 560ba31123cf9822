package org.djx.api.spi;

import java.util.List;
import org.djx.api.Parameter;
import org.djx.api.Stability;
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
 * <p>A layer is in one of two modes, training or evaluation ({@link #setTraining(boolean)}); most layers
 * compute the same in both. A new layer is in evaluation mode: the engine switches it to training for
 * the optimizer's steps only.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
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

    /**
     * Switches the layer between training ({@code true}) and evaluation ({@code false}), for a layer that
     * computes differently in the two, as dropout does: it drops units while training and passes every
     * unit when evaluating. A new layer is in evaluation mode. The engine switches every layer of a
     * network to training before the forward and backward passes of the optimizer's steps and back to
     * evaluation before anything else (the epoch's full-pass loss, metrics, forward and curve tasks).
     * The default does nothing: the layer computes the same in both modes.
     *
     * @since 0.2
     */
    @Stability(Stability.Status.EXPERIMENTAL)
    default void setTraining(boolean training) {
    }
}
