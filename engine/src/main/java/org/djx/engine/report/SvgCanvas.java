package org.djx.engine.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.PathIterator;
import java.util.Locale;

/**
 * Writes a chart as an SVG document whose text is SVG text (selectable, searchable and small), not
 * glyph outlines. Coordinates keep one decimal: a tenth of a pixel is below what a screen shows.
 */
final class SvgCanvas implements Canvas {
    /** Fonts of the metrics the layout was measured with (DejaVu Sans) or close to them, wide ones first. */
    private static final String FONT_FAMILY = "'DejaVu Sans', Verdana, sans-serif";

    private final StringBuilder svg = new StringBuilder();
    private int clips;

    SvgCanvas(int width, int height) {
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" font-family=\"")
                .append(FONT_FAMILY).append("\">\n");
    }

    /** Returns the finished document. */
    String document() {
        return svg + "</svg>\n";
    }

    @Override
    public void rect(double x, double y, double width, double height, Color fill, Color stroke) {
        svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append('"');
        paint("fill", fill);
        if (stroke != null) {
            paint("stroke", stroke);
        }
        svg.append("/>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, float width, boolean dashed) {
        svg.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append('"');
        stroke(color, width, dashed);
        svg.append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, Color color, float width, boolean dashed) {
        svg.append("<polyline points=\"");
        for (int i = 0; i < n; i++) {
            svg.append(i == 0 ? "" : " ").append(num(xs[i])).append(',').append(num(ys[i]));
        }
        svg.append("\" fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
        stroke(color, width, dashed);
        svg.append("/>\n");
    }

    @Override
    public void markers(Marker marker, double[] xs, double[] ys, int n, double size, Color fill, Color outline) {
        // One group carries the paint, so each point costs only its position.
        svg.append("<g");
        paint("fill", fill);
        if (outline != null) {
            paint("stroke", outline);
            svg.append(" stroke-width=\"1\"");
        }
        svg.append(">\n");
        for (int i = 0; i < n; i++) {
            if (marker == Marker.CIRCLE) {
                svg.append("<circle cx=\"").append(num(xs[i])).append("\" cy=\"").append(num(ys[i])).append("\" r=\"")
                        .append(num(size / 2)).append("\"/>\n");
            } else {
                svg.append("<path d=\"").append(path(marker.shape(xs[i], ys[i], size).getPathIterator(null))).append("\"/>\n");
            }
        }
        svg.append("</g>\n");
    }

    @Override
    public void text(String text, double x, double y, Font font, Color color, Anchor anchor, boolean vertical) {
        svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"").append(font.getSize())
                .append('"');
        if (font.isBold()) {
            svg.append(" font-weight=\"bold\"");
        }
        if (anchor != Anchor.START) {
            svg.append(" text-anchor=\"").append(anchor == Anchor.MIDDLE ? "middle" : "end").append('"');
        }
        if (vertical) {
            svg.append(" transform=\"rotate(-90 ").append(num(x)).append(' ').append(num(y)).append(")\"");
        }
        paint("fill", color);
        svg.append('>').append(escape(text)).append("</text>\n");
    }

    @Override
    public void clip(double x, double y, double width, double height) {
        String id = "clip" + ++clips;
        svg.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" width=\"").append(num(width)).append("\" height=\"").append(num(height)).append("\"/></clipPath>\n")
                .append("<g clip-path=\"url(#").append(id).append(")\">\n");
    }

    @Override
    public void endClip() {
        svg.append("</g>\n");
    }

    @Override
    public void begin(String part) {
        svg.append("<g class=\"").append(escape(part)).append("\">\n");
    }

    @Override
    public void end() {
        svg.append("</g>\n");
    }

    private void stroke(Color color, float width, boolean dashed) {
        paint("stroke", color);
        svg.append(" stroke-width=\"").append(num(width)).append('"');
        if (dashed) {
            svg.append(" stroke-dasharray=\"6 4\"");
        }
    }

    private void paint(String attribute, Color color) {
        if (color == null) {
            svg.append(' ').append(attribute).append("=\"none\"");
            return;
        }
        svg.append(' ').append(attribute).append("=\"").append(String.format(Locale.ROOT, "#%06x", color.getRGB() & 0xffffff)).append('"');
        if (color.getAlpha() < 255) {
            svg.append(' ').append(attribute).append("-opacity=\"")
                    .append(String.format(Locale.ROOT, "%.2f", color.getAlpha() / 255.0)).append('"');
        }
    }

    private static String path(PathIterator it) {
        StringBuilder d = new StringBuilder();
        double[] c = new double[6];
        for (; !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> d.append('M').append(num(c[0])).append(',').append(num(c[1]));
                case PathIterator.SEG_LINETO -> d.append('L').append(num(c[0])).append(',').append(num(c[1]));
                case PathIterator.SEG_CLOSE -> d.append('Z');
                default -> throw new IllegalStateException("markers are polygons");
            }
        }
        return d.toString();
    }

    /** Returns {@code v} with at most one decimal, without a trailing {@code .0}. */
    static String num(double v) {
        long tenths = Math.round(v * 10);
        String sign = tenths < 0 ? "-" : "";
        long abs = Math.abs(tenths);
        return abs % 10 == 0 ? sign + abs / 10 : sign + abs / 10 + "." + abs % 10;
    }

    private static String escape(String s) {
        // XML 1.0 allows no control characters but tab and line breaks, not even escaped; a name read from a file may have one.
        String text = s.replaceAll("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]", "\uFFFD");
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
