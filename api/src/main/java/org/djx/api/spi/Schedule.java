package org.djx.api.spi;

import org.djx.api.Stability;

/**
 * A learning-rate schedule: the rate of each epoch as a function of the epoch and the optimizer's
 * configured rate, as {@link ScheduleFactory} describes.
 *
 * <p>It is a pure function: the same arguments give the same rate bit for bit, whatever was asked
 * before and in whatever order, and it draws no randomness. The engine may therefore compute every
 * epoch's rate once, before training, and check them at validation.
 *
 * @since 0.2
 */
@Stability(Stability.Status.EXPERIMENTAL)
@FunctionalInterface
public interface Schedule {
    /**
     * Returns the learning rate of epoch {@code epoch}, counted from 0: the epoch after {@code epoch}
     * completed ones, PyTorch's {@code last_epoch} after as many {@code scheduler.step()} calls.
     *
     * @param epoch    from 0 to the run's epochs minus 1
     * @param baseRate the rate the optimizer was configured with, finite and above 0
     * @return a finite rate {@code >= 0}
     */
    double learningRate(int epoch, double baseRate);
}
