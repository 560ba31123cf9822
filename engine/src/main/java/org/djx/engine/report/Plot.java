package org.djx.engine.report;

/**
 * A chart that {@link PlotWriter} draws as PNG and SVG: one line plot, line plots side by side, or
 * named bars.
 */
public sealed interface Plot permits LinePlot, PanelPlot, BarPlot {
    /** Returns the title drawn above the chart. */
    String title();
}
