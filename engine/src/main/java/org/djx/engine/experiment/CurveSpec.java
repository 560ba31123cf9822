package org.djx.engine.experiment;

/**
 * The {@code curve} section: x runs from {@code start} (inclusive) towards {@code stop} (exclusive) in
 * steps of {@code step}, as {@code torch.arange(start, stop, step)} does.
 *
 * @param valueLabel    the legend of the network's output
 * @param gradientLabel the legend of its gradient
 */
public record CurveSpec(double start, double stop, double step, String valueLabel, String gradientLabel) implements TaskSpec {
    /** Returns the number of x values: ceil((stop - start) / step). */
    public int points() {
        return (int) Math.ceil((stop - start) / step);
    }

    /** Returns x value {@code i}, computed as start + i * step so that errors do not accumulate. */
    public double x(int i) {
        return start + i * step;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.GRADIENT_CURVE;
    }
}
