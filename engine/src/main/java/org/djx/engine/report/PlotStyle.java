package org.djx.engine.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;

/** The one look of every chart: fonts, colours, and how wide a text is in them. */
final class PlotStyle {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font PANEL_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font VALUE = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    static final Color TEXT = new Color(0x222222);
    static final Color MUTED_TEXT = new Color(0x555555);
    static final Color FRAME = new Color(0x888888);
    static final Color GRID = new Color(0xe6e6e6);
    static final Color BACKGROUND = Color.WHITE;
    static final Color REFERENCE = new Color(0x555555);

    /** Matplotlib's ten default colours (tab10), which djx's plots have always used. */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    /** Anti-aliased with fractional metrics, as {@link RasterCanvas} draws: the widths the layout uses are the drawn ones. */
    private static final FontRenderContext METRICS = new FontRenderContext(null, true, true);

    private PlotStyle() {
    }

    /** Returns the colour of the {@code i}-th distinct series of a chart. */
    static Color color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    static double width(String text, Font font) {
        return text.isEmpty() ? 0 : font.getStringBounds(text, METRICS).getWidth();
    }

    /** Returns how far capital letters and digits reach above the baseline, to centre a text on a point. */
    static double capHeight(Font font) {
        return font.getSize2D() * 0.73;
    }

    /** Returns the distance from one baseline to the next. */
    static double lineHeight(Font font) {
        return font.getSize2D() * 1.3;
    }

    /** Returns {@code text} cut to fit {@code width} with an ellipsis, or whole when it fits. */
    static String fit(String text, Font font, double width) {
        if (width(text, font) <= width) {
            return text;
        }
        int keep = text.length();
        while (keep > 1 && width(text.substring(0, keep) + "…", font) > width) {
            keep--;
        }
        return text.substring(0, keep) + "…";
    }

    /** Breaks {@code text} at spaces into lines no wider than {@code width} (a word wider than that is cut). */
    static List<String> wrap(String text, Font font, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String tried = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && width(tried, font) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(tried);
            }
        }
        lines.add(line.toString());
        lines.replaceAll(l -> fit(l, font, width));
        return lines;
    }
}
