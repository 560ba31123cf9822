package org.djx.engine.report;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** The shapes that mark a scatter's points; each series of points gets its own, so overlapping ones stay apart. */
enum Marker {
    CIRCLE, SQUARE, DIAMOND, TRIANGLE_UP, TRIANGLE_DOWN;

    /** Returns the marker centred on (x, y), {@code size} pixels across, with about the area of a circle that wide. */
    Shape shape(double x, double y, double size) {
        double r = size / 2;
        return switch (this) {
            case CIRCLE -> new Ellipse2D.Double(x - r, y - r, size, size);
            case SQUARE -> {
                double h = r * 0.886; // the half side of a square as large as the circle
                yield new Rectangle2D.Double(x - h, y - h, 2 * h, 2 * h);
            }
            case DIAMOND -> polygon(x, y, r * 1.2, 0, 1, 1, 0, 0, -1, -1, 0);
            case TRIANGLE_UP -> polygon(x, y, r * 1.3, 0, -1, 0.866, 0.5, -0.866, 0.5);
            case TRIANGLE_DOWN -> polygon(x, y, r * 1.3, 0, 1, 0.866, -0.5, -0.866, -0.5);
        };
    }

    private static Shape polygon(double x, double y, double r, double... unit) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x + r * unit[0], y + r * unit[1]);
        for (int i = 2; i < unit.length; i += 2) {
            p.lineTo(x + r * unit[i], y + r * unit[i + 1]);
        }
        p.closePath();
        return p;
    }
}
