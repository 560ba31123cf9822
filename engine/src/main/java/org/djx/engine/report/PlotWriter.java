package org.djx.engine.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * Draws {@link Plot}s as PNG and SVG from one layout, in one plain style meant to be read at a glance:
 * white background, ticks at round numbers, the legend in rows under the chart, lines without markers
 * and points over the lines. The SVG keeps its text as text.
 */
public final class PlotWriter {
    /** Wide enough to read in a report page, which shows images up to about a thousand pixels across. */
    private static final int WIDTH = 800;
    private static final double PLOT_HEIGHT = 400;
    private static final double PANEL_PLOT_HEIGHT = 270;
    private static final double PAD = 10;

    static {
        // ImageIO buffers PNGs in temporary files closed by a shutdown hook, and no hook can be added once the JVM
        // shuts down: the report of an interrupted run, drawn then, would fail. Plots are small; memory serves.
        ImageIO.setUseCache(false);
    }

    private PlotWriter() {
    }

    /** Writes the plot as a PNG image. */
    public static void png(Plot plot, OutputStream out) throws IOException {
        Drawing d = layout(plot);
        RasterCanvas canvas = new RasterCanvas(d.width(), d.height());
        d.draw().accept(canvas);
        if (!ImageIO.write(canvas.image(), "png", out)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }

    /** Writes the plot as an SVG document. */
    public static void svg(Plot plot, OutputStream out) throws IOException {
        Drawing d = layout(plot);
        SvgCanvas canvas = new SvgCanvas(d.width(), d.height());
        d.draw().accept(canvas);
        out.write(canvas.document().getBytes(StandardCharsets.UTF_8));
    }

    /** A chart laid out: its size in pixels and what draws it. */
    private record Drawing(int width, int height, Consumer<Canvas> draw) {
    }

    private static Drawing layout(Plot plot) {
        if (plot instanceof LinePlot line) {
            XYPanel panel = new XYPanel(line, XYPanel.looks(List.of(line)), 0, 0, WIDTH, PLOT_HEIGHT, PlotStyle.TITLE, true);
            return drawing(WIDTH, panel.bottom(), panel::draw);
        }
        if (plot instanceof PanelPlot panels) {
            return panels(panels);
        }
        if (plot instanceof ConfusionPlot matrix) {
            ConfusionPlot.Layout l = matrix.layout();
            return drawing(l.width(), l.height(), l::draw);
        }
        BarPanel bars = new BarPanel((BarPlot) plot, WIDTH);
        return drawing(WIDTH, bars.height(), bars::draw);
    }

    /**
     * Lays the panels out in rows of up to three (two rows of two for four), each panel with its own
     * legend, the y axis named once per row.
     */
    private static Drawing panels(PanelPlot plot) {
        List<LinePlot> panels = plot.panels();
        int columns = panels.size() <= 3 ? Math.max(1, panels.size()) : panels.size() == 4 ? 2 : 3;
        int width = columns == 1 ? WIDTH : columns == 2 ? 860 : 990;
        double panelWidth = (double) width / columns;
        List<String> title = PlotStyle.wrap(plot.title(), PlotStyle.TITLE, width - 2 * PAD);
        double top = PAD + title.size() * PlotStyle.lineHeight(PlotStyle.TITLE);
        Map<String, XYPanel.Look> looks = XYPanel.looks(panels);
        List<XYPanel> laidOut = new ArrayList<>();
        for (int row = 0; row * columns < panels.size(); row++) {
            double rowBottom = top;
            for (int c = 0; c < columns && row * columns + c < panels.size(); c++) {
                XYPanel p = new XYPanel(panels.get(row * columns + c), looks, c * panelWidth, top, panelWidth, PANEL_PLOT_HEIGHT,
                        PlotStyle.PANEL_TITLE, c == 0);
                laidOut.add(p);
                rowBottom = Math.max(rowBottom, p.bottom());
            }
            top = rowBottom;
        }
        return drawing(width, top, c -> {
            c.begin("title");
            for (int i = 0; i < title.size(); i++) {
                c.text(title.get(i), width / 2.0, PAD + PlotStyle.capHeight(PlotStyle.TITLE) + i * PlotStyle.lineHeight(PlotStyle.TITLE),
                        PlotStyle.TITLE, PlotStyle.TEXT, Canvas.Anchor.MIDDLE, false);
            }
            c.end();
            laidOut.forEach(p -> p.draw(c));
        });
    }

    private static Drawing drawing(int width, double height, Consumer<Canvas> content) {
        int h = (int) Math.ceil(height);
        return new Drawing(width, h, c -> {
            c.rect(0, 0, width, h, PlotStyle.BACKGROUND, null);
            content.accept(c);
        });
    }
}
