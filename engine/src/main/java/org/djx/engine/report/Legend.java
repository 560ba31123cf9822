package org.djx.engine.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * A legend laid out in rows under a chart, as many entries to a row as its width holds, so every entry
 * stays inside the image however many there are.
 */
final class Legend {
    /** What one entry shows: a line (dashed for a reference), or a marker for points. */
    record Entry(String name, LinePlot.Style style, Color color, Marker marker) {
    }

    private static final double ROW = 20;
    private static final double SWATCH = 26;
    private static final double SWATCH_GAP = 6;
    private static final double ENTRY_GAP = 20;

    private final List<List<Entry>> rows = new ArrayList<>();
    private final List<List<String>> texts = new ArrayList<>();
    private final double width;

    Legend(List<Entry> entries, double width) {
        this.width = width;
        double used = 0;
        for (Entry e : entries) {
            String text = PlotStyle.fit(e.name(), PlotStyle.LEGEND, width - SWATCH - SWATCH_GAP);
            double w = SWATCH + SWATCH_GAP + PlotStyle.width(text, PlotStyle.LEGEND);
            if (rows.isEmpty() || used + ENTRY_GAP + w > width) {
                rows.add(new ArrayList<>());
                texts.add(new ArrayList<>());
                used = w;
            } else {
                used += ENTRY_GAP + w;
            }
            rows.get(rows.size() - 1).add(e);
            texts.get(texts.size() - 1).add(text);
        }
    }

    double height() {
        return rows.size() * ROW;
    }

    /** Draws the rows centred in the width given, from {@code top} down. */
    void draw(Canvas canvas, double left, double top) {
        canvas.begin("legend");
        for (int r = 0; r < rows.size(); r++) {
            List<Entry> row = rows.get(r);
            double rowWidth = -ENTRY_GAP;
            for (String t : texts.get(r)) {
                rowWidth += ENTRY_GAP + SWATCH + SWATCH_GAP + PlotStyle.width(t, PlotStyle.LEGEND);
            }
            double x = left + (width - rowWidth) / 2;
            double middle = top + r * ROW + ROW / 2;
            for (int i = 0; i < row.size(); i++) {
                Entry e = row.get(i);
                canvas.begin("legend-entry");
                swatch(canvas, e, x, middle);
                String text = texts.get(r).get(i);
                canvas.text(text, x + SWATCH + SWATCH_GAP, middle + PlotStyle.capHeight(PlotStyle.LEGEND) / 2, PlotStyle.LEGEND,
                        PlotStyle.TEXT, Canvas.Anchor.START, false);
                canvas.end();
                x += SWATCH + SWATCH_GAP + PlotStyle.width(text, PlotStyle.LEGEND) + ENTRY_GAP;
            }
        }
        canvas.end();
    }

    private static void swatch(Canvas canvas, Entry e, double x, double y) {
        switch (e.style()) {
            case LINE -> canvas.line(x, y, x + SWATCH, y, e.color(), XYPanel.LINE_WIDTH, false);
            case REFERENCE -> canvas.line(x, y, x + SWATCH, y, e.color(), XYPanel.REFERENCE_WIDTH, true);
            case POINTS -> canvas.markers(e.marker(), new double[] {x + SWATCH / 2}, new double[] {y}, 1, XYPanel.MARKER_SIZE,
                    e.color(), Color.WHITE);
        }
    }
}
