package org.djx.engine.report;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link LinePlot} laid out in a box of a given width: title, framed plot area with ticks at round
 * numbers, axis titles, and the legend in rows below. Lines are drawn first, dashed references over
 * them, and points over everything, so no line hides a point.
 */
final class XYPanel {
    static final float LINE_WIDTH = 2f;
    static final float REFERENCE_WIDTH = 1.75f;
    static final double MARKER_SIZE = 10;
    /** More points than this are drawn small and see-through, so where they crowd shows as darker. */
    private static final int CROWD = 100;
    private static final double CROWDED_MARKER_SIZE = 6;
    private static final double PAD = 10;
    private static final double TICK = 5;

    /** How the series of one name look in every panel of a chart. */
    record Look(Color color, Marker marker) {
    }

    private final LinePlot plot;
    private final Map<String, Look> looks;
    private final double left;
    private final double width;
    private final Font titleFont;
    private final List<String> title;
    private final double titleTop;
    private final String yTitle;
    private final double plotLeft;
    private final double plotTop;
    private final double plotRight;
    private final double plotBottom;
    private final Axis x;
    private final Axis y;
    private final boolean dodge;
    private final Legend legend;
    private final double legendTop;
    private final double bottom;

    /**
     * @param looks      the colour and marker of every series name of the chart
     * @param plotHeight the height of the framed plot area
     * @param showYTitle whether to name the y axis (a row of panels names it once, on the left)
     */
    XYPanel(LinePlot plot, Map<String, Look> looks, double left, double top, double width, double plotHeight, Font titleFont,
            boolean showYTitle) {
        this.plot = plot;
        this.looks = looks;
        this.left = left;
        this.width = width;
        this.titleFont = titleFont;
        this.title = plot.title().isEmpty() ? List.of() : PlotStyle.wrap(plot.title(), titleFont, width - 2 * PAD);
        this.titleTop = top + PAD;
        this.plotTop = titleTop + title.size() * PlotStyle.lineHeight(titleFont) + (title.isEmpty() ? 0 : 6);
        this.plotBottom = plotTop + plotHeight;

        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (LinePlot.Series s : plot.series()) {
            xs.add(s.x());
            ys.add(s.y());
        }
        double[] yRange = Axis.extent(ys, plot.logY());
        // Only x is read as an index when whole (epochs, folds, layers): a y of 0s and 1s is still a quantity.
        this.y = new Axis(yRange[0], yRange[1], plot.logY(), false, plotBottom, plotTop, false);
        double labels = y.ticks().stream().mapToDouble(t -> PlotStyle.width(t.label(), PlotStyle.TICK)).max().orElse(0);
        double yTitleRoom = showYTitle ? PlotStyle.lineHeight(PlotStyle.AXIS_TITLE) + 4 : 0;
        this.yTitle = showYTitle ? PlotStyle.fit(plot.yLabel() + (plot.logY() ? " (log scale)" : ""), PlotStyle.AXIS_TITLE, plotHeight)
                : null;
        this.plotLeft = left + PAD + yTitleRoom + labels + TICK + 4;

        double[] xRange = Axis.extent(xs, plot.logX());
        boolean wholeX = !plot.logX() && Axis.wholeNumbers(xs);
        double right = left + width - PAD;
        Axis trial = new Axis(xRange[0], xRange[1], plot.logX(), wholeX, plotLeft, right - 12, true);
        // The last tick's label is centred on it and must not run past the panel.
        double overhang = trial.ticks().isEmpty() ? 0
                : trial.pixel(last(trial).value()) + PlotStyle.width(last(trial).label(), PlotStyle.TICK) / 2 - right;
        this.plotRight = overhang > 0 ? right - 12 - overhang : right - 12;
        this.x = overhang > 0 ? new Axis(xRange[0], xRange[1], plot.logX(), wholeX, plotLeft, plotRight, true) : trial;

        this.dodge = wholeX && pointSeries(plot) > 1
                && plot.series().stream().allMatch(s -> s.style() != LinePlot.Style.POINTS || s.x().length <= CROWD);

        double xTitleBaseline = plotBottom + TICK + 4 + PlotStyle.capHeight(PlotStyle.TICK) + 8 + PlotStyle.lineHeight(PlotStyle.AXIS_TITLE);
        this.legend = new Legend(entries(plot, looks), width - 2 * PAD);
        this.legendTop = xTitleBaseline + 10;
        this.bottom = legendTop + legend.height() + PAD;
    }

    /** Returns the colour and marker of every series name of {@code plots}, colours in the order the names first appear. */
    static Map<String, Look> looks(List<LinePlot> plots) {
        Map<String, Color> colors = new LinkedHashMap<>();
        Map<String, Marker> markers = new LinkedHashMap<>();
        for (LinePlot p : plots) {
            for (LinePlot.Series s : p.series()) {
                colors.computeIfAbsent(s.name(), k -> PlotStyle.color(colors.size()));
                if (s.style() == LinePlot.Style.POINTS) {
                    markers.computeIfAbsent(s.name(), k -> Marker.values()[markers.size() % Marker.values().length]);
                }
            }
        }
        Map<String, Look> looks = new LinkedHashMap<>();
        colors.forEach((name, color) -> looks.put(name, new Look(color, markers.getOrDefault(name, Marker.CIRCLE))));
        return looks;
    }

    /** Returns where this panel ends, below its legend. */
    double bottom() {
        return bottom;
    }

    void draw(Canvas canvas) {
        canvas.begin("panel");
        canvas.begin("title");
        for (int i = 0; i < title.size(); i++) {
            canvas.text(title.get(i), left + width / 2, titleTop + PlotStyle.capHeight(titleFont) + i * PlotStyle.lineHeight(titleFont),
                    titleFont, PlotStyle.TEXT, Canvas.Anchor.MIDDLE, false);
        }
        canvas.end();
        canvas.rect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop, PlotStyle.BACKGROUND, null);
        drawTicks(canvas);
        canvas.rect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop, null, PlotStyle.FRAME);
        canvas.begin("axis-titles");
        double xTitleBaseline = legendTop - 10 - PlotStyle.lineHeight(PlotStyle.AXIS_TITLE) + PlotStyle.capHeight(PlotStyle.AXIS_TITLE);
        canvas.text(PlotStyle.fit(plot.xLabel() + (plot.logX() ? " (log scale)" : ""), PlotStyle.AXIS_TITLE, plotRight - plotLeft), (plotLeft + plotRight) / 2, xTitleBaseline,
                PlotStyle.AXIS_TITLE, PlotStyle.TEXT, Canvas.Anchor.MIDDLE, false);
        if (yTitle != null) {
            canvas.text(yTitle, left + PAD + PlotStyle.capHeight(PlotStyle.AXIS_TITLE), (plotTop + plotBottom) / 2, PlotStyle.AXIS_TITLE,
                    PlotStyle.TEXT, Canvas.Anchor.MIDDLE, true);
        }
        canvas.end();
        canvas.clip(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);
        int points = 0;
        for (LinePlot.Style style : LinePlot.Style.values()) {
            for (LinePlot.Series s : plot.series()) {
                if (s.style() == style) {
                    // Points of several series at one index (a fold, a data set) are set side by side, not on top of each other.
                    double shift = style == LinePlot.Style.POINTS && dodge ? (points++ - (pointSeries(plot) - 1) / 2.0) * (MARKER_SIZE + 2) : 0;
                    drawSeries(canvas, s, looks.get(s.name()), shift);
                }
            }
        }
        canvas.endClip();
        legend.draw(canvas, left + PAD, legendTop);
        canvas.end();
    }

    private void drawTicks(Canvas canvas) {
        canvas.begin("x-ticks");
        double labelBaseline = plotBottom + TICK + 4 + PlotStyle.capHeight(PlotStyle.TICK);
        for (Ticks.Tick t : x.ticks()) {
            double p = crisp(x.pixel(t.value()));
            canvas.line(p, plotTop, p, plotBottom, PlotStyle.GRID, 1f, false);
            canvas.line(p, plotBottom, p, plotBottom + TICK, PlotStyle.FRAME, 1f, false);
            canvas.text(t.label(), p, labelBaseline, PlotStyle.TICK, PlotStyle.TEXT, Canvas.Anchor.MIDDLE, false);
        }
        canvas.end();
        canvas.begin("y-ticks");
        for (Ticks.Tick t : y.ticks()) {
            double p = crisp(y.pixel(t.value()));
            canvas.line(plotLeft, p, plotRight, p, PlotStyle.GRID, 1f, false);
            canvas.line(plotLeft - TICK, p, plotLeft, p, PlotStyle.FRAME, 1f, false);
            canvas.text(t.label(), plotLeft - TICK - 4, p + PlotStyle.capHeight(PlotStyle.TICK) / 2, PlotStyle.TICK, PlotStyle.TEXT,
                    Canvas.Anchor.END, false);
        }
        canvas.end();
    }

    private void drawSeries(Canvas canvas, LinePlot.Series s, Look look, double shift) {
        double[] sx = s.x();
        double[] sy = s.y();
        double[] px = new double[sx.length];
        double[] py = new double[sx.length];
        if (s.style() == LinePlot.Style.POINTS) {
            int n = 0;
            for (int i = 0; i < sx.length; i++) {
                if (x.shows(sx[i]) && y.shows(sy[i])) {
                    px[n] = x.pixel(sx[i]) + shift;
                    py[n] = y.pixel(sy[i]);
                    n++;
                }
            }
            boolean crowded = n > CROWD;
            Color fill = crowded ? new Color(look.color().getRed(), look.color().getGreen(), look.color().getBlue(), 128) : look.color();
            canvas.markers(look.marker(), px, py, n, crowded ? CROWDED_MARKER_SIZE : MARKER_SIZE, fill, crowded ? null : Color.WHITE);
            return;
        }
        boolean dashed = s.style() == LinePlot.Style.REFERENCE;
        float lineWidth = dashed ? REFERENCE_WIDTH : LINE_WIDTH;
        int n = 0;
        for (int i = 0; i <= sx.length; i++) {
            boolean shown = i < sx.length && x.shows(sx[i]) && y.shows(sy[i]);
            if (shown) {
                px[n] = x.pixel(sx[i]);
                py[n] = y.pixel(sy[i]);
                n++;
            } else if (n > 0) {
                // A value the axis cannot show (NaN, infinite, or not positive on a log axis) is a gap.
                if (n == 1) {
                    canvas.markers(Marker.CIRCLE, px, py, 1, 2 * lineWidth, look.color(), null);
                } else {
                    canvas.polyline(px, py, Thinning.thin(px, py, n), look.color(), lineWidth, dashed);
                }
                n = 0;
            }
        }
    }

    private static int pointSeries(LinePlot plot) {
        return (int) plot.series().stream().filter(s -> s.style() == LinePlot.Style.POINTS).count();
    }

    private static List<Legend.Entry> entries(LinePlot plot, Map<String, Look> looks) {
        Map<String, Legend.Entry> entries = new LinkedHashMap<>();
        for (LinePlot.Series s : plot.series()) {
            Look look = looks.get(s.name());
            entries.putIfAbsent(s.name(), new Legend.Entry(s.name(), s.style(), look.color(), look.marker()));
        }
        return List.copyOf(entries.values());
    }

    private static Ticks.Tick last(Axis axis) {
        return axis.ticks().get(axis.ticks().size() - 1);
    }

    /** Puts a one-pixel line on the middle of a pixel, where it is sharp rather than two grey pixels. */
    private static double crisp(double p) {
        return Math.floor(p) + 0.5;
    }
}
