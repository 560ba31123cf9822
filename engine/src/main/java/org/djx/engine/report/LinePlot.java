package org.djx.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A line chart to draw: labelled axes, optionally a logarithmic y axis, and named series. The y label
 * names the quantity; the writer adds how it is scaled. Values that are not finite (and values a log
 * axis cannot show) are drawn as gaps.
 */
public final class LinePlot implements Plot {
    /** How a series is drawn. */
    public enum Style {
        /** A solid line, for a measured or fitted curve. */
        LINE,
        /** A dashed line, for a reference such as the true function or a chance level, drawn over the lines. */
        REFERENCE,
        /** Unconnected points (a scatter), drawn over every line. */
        POINTS
    }

    /** One named series; x and y are copied. */
    public record Series(String name, Style style, double[] x, double[] y) {
        public Series {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(style, "style");
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
    private boolean logX;
    private final List<Series> series = new ArrayList<>();

    public LinePlot(String title, String xLabel, String yLabel, boolean logY) {
        this.title = Objects.requireNonNull(title, "title");
        this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
        this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
        this.logY = logY;
    }

    /** Adds a line and returns this plot. */
    public LinePlot add(String name, double[] x, double[] y) {
        series.add(new Series(name, Style.LINE, x, y));
        return this;
    }

    /** Adds a dashed reference line (a truth or a chance level to compare against) and returns this plot. */
    public LinePlot addReference(String name, double[] x, double[] y) {
        series.add(new Series(name, Style.REFERENCE, x, y));
        return this;
    }

    /** Adds a series drawn as unconnected points (a scatter) and returns this plot. */
    public LinePlot addPoints(String name, double[] x, double[] y) {
        series.add(new Series(name, Style.POINTS, x, y));
        return this;
    }

    @Override
    public String title() {
        return title;
    }

    public String xLabel() {
        return xLabel;
    }

    public String yLabel() {
        return yLabel;
    }

    /** Puts x on a logarithmic axis, for values spread over decades (learning rates); returns this plot. */
    public LinePlot withLogX() {
        logX = true;
        return this;
    }

    public boolean logX() {
        return logX;
    }

    public boolean logY() {
        return logY;
    }

    public List<Series> series() {
        return List.copyOf(series);
    }
}
