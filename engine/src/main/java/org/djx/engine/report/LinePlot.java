package org.djx.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A line chart to draw: labelled axes, optionally a logarithmic y axis, and named series. The y label
 * names the quantity; the writer adds how it is scaled.
 */
public final class LinePlot {
    /** One named line; x and y are copied. */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            Objects.requireNonNull(name, "name");
            x = x.clone();
            y = y.clone();
            if (x.length != y.length || x.length == 0) {
                throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x and " + y.length + " y values");
            }
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final List<Series> series = new ArrayList<>();
    private final java.util.Set<String> points = new java.util.HashSet<>();

    public LinePlot(String title, String xLabel, String yLabel, boolean logY) {
        this.title = Objects.requireNonNull(title, "title");
        this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
        this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
        this.logY = logY;
    }

    /** Adds a line and returns this plot. */
    public LinePlot add(String name, double[] x, double[] y) {
        series.add(new Series(name, x, y));
        return this;
    }

    /** Adds a series drawn as unconnected points (a scatter) and returns this plot. */
    public LinePlot addPoints(String name, double[] x, double[] y) {
        add(name, x, y);
        points.add(name);
        return this;
    }

    /** Returns whether series {@code name} is drawn as points rather than a line. */
    public boolean isPoints(String name) {
        return points.contains(name);
    }

    public String title() {
        return title;
    }

    public String xLabel() {
        return xLabel;
    }

    public String yLabel() {
        return yLabel;
    }

    public boolean logY() {
        return logY;
    }

    public List<Series> series() {
        return List.copyOf(series);
    }
}
