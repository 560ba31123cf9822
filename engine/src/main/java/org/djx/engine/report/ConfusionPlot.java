package org.djx.engine.report;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A confusion matrix to draw: one row per true class and one column per predicted class, each cell
 * holding how many examples of its row's class were predicted as its column's, written in the cell and
 * shown by its shade, which is the cell's share of its row (white for none, the plots' first colour for
 * all). Rows are shaded on their own, so a rare class reads as clearly as a common one.
 *
 * <p>One layout draws the PNG and the SVG alike, in the look of the other plots: names of many classes
 * shrink with their rows and long ones are cut with an ellipsis; counts too small to read in their cells
 * are left out, and the shades remain. It is not (yet) one of the sealed {@link Plot}s, so it writes
 * itself; {@link #layout()} is what {@link PlotWriter} would draw.
 */
public final class ConfusionPlot implements Plot {
    private final String title;
    private final List<String> classes;
    private final long[][] counts;

    /**
     * @param classes the class names, in the order of the rows and of the columns; distinct
     * @param counts  {@code counts[t][p]}: how many examples of class t were predicted as class p; copied
     * @throws IllegalArgumentException if there is no class, a name repeats, the matrix is not square
     *                                  with a row and a column per class, or a count is negative
     */
    public ConfusionPlot(String title, List<String> classes, long[][] counts) {
        this.title = Objects.requireNonNull(title, "title");
        this.classes = List.copyOf(Objects.requireNonNull(classes, "classes"));
        Objects.requireNonNull(counts, "counts");
        int k = this.classes.size();
        if (k == 0) {
            throw new IllegalArgumentException("a confusion matrix needs at least one class, found none");
        }
        Set<String> seen = new HashSet<>();
        for (String name : this.classes) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("class '" + name + "' is named twice in " + this.classes
                        + "; every row and column needs its own name");
            }
        }
        if (counts.length != k) {
            throw new IllegalArgumentException("the counts have " + counts.length + " rows for " + k + " classes " + this.classes
                    + "; a confusion matrix has one row per true class");
        }
        this.counts = new long[k][];
        for (int t = 0; t < k; t++) {
            long[] row = Objects.requireNonNull(counts[t], "counts[" + t + "]");
            if (row.length != k) {
                throw new IllegalArgumentException("row " + t + " ('" + this.classes.get(t) + "') of the counts has " + row.length
                        + " columns for " + k + " classes; a confusion matrix is square, one column per predicted class");
            }
            for (int p = 0; p < k; p++) {
                if (row[p] < 0) {
                    throw new IllegalArgumentException("count " + row[p] + " at true class '" + this.classes.get(t)
                            + "', predicted class '" + this.classes.get(p) + "' is negative; counts are of examples");
                }
            }
            this.counts[t] = row.clone();
        }
    }

    /** Returns the title drawn above the matrix. */
    public String title() {
        return title;
    }

    public List<String> classes() {
        return classes;
    }

    /** Returns a copy of the counts, {@code [true class][predicted class]}. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            copy[t] = counts[t].clone();
        }
        return copy;
    }

    /** Lays the matrix out: one layout draws the PNG and the SVG. */
    Layout layout() {
        return new Layout(this);
    }

    /** The matrix laid out: title, names down the left and along the bottom, the cells, and the scale of shades. */
    static final class Layout {
        /** As wide as the other plots, so a report's images line up. */
        private static final int WIDTH = 800;
        private static final double PAD = 10;
        private static final double LABEL_GAP = 6;
        /** Two or three classes would make cells of a third of the image; this keeps the matrix compact. */
        private static final double MAX_CELL = 110;
        /** So few classes with short names do not fill the whole image with the matrix either. */
        private static final double MAX_GRID = 600;
        /** Row names longer than this are cut, so the cells keep room. */
        private static final double MAX_NAME = 0.22 * WIDTH;
        /** Turned column names are cut shorter: their depth adds to the image's height for every column. */
        private static final double MAX_TURNED_NAME = 0.16 * WIDTH;
        /** Below this a count cannot be read; the shade alone remains. */
        private static final int MIN_COUNT_FONT = 8;
        private static final int MAX_COUNT_FONT = 15;
        private static final double SCALE_WIDTH = 160;
        private static final double SCALE_HEIGHT = 10;
        private static final int SCALE_STEPS = 40;
        private static final String SCALE_NAME = "share of the true class";
        private static final Color STRONGEST = PlotStyle.color(0);

        private final ConfusionPlot plot;
        private final int k;
        /** Each cell's share of its row, 0 in a row without examples. */
        private final double[][] shares;
        private final List<String> titleLines;
        /** The font of the class names; null when cells are too small for names to stay apart. */
        private final Font nameFont;
        private final List<String> rowNames;
        private final double rowNamesWidth;
        private final List<String> columnNames;
        private final boolean turnedColumnNames;
        private final double cell;
        private final double gridLeft;
        private final double gridTop;
        private final Font countFont;
        private final double columnNamesBottom;
        private final double scaleTop;
        private final int height;

        Layout(ConfusionPlot plot) {
            this.plot = plot;
            this.k = plot.classes.size();
            this.shares = shares(plot.counts);
            this.titleLines = PlotStyle.wrap(plot.title, PlotStyle.TITLE, WIDTH - 2 * PAD);
            // Whole pixels for the matrix's corner and cells, so the lines between cells are sharp in the PNG.
            this.gridTop = Math.round(PAD + titleLines.size() * PlotStyle.lineHeight(PlotStyle.TITLE) + 10);
            double tickCell = cell(widest(fitted(PlotStyle.TICK, MAX_NAME), PlotStyle.TICK));
            // Names a line apart at most: with many classes they shrink with the rows, and below 8 pixels they go.
            this.nameFont = tickCell >= PlotStyle.lineHeight(PlotStyle.TICK) ? PlotStyle.TICK
                    : tickCell >= 8 / 0.75 ? new Font(Font.SANS_SERIF, Font.PLAIN, (int) (tickCell * 0.75)) : null;
            this.rowNames = fitted(nameFont, MAX_NAME);
            this.rowNamesWidth = widest(rowNames, nameFont);
            this.cell = cell(rowNamesWidth);
            double fixed = fixedLeft(rowNamesWidth);
            // The block of names and cells is centred, as the title above it is.
            double blockLeft = Math.max(PAD, (WIDTH - fixed - k * cell) / 2);
            this.gridLeft = Math.round(blockLeft + fixed);

            // Column names stand upright under their cells when they all fit there whole, else they read bottom to top.
            this.turnedColumnNames = nameFont != null && widest(plot.classes, nameFont) > cell - 4;
            this.columnNames = turnedColumnNames ? fitted(nameFont, MAX_TURNED_NAME) : fitted(nameFont, Double.MAX_VALUE);
            double namesDepth = nameFont == null ? 0 : turnedColumnNames ? widest(columnNames, nameFont) : PlotStyle.lineHeight(nameFont);
            this.columnNamesBottom = gridTop + k * cell + LABEL_GAP + namesDepth;
            this.countFont = countFont();
            double xTitleBottom = columnNamesBottom + 6 + PlotStyle.lineHeight(PlotStyle.AXIS_TITLE);
            this.scaleTop = xTitleBottom + 10;
            this.height = (int) Math.ceil(scaleTop + Math.max(SCALE_HEIGHT, PlotStyle.lineHeight(PlotStyle.LEGEND)) + PAD);
        }

        private static double[][] shares(long[][] counts) {
            double[][] shares = new double[counts.length][];
            for (int t = 0; t < counts.length; t++) {
                // Summed in double: counts near Long.MAX_VALUE would overflow a long total.
                double total = 0;
                for (long c : counts[t]) {
                    total += c;
                }
                shares[t] = new double[counts[t].length];
                for (int p = 0; p < counts[t].length; p++) {
                    shares[t][p] = total == 0 ? 0 : counts[t][p] / total;
                }
            }
            return shares;
        }

        /** Returns the room left of the cells: the vertical axis title, the names and the gap to the cells. */
        private static double fixedLeft(double namesWidth) {
            return PlotStyle.lineHeight(PlotStyle.AXIS_TITLE) + 4 + namesWidth + LABEL_GAP;
        }

        /** Returns the side of a cell in whole pixels, leaving a margin on the right as wide as the one on the left. */
        private double cell(double namesWidth) {
            return Math.floor(Math.min(MAX_CELL, Math.min(MAX_GRID, WIDTH - 3 * PAD - fixedLeft(namesWidth)) / k));
        }

        /** Returns the class names cut to {@code width} in {@code font}, or empty names when there is no font. */
        private List<String> fitted(Font font, double width) {
            List<String> names = new ArrayList<>();
            for (String name : plot.classes) {
                names.add(font == null ? "" : PlotStyle.fit(name, font, width));
            }
            return names;
        }

        private static double widest(List<String> texts, Font font) {
            return font == null ? 0 : texts.stream().mapToDouble(t -> PlotStyle.width(t, font)).max().orElse(0);
        }

        /** Returns the width of the drawing in pixels. */
        int width() {
            return WIDTH;
        }

        /** Returns the height of the drawing in pixels. */
        int height() {
            return height;
        }

        /** Returns the largest font, up to one a third of a cell high, in which every count fits its cell; null if none is readable. */
        private Font countFont() {
            String widest = "";
            for (long[] row : plot.counts) {
                for (long c : row) {
                    String s = Long.toString(c);
                    widest = s.length() > widest.length() ? s : widest;
                }
            }
            for (int size = (int) Math.min(MAX_COUNT_FONT, Math.floor(cell / 3)); size >= MIN_COUNT_FONT; size--) {
                Font font = new Font(Font.SANS_SERIF, Font.PLAIN, size);
                if (PlotStyle.width(widest, font) <= cell - 6 && PlotStyle.lineHeight(font) <= cell) {
                    return font;
                }
            }
            return null;
        }

        /** Draws the matrix, background included, on a canvas of {@link #width()} by {@link #height()}. */
        void draw(Canvas canvas) {
            canvas.rect(0, 0, WIDTH, height, PlotStyle.BACKGROUND, null);
            canvas.begin("panel");
            canvas.begin("title");
            for (int i = 0; i < titleLines.size(); i++) {
                canvas.text(titleLines.get(i), WIDTH / 2.0, PAD + PlotStyle.capHeight(PlotStyle.TITLE) + i * PlotStyle.lineHeight(PlotStyle.TITLE),
                        PlotStyle.TITLE, PlotStyle.TEXT, Canvas.Anchor.MIDDLE, false);
            }
            canvas.end();
            drawCells(canvas);
            drawNames(canvas);
            drawScale(canvas);
            canvas.end();
        }

        private void drawCells(Canvas canvas) {
            double size = k * cell;
            canvas.begin("cells");
            for (int t = 0; t < k; t++) {
                for (int p = 0; p < k; p++) {
                    canvas.rect(gridLeft + p * cell, gridTop + t * cell, cell, cell, shade(shares[t][p]), null);
                }
            }
            // Thin light lines between cells keep empty neighbours apart without competing with the shades; between cells of a
            // few pixels they would be all there is to see.
            for (int i = 1; i < k && cell >= 8; i++) {
                double offset = crisp(i * cell);
                canvas.line(gridLeft + offset, gridTop, gridLeft + offset, gridTop + size, PlotStyle.GRID, 1f, false);
                canvas.line(gridLeft, gridTop + offset, gridLeft + size, gridTop + offset, PlotStyle.GRID, 1f, false);
            }
            canvas.rect(gridLeft, gridTop, size, size, null, PlotStyle.FRAME);
            canvas.end();
            if (countFont == null) {
                return;
            }
            canvas.begin("counts");
            for (int t = 0; t < k; t++) {
                for (int p = 0; p < k; p++) {
                    canvas.text(Long.toString(plot.counts[t][p]), gridLeft + (p + 0.5) * cell,
                            gridTop + (t + 0.5) * cell + PlotStyle.capHeight(countFont) / 2, countFont, readableOn(shade(shares[t][p])),
                            Canvas.Anchor.MIDDLE, false);
                }
            }
            canvas.end();
        }

        private void drawNames(Canvas canvas) {
            double size = k * cell;
            if (nameFont != null) {
                canvas.begin("true-classes");
                for (int t = 0; t < k; t++) {
                    canvas.text(rowNames.get(t), gridLeft - LABEL_GAP, gridTop + (t + 0.5) * cell + PlotStyle.capHeight(nameFont) / 2,
                            nameFont, PlotStyle.TEXT, Canvas.Anchor.END, false);
                }
                canvas.end();
                canvas.begin("predicted-classes");
                double top = gridTop + size + LABEL_GAP;
                for (int p = 0; p < k; p++) {
                    double middle = gridLeft + (p + 0.5) * cell;
                    if (turnedColumnNames) {
                        // Turned, a text's cap height lies left of its anchor: half of it to the right centres it on the column.
                        canvas.text(columnNames.get(p), middle + PlotStyle.capHeight(nameFont) / 2, top, nameFont, PlotStyle.TEXT,
                                Canvas.Anchor.END, true);
                    } else {
                        canvas.text(columnNames.get(p), middle, top + PlotStyle.capHeight(nameFont), nameFont, PlotStyle.TEXT,
                                Canvas.Anchor.MIDDLE, false);
                    }
                }
                canvas.end();
            }
            canvas.begin("axis-titles");
            canvas.text("predicted class", gridLeft + size / 2, columnNamesBottom + 6 + PlotStyle.capHeight(PlotStyle.AXIS_TITLE),
                    PlotStyle.AXIS_TITLE, PlotStyle.TEXT, Canvas.Anchor.MIDDLE, false);
            double yTitleX = gridLeft - LABEL_GAP - rowNamesWidth - 4 - PlotStyle.lineHeight(PlotStyle.AXIS_TITLE)
                    + PlotStyle.capHeight(PlotStyle.AXIS_TITLE);
            canvas.text(PlotStyle.fit("true class", PlotStyle.AXIS_TITLE, Math.max(size, 80)), yTitleX, gridTop + size / 2,
                    PlotStyle.AXIS_TITLE, PlotStyle.TEXT, Canvas.Anchor.MIDDLE, true);
            canvas.end();
        }

        /** Draws the key to the shades under the matrix: its name, then 0, a bar from white to the strongest shade, and 1. */
        private void drawScale(Canvas canvas) {
            Font font = PlotStyle.LEGEND;
            double gap = 6;
            double total = PlotStyle.width(SCALE_NAME, font) + 2 * gap + PlotStyle.width("0", font) + gap + SCALE_WIDTH + gap
                    + PlotStyle.width("1", font);
            double x = gridLeft + k * cell / 2 - total / 2;
            x = Math.max(PAD, Math.min(x, WIDTH - PAD - total));
            double middle = scaleTop + Math.max(SCALE_HEIGHT, PlotStyle.lineHeight(font)) / 2;
            double baseline = middle + PlotStyle.capHeight(font) / 2;
            canvas.begin("scale");
            canvas.text(SCALE_NAME, x, baseline, font, PlotStyle.TEXT, Canvas.Anchor.START, false);
            x += PlotStyle.width(SCALE_NAME, font) + 2 * gap;
            canvas.text("0", x, baseline, font, PlotStyle.MUTED_TEXT, Canvas.Anchor.START, false);
            x += PlotStyle.width("0", font) + gap;
            double step = SCALE_WIDTH / SCALE_STEPS;
            for (int i = 0; i < SCALE_STEPS; i++) {
                // Each step overlaps the next by a little, so no seam of background shows between them in the PNG.
                canvas.rect(x + i * step, middle - SCALE_HEIGHT / 2, step + (i < SCALE_STEPS - 1 ? 0.5 : 0), SCALE_HEIGHT,
                        shade((i + 0.5) / SCALE_STEPS), null);
            }
            canvas.rect(x, middle - SCALE_HEIGHT / 2, SCALE_WIDTH, SCALE_HEIGHT, null, PlotStyle.FRAME);
            canvas.text("1", x + SCALE_WIDTH + gap, baseline, font, PlotStyle.MUTED_TEXT, Canvas.Anchor.START, false);
            canvas.end();
        }

        /** Returns the background blended towards the strongest colour by {@code share} in [0, 1]. */
        private static Color shade(double share) {
            Color from = PlotStyle.BACKGROUND;
            return new Color(blend(from.getRed(), STRONGEST.getRed(), share), blend(from.getGreen(), STRONGEST.getGreen(), share),
                    blend(from.getBlue(), STRONGEST.getBlue(), share));
        }

        private static int blend(int from, int to, double share) {
            return (int) Math.round(from + (to - from) * share);
        }

        /** Returns dark or white text, whichever contrasts more with {@code fill} (WCAG's contrast ratio). */
        private static Color readableOn(Color fill) {
            double background = luminance(fill);
            double dark = (background + 0.05) / (luminance(PlotStyle.TEXT) + 0.05);
            double light = (luminance(Color.WHITE) + 0.05) / (background + 0.05);
            return dark >= light ? PlotStyle.TEXT : Color.WHITE;
        }

        /** Returns the relative luminance of an sRGB colour, as WCAG defines it. */
        private static double luminance(Color c) {
            return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
        }

        private static double linear(int channel) {
            double v = channel / 255.0;
            return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }

        /** Puts a one-pixel line on the middle of a pixel, where it is sharp rather than two grey pixels. */
        private static double crisp(double p) {
            return Math.floor(p) + 0.5;
        }
    }
}
