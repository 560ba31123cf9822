package org.djx.plugins.optim;

import org.djx.api.spi.OptimizerState;

/** Reads the step count that the optimizers with accumulated state export as the scalar {@code step}. */
final class Steps {
    private Steps() {
    }

    /**
     * Returns the state's step count.
     *
     * @throws IllegalArgumentException if it has none, or one that is not a whole number from 0 to
     *                                  {@link Integer#MAX_VALUE}
     */
    static int count(OptimizerState state, String optimizer) {
        double steps = state.scalar("step");
        if (!(steps >= 0 && steps <= Integer.MAX_VALUE && steps == Math.rint(steps))) {
            throw new IllegalArgumentException("the state of optimizer '" + optimizer + "' has the step count " + steps
                    + "; expected a whole number from 0 to " + Integer.MAX_VALUE);
        }
        return (int) steps;
    }
}
