package org.djx.api.spi;

import org.djx.api.Stability;

/**
 * Creates learning-rate schedules of one type, such as {@code step}, {@code cosine} or
 * {@code linear-warmup}: the {@code "schedule"} section of an experiment file names one by its
 * {@code "type"}.
 *
 * <p>A schedule works once per epoch, as a PyTorch loop that calls {@code scheduler.step()} after each
 * epoch: before epoch {@code e} (counted from 0) the engine sets the optimizer's rate to
 * {@link Schedule#learningRate(int, double) learningRate(e, base)}, where {@code base} is the rate the
 * optimizer was configured with ({@link Optimizer#baseLearningRate()}). It applies only to an optimizer
 * with a learning rate; the engine refuses the combination otherwise, before anything runs.
 *
 * @since 0.2
 */
@Stability(Stability.Status.EXPERIMENTAL)
public interface ScheduleFactory extends Plugin {
    /**
     * Creates the schedule of a run of at most {@code epochs} epochs (the training section's limit), so
     * that a schedule such as cosine annealing can span the run by default.
     *
     * @param config the checked configuration, defaults filled in; use {@link Config#error} for values
     *               that are valid one by one but not together (also with {@code epochs})
     * @param epochs the most epochs the run trains, at least 1
     * @return the schedule, never null
     */
    Schedule create(Config config, int epochs);
}
