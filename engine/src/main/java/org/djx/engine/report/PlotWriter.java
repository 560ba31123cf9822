package org.djx.engine.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws {@link LinePlot}s as PNG and SVG with XChart, in one plain style meant to be read at a glance:
 * white background, legend inside the plot, lines without markers (points only for a scatter series).
 */
public final class PlotWriter {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 560;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    static {
        // ImageIO buffers PNGs in temporary files closed by a shutdown hook, and no hook can be added once the JVM
        // shuts down: the report of an interrupted run, drawn then, would fail. Plots are small; memory serves.
        ImageIO.setUseCache(false);
    }

    private PlotWriter() {
    }

    /** Writes the plot as a PNG image. */
    public static void png(LinePlot plot, OutputStream out) throws IOException {
        BitmapEncoder.saveBitmap(chart(plot), out, BitmapEncoder.BitmapFormat.PNG);
    }

    /** Writes the plot as an SVG document. */
    public static void svg(LinePlot plot, OutputStream out) throws IOException {
        VectorGraphicsEncoder.saveVectorGraphic(chart(plot), out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }

    /** Beyond this many decades a log axis labels every decade illegibly: plot log10 linearly instead. */
    private static final double MAX_LOG_AXIS_DECADES = 12;

    private static XYChart chart(LinePlot plot) {
        boolean logAxis = plot.logY() && decades(plot) <= MAX_LOG_AXIS_DECADES;
        boolean log10Values = plot.logY() && !logAxis;
        String yTitle = logAxis ? plot.yLabel() + " (log scale)" : log10Values ? "log10 of " + plot.yLabel() : plot.yLabel();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(plot.title())
                .xAxisTitle(plot.xLabel()).yAxisTitle(yTitle).build();
        XYStyler style = chart.getStyler();
        style.setChartBackgroundColor(Color.WHITE);
        style.setPlotBackgroundColor(Color.WHITE);
        style.setPlotBorderVisible(true);
        style.setLegendPosition(Styler.LegendPosition.OutsideS);
        style.setLegendLayout(Styler.LegendLayout.Horizontal);
        style.setLegendBorderColor(Color.LIGHT_GRAY);
        style.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        style.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        style.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        style.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        style.setPlotGridLinesColor(new Color(0xe0e0e0));
        style.setSeriesColors(PALETTE);
        style.setYAxisLogarithmic(logAxis);
        // XChart's own tick pattern writes 0.05 as ".05"; over a moderate range a plain pattern reads better.
        String xPattern = plainPattern(plot, true);
        if (xPattern != null) {
            style.setXAxisDecimalPattern(xPattern);
        }
        String yPattern = logAxis ? null : plainPattern(plot, false);
        if (yPattern != null) {
            style.setYAxisDecimalPattern(yPattern);
        }
        // Over a short range a log axis with decade labels alone shows one or two numbers: label 2, 3, ... too.
        style.setYAxisLogarithmicDecadeOnly(decades(plot) >= 3);
        style.setAntiAlias(true);
        style.setMarkerSize(5);
        for (LinePlot.Series s : plot.series()) {
            double[] y = s.y();
            for (int i = 0; i < y.length; i++) {
                double v = log10Values ? Math.log10(y[i]) : y[i];
                // A curve that reached infinity (a diverged fit, the log of 0), or a value a log axis cannot show,
                // is drawn with a gap there.
                y[i] = Double.isFinite(v) && !(plot.logY() && !log10Values && v <= 0) ? v : Double.NaN;
            }
            XYSeries series = chart.addSeries(s.name(), s.x(), y);
            if (plot.isPoints(s.name())) {
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                series.setMarker(SeriesMarkers.CIRCLE);
            } else {
                series.setMarker(SeriesMarkers.NONE);
                series.setLineStyle(new BasicStroke(2f));
            }
        }
        return chart;
    }

    /**
     * Returns a plain decimal pattern with enough places for ticks a tenth of the range apart, or null
     * when the values are too large or the range too small for one (XChart then picks its own).
     */
    private static String plainPattern(LinePlot plot, boolean x) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (LinePlot.Series s : plot.series()) {
            for (double v : x ? s.x() : s.y()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        double span = max - min;
        if (!(span >= 1e-4) || Math.max(Math.abs(min), Math.abs(max)) >= 1e7) {
            return null;
        }
        int places = Math.max(0, (int) Math.ceil(-Math.log10(span / 10)) + 1);
        return places == 0 ? "0" : "0." + "#".repeat(places);
    }

    private static double decades(LinePlot plot) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (LinePlot.Series s : plot.series()) {
            for (double v : s.y()) {
                if (v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return max > 0 ? Math.log10(max / min) : 0;
    }
}
