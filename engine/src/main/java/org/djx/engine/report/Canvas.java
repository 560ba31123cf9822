package org.djx.engine.report;

import java.awt.Color;
import java.awt.Font;

/**
 * What a chart is drawn on: the few primitives {@link PlotWriter} needs, in pixels from the top left,
 * so one layout gives the PNG and the SVG alike.
 */
interface Canvas {
    /** How a text is aligned on its anchor point, horizontally; its y is the baseline. */
    enum Anchor { START, MIDDLE, END }

    /** Fills and outlines a rectangle; a null colour skips that part. */
    void rect(double x, double y, double width, double height, Color fill, Color stroke);

    /** Draws one straight line. */
    void line(double x1, double y1, double x2, double y2, Color color, float width, boolean dashed);

    /** Draws one unbroken line through the points; {@code n} of the arrays' values are used. */
    void polyline(double[] xs, double[] ys, int n, Color color, float width, boolean dashed);

    /** Draws a marker of {@code size} pixels centred on each point; a null outline draws none. */
    void markers(Marker marker, double[] xs, double[] ys, int n, double size, Color fill, Color outline);

    /** Writes a text in {@code font}; a vertical text reads bottom to top, turned about its anchor. */
    void text(String text, double x, double y, Font font, Color color, Anchor anchor, boolean vertical);

    /** Clips what follows to a rectangle, until {@link #endClip()}. */
    void clip(double x, double y, double width, double height);

    void endClip();

    /** Opens a named part of the chart (a panel, a legend entry); the SVG keeps it as a group for readers of the file. */
    void begin(String part);

    void end();
}
