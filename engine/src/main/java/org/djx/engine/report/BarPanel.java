package org.djx.engine.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link BarPlot} laid out in a given width: the names down the left, one bar per row from the dashed
 * baseline to the value, the value written at the bar's end, round-number ticks along the bottom.
 */
final class BarPanel {
    private static final double PAD = 10;
    private static final double ROW = 24;
    private static final double BAR = 14;
    private static final double TICK = 5;
    /** Names longer than this share of the width are cut, so the bars keep room. */
    private static final double NAME_SHARE = 0.35;

    private final BarPlot plot;
    private final double width;
    private final List<String> title;
    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private final double plotLeft;
    private final double plotTop;
    private final double plotRight;
    private final double plotBottom;
    private final Axis axis;
    private final Legend legend;
    private final double legendTop;
    private final double height;

    BarPanel(BarPlot plot, double width) {
        this.plot = plot;
        this.width = width;
        this.title = PlotStyle.wrap(plot.title(), PlotStyle.TITLE, width - 2 * PAD);
        this.plotTop = PAD + title.size() * PlotStyle.lineHeight(PlotStyle.TITLE) + 6;
        double nameColumn = 0;
        double valueColumn = 0;
        List<double[]> range = new ArrayList<>();
        range.add(new double[] {plot.baseline()});
        for (BarPlot.Bar b : plot.bars()) {
            String name = PlotStyle.fit(b.name(), PlotStyle.TICK, width * NAME_SHARE);
            names.add(name);
            nameColumn = Math.max(nameColumn, PlotStyle.width(name, PlotStyle.TICK));
            String value = Double.isFinite(b.value()) ? value(b.value()) : "";
            values.add(value);
            valueColumn = Math.max(valueColumn, PlotStyle.width(value, PlotStyle.VALUE) + 6);
            range.add(new double[] {b.value()});
        }
        this.plotLeft = PAD + nameColumn + 8 + TICK;
        this.plotBottom = plotTop + Math.max(1, plot.bars().size()) * ROW + 8;
        double right = width - PAD - 12;
        double[] extent = Axis.extent(range, false);
        // Room beyond the longest bars on either side for the values written at their ends.
        double span = extent[1] - extent[0];
        double room = span * valueColumn / Math.max(1, right - plotLeft - 2 * valueColumn);
        double lo = extent[0] < plot.baseline() ? extent[0] - room : extent[0];
        double hi = extent[1] > plot.baseline() ? extent[1] + room : extent[1];
        Axis trial = new Axis(lo, hi, false, false, plotLeft, right, true);
        Ticks.Tick last = trial.ticks().isEmpty() ? null : trial.ticks().get(trial.ticks().size() - 1);
        double overhang = last == null ? 0 : trial.pixel(last.value()) + PlotStyle.width(last.label(), PlotStyle.TICK) / 2 - (width - PAD);
        this.plotRight = overhang > 0 ? right - overhang : right;
        this.axis = overhang > 0 ? new Axis(lo, hi, false, false, plotLeft, plotRight, true) : trial;
        double titleBaseline = plotBottom + TICK + 4 + PlotStyle.capHeight(PlotStyle.TICK) + 8 + PlotStyle.lineHeight(PlotStyle.AXIS_TITLE);
        this.legend = new Legend(List.of(new Legend.Entry(plot.baselineLabel(), LinePlot.Style.REFERENCE, PlotStyle.REFERENCE,
                Marker.CIRCLE)), width - 2 * PAD);
        this.legendTop = titleBaseline + 10;
        this.height = legendTop + legend.height() + PAD;
    }

    double height() {
        return height;
    }

    void draw(Canvas canvas) {
        canvas.begin("panel");
        canvas.begin("title");
        for (int i = 0; i < title.size(); i++) {
            canvas.text(title.get(i), width / 2, PAD + PlotStyle.capHeight(PlotStyle.TITLE) + i * PlotStyle.lineHeight(PlotStyle.TITLE),
                    PlotStyle.TITLE, PlotStyle.TEXT, Canvas.Anchor.MIDDLE, false);
        }
        canvas.end();
        canvas.begin("x-ticks");
        double labelBaseline = plotBottom + TICK + 4 + PlotStyle.capHeight(PlotStyle.TICK);
        for (Ticks.Tick t : axis.ticks()) {
            double p = Math.floor(axis.pixel(t.value())) + 0.5;
            canvas.line(p, plotTop, p, plotBottom, PlotStyle.GRID, 1f, false);
            canvas.line(p, plotBottom, p, plotBottom + TICK, PlotStyle.FRAME, 1f, false);
            canvas.text(t.label(), p, labelBaseline, PlotStyle.TICK, PlotStyle.TEXT, Canvas.Anchor.MIDDLE, false);
        }
        canvas.end();
        canvas.rect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop, null, PlotStyle.FRAME);
        double base = axis.pixel(plot.baseline());
        List<BarPlot.Bar> bars = plot.bars();
        canvas.begin("categories");
        for (int i = 0; i < bars.size(); i++) {
            canvas.text(names.get(i), plotLeft - TICK - 4, middle(i) + PlotStyle.capHeight(PlotStyle.TICK) / 2, PlotStyle.TICK,
                    PlotStyle.TEXT, Canvas.Anchor.END, false);
        }
        canvas.end();
        canvas.begin("bars");
        for (int i = 0; i < bars.size(); i++) {
            double v = bars.get(i).value();
            if (!Double.isFinite(v)) {
                continue;
            }
            double end = axis.pixel(v);
            canvas.rect(Math.min(base, end), middle(i) - BAR / 2, Math.abs(end - base), BAR, PlotStyle.color(0), null);
            boolean rightward = v >= plot.baseline();
            canvas.text(values.get(i), end + (rightward ? 4 : -4), middle(i) + PlotStyle.capHeight(PlotStyle.VALUE) / 2, PlotStyle.VALUE,
                    PlotStyle.MUTED_TEXT, rightward ? Canvas.Anchor.START : Canvas.Anchor.END, false);
        }
        canvas.end();
        canvas.line(base, plotTop, base, plotBottom, PlotStyle.REFERENCE, XYPanel.REFERENCE_WIDTH, true);
        canvas.begin("axis-titles");
        canvas.text(PlotStyle.fit(plot.valueLabel(), PlotStyle.AXIS_TITLE, plotRight - plotLeft), (plotLeft + plotRight) / 2,
                legendTop - 10 - PlotStyle.lineHeight(PlotStyle.AXIS_TITLE) + PlotStyle.capHeight(PlotStyle.AXIS_TITLE), PlotStyle.AXIS_TITLE,
                PlotStyle.TEXT, Canvas.Anchor.MIDDLE, false);
        canvas.end();
        legend.draw(canvas, PAD, legendTop);
        canvas.end();
    }

    private double middle(int row) {
        return plotTop + 4 + ROW * (row + 0.5);
    }

    /** Writes a bar's value with four significant digits, enough to tell bars apart and to find the row in the table. */
    private static String value(double v) {
        BigDecimal d = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
        return Ticks.readsPlainly(d) ? d.toPlainString() : Ticks.label(d, false);
    }
}
