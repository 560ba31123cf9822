package org.djx.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Horizontal bars, one per named category and listed top to bottom in the order added, each drawn from
 * a baseline to its value. The baseline is a reference value (such as an AUC of 0.5) drawn as a dashed
 * line, so a bar shows how far and on which side of it a category lies.
 */
public final class BarPlot implements Plot {
    /** One named bar. */
    public record Bar(String name, double value) {
        public Bar {
            Objects.requireNonNull(name, "name");
        }
    }

    private final String title;
    private final String valueLabel;
    private final String baselineLabel;
    private final double baseline;
    private final List<Bar> bars = new ArrayList<>();

    /**
     * @param valueLabel    names the quantity along the value axis
     * @param baselineLabel names the baseline in the legend, such as {@code no separation (0.5)}
     * @param baseline      where every bar starts
     */
    public BarPlot(String title, String valueLabel, String baselineLabel, double baseline) {
        this.title = Objects.requireNonNull(title, "title");
        this.valueLabel = Objects.requireNonNull(valueLabel, "valueLabel");
        this.baselineLabel = Objects.requireNonNull(baselineLabel, "baselineLabel");
        if (!Double.isFinite(baseline)) {
            throw new IllegalArgumentException("the baseline must be finite, found " + baseline);
        }
        this.baseline = baseline;
    }

    /** Adds a bar below those added before and returns this plot; a value that is not finite is left empty. */
    public BarPlot add(String name, double value) {
        bars.add(new Bar(name, value));
        return this;
    }

    @Override
    public String title() {
        return title;
    }

    public String valueLabel() {
        return valueLabel;
    }

    public String baselineLabel() {
        return baselineLabel;
    }

    public double baseline() {
        return baseline;
    }

    public List<Bar> bars() {
        return List.copyOf(bars);
    }
}
