package org.djx.api.spi;

import java.util.OptionalDouble;
import org.djx.api.Stability;

/**
 * Updates a fixed list of parameters from their gradients, one step per minibatch.
 *
 * <p>Beyond {@link #step()} an optimizer offers two groups of hooks. A learning-rate schedule (step
 * decay, cosine, linear warm-up) reads the configured rate with {@link #baseLearningRate()} and sets
 * the rate of the coming steps with {@link #setLearningRate(double)}; the schedule keeps its own step
 * count, so the optimizer needs nothing else for it. A checkpoint or saved model takes a copy of the
 * optimizer's state with {@link #exportState()} and gives it to a fresh optimizer of the same
 * configuration and parameter list with {@link #restoreState(OptimizerState)}, after which the two
 * continue bit for bit alike.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public interface Optimizer {
    /** Updates every parameter's value in place from its current gradient. */
    void step();

    /**
     * Returns the learning rate of the configuration, which schedules scale; empty for an optimizer
     * without a learning rate, to which no schedule applies. The default is empty.
     *
     * @since 0.2
     */
    @Stability(Stability.Status.EXPERIMENTAL)
    default OptionalDouble baseLearningRate() {
        return OptionalDouble.empty();
    }

    /**
     * Sets the learning rate of the following steps until the next call; the configured rate is used
     * until the first. Setting it back to {@link #baseLearningRate()} gives the same steps as never
     * setting it, and a rate of 0 leaves the parameters unchanged (the optimizer's state, such as
     * Adam's moments and step count, still advances). The caller passes a finite rate {@code >= 0}.
     * The rate is not part of {@link #exportState()}: whoever sets it sets it again after a restore.
     *
     * @throws UnsupportedOperationException if the optimizer has no learning rate (the default)
     * @since 0.2
     */
    @Stability(Stability.Status.EXPERIMENTAL)
    default void setLearningRate(double learningRate) {
        throw new UnsupportedOperationException(getClass().getName() + " has no learning rate"
                + " (its baseLearningRate() is empty), so it cannot be set");
    }

    /**
     * Returns a copy of everything the optimizer has accumulated (moments, running means, step count)
     * that its configuration does not already give, tagged with the optimizer's name and the shapes of
     * its parameters; an optimizer that keeps nothing returns a state without tensors and scalars.
     *
     * @throws UnsupportedOperationException if the optimizer cannot export its state (the default)
     * @since 0.2
     */
    @Stability(Stability.Status.EXPERIMENTAL)
    default OptimizerState exportState() {
        throw new UnsupportedOperationException(getClass().getName() + " cannot export its state"
                + " (it does not implement Optimizer.exportState)");
    }

    /**
     * Replaces the optimizer's accumulated state with a copy of {@code state}, which an optimizer of the
     * same name, created for parameters of the same shapes, exported ({@link OptimizerState#requireFits}
     * checks both). The parameters' values are not part of the state.
     *
     * @throws IllegalArgumentException      if {@code state} comes from another optimizer or another
     *                                       parameter list
     * @throws UnsupportedOperationException if the optimizer cannot restore a state (the default)
     * @since 0.2
     */
    @Stability(Stability.Status.EXPERIMENTAL)
    default void restoreState(OptimizerState state) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot restore a state"
                + " (it does not implement Optimizer.restoreState)");
    }
}
