package org.djx.engine.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Deque;

/** Draws a chart into an image with Java 2D, for the PNG. */
final class RasterCanvas implements Canvas {
    private static final float[] DASH = {6, 4};

    private final BufferedImage image;
    private final Graphics2D g;
    private final Deque<Shape> clips = new ArrayDeque<>();

    RasterCanvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        // Fractional metrics and pure strokes: text as wide as the layout measured it, lines where they were put.
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    /** Returns the drawing, done. */
    BufferedImage image() {
        g.dispose();
        return image;
    }

    @Override
    public void rect(double x, double y, double width, double height, Color fill, Color stroke) {
        Rectangle2D r = new Rectangle2D.Double(x, y, width, height);
        if (fill != null) {
            g.setColor(fill);
            g.fill(r);
        }
        if (stroke != null) {
            g.setColor(stroke);
            g.setStroke(new BasicStroke(1f));
            g.draw(r);
        }
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, float width, boolean dashed) {
        stroke(color, width, dashed);
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, Color color, float width, boolean dashed) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO, n);
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        if (n == 1) {
            p.lineTo(xs[0], ys[0]); // a round cap makes a lone point a dot
        }
        stroke(color, width, dashed);
        g.draw(p);
    }

    @Override
    public void markers(Marker marker, double[] xs, double[] ys, int n, double size, Color fill, Color outline) {
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i < n; i++) {
            Shape s = marker.shape(xs[i], ys[i], size);
            g.setColor(fill);
            g.fill(s);
            if (outline != null) {
                g.setColor(outline);
                g.draw(s);
            }
        }
    }

    @Override
    public void text(String text, double x, double y, Font font, Color color, Anchor anchor, boolean vertical) {
        double width = PlotStyle.width(text, font);
        double shift = anchor == Anchor.START ? 0 : anchor == Anchor.MIDDLE ? -width / 2 : -width;
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        if (vertical) {
            g.rotate(-Math.PI / 2);
        }
        g.setFont(font);
        g.setColor(color);
        g.drawString(text, (float) shift, 0f);
        g.setTransform(saved);
    }

    @Override
    public void clip(double x, double y, double width, double height) {
        clips.push(g.getClip() == null ? new Rectangle2D.Double(0, 0, image.getWidth(), image.getHeight()) : g.getClip());
        g.clip(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void endClip() {
        g.setClip(clips.pop());
    }

    @Override
    public void begin(String part) {
    }

    @Override
    public void end() {
    }

    private void stroke(Color color, float width, boolean dashed) {
        g.setColor(color);
        g.setStroke(dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASH, 0f)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }
}
