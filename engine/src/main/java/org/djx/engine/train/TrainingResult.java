package org.djx.engine.train;

import java.util.Arrays;
import java.util.Objects;

/**
 * The outcome of one training run: the training loss after each completed epoch and why it stopped.
 */
public final class TrainingResult {
    private final double[] losses;
    private final StopReason reason;

    TrainingResult(double[] losses, StopReason reason) {
        this.losses = losses.clone();
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Returns the number of epochs run, including a diverged last one. */
    public int epochs() {
        return losses.length;
    }

    /** Returns the training loss after epoch {@code epoch}, counted from 1. */
    public double loss(int epoch) {
        return losses[epoch - 1];
    }

    /** Returns the loss after every epoch, first epoch first. */
    public double[] losses() {
        return losses.clone();
    }

    /** Returns the last finite loss, or NaN when no epoch ended with one. */
    public double lastFiniteLoss() {
        for (int i = losses.length - 1; i >= 0; i--) {
            if (Double.isFinite(losses[i])) {
                return losses[i];
            }
        }
        return Double.NaN;
    }

    public StopReason reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "TrainingResult[" + reason + " after " + losses.length + " epochs, losses "
                + Arrays.toString(Arrays.copyOf(losses, Math.min(5, losses.length))) + "...]";
    }
}
