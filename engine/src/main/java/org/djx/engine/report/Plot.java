package org.djx.engine.report;

/**
 * A chart that {@link PlotWriter} draws as PNG and SVG: one line plot, line plots side by side, named
 * bars, or a confusion matrix.
 */
public sealed interface Plot permits LinePlot, PanelPlot, BarPlot, ConfusionPlot {
    /** Returns the title drawn above the chart. */
    String title();
}
