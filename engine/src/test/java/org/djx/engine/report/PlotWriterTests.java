package org.djx.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class PlotWriterTests {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void aCurveThatReachesInfinityOrZeroOnALogAxisIsDrawnWithAGap() throws IOException {
        // A log-rmse curve of a fit gone wrong: an infinite epoch, a NaN one, a zero the log axis cannot show.
        LinePlot plot = new LinePlot("fold 1", "epoch", "log-rmse", true)
                .add("train", new double[] {1, 2, 3, 4, 5}, new double[] {0.5, Double.POSITIVE_INFINITY, Double.NaN, 0, 0.25});
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ByteArrayOutputStream svg = new ByteArrayOutputStream();

        PlotWriter.png(plot, png);
        PlotWriter.svg(plot, svg);

        assertThat(Arrays.copyOf(png.toByteArray(), 8)).isEqualTo(PNG_SIGNATURE);
        assertThat(svg.toString(StandardCharsets.UTF_8)).contains("<svg").endsWith("</svg>\n");
        // The plot keeps its own values: only what is drawn has the gaps.
        assertThat(plot.series().get(0).y()[1]).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void aPlotWithNoFiniteValueAtAllIsStillDrawn() throws IOException {
        LinePlot plot = new LinePlot("diverged", "epoch", "loss", true)
                .add("train", new double[] {1, 2}, new double[] {Double.NaN, Double.POSITIVE_INFINITY})
                .addPoints("valid", new double[] {Double.NaN, 2}, new double[] {1, Double.NEGATIVE_INFINITY});

        SvgFile svg = SvgFile.parse(svg(plot));

        assertThat(svg.texts()).extracting(SvgFile.Text::content).contains("diverged", "train", "valid");
        assertThat(image(png(plot)).getWidth()).isEqualTo((int) svg.width());
    }

    @Test
    void degenerateAndExtremeValuesAreDrawnWithoutError() throws IOException {
        double[] two = {1, 2};
        List<Plot> plots = List.of(
                new LinePlot("one point", "epoch", "loss", true).add("train", new double[] {1}, new double[] {0.5}),
                new LinePlot("flat", "x", "y", false).add("zero", two, new double[] {0, 0}).addPoints("one", two, new double[] {1, 1}),
                new LinePlot("the whole double range", "x", "y", false).add("line", new double[] {-Double.MAX_VALUE, Double.MAX_VALUE},
                        new double[] {-Double.MAX_VALUE, Double.MAX_VALUE}),
                new LinePlot("six hundred decades", "x", "y", true).add("line", two, new double[] {Double.MIN_VALUE, Double.MAX_VALUE}),
                new LinePlot("a hair apart", "x", "y", false).add("line", two, new double[] {1, Math.nextUp(1.0)}),
                new LinePlot("nothing", "x", "y", false),
                new PanelPlot("no panels"),
                new BarPlot("no bars", "AUC", "no separation (0.5)", 0.5),
                new BarPlot("no finite bar", "AUC", "no separation (0.5)", 0.5).add("constant", Double.NaN),
                new BarPlot("names as a file may have them", "AUC", "no separation (0.5)", 0.5).add("Sale & <Price>\u0001", 0.6));

        for (Plot plot : plots) {
            SvgFile svg = SvgFile.parse(svg(plot));
            assertThat(svg.texts("y-ticks").size()).as(plot.title()).isLessThanOrEqualTo(15);
            if (plot instanceof LinePlot line && !line.series().isEmpty()) {
                assertThat(svg.texts("y-ticks").size()).as(plot.title()).isGreaterThanOrEqualTo(2);
            }
            assertThat(svg.texts()).extracting(SvgFile.Text::content).as(plot.title()).contains(plot.title());
            assertThat(image(png(plot)).getHeight()).as(plot.title()).isEqualTo((int) svg.height());
        }
    }

    @Test
    void titleAxisNamesTickLabelsAndLegendAreSvgText() throws IOException {
        LinePlot plot = new LinePlot("house: fold 1", "epoch", "log-rmse", false)
                .add("train", new double[] {1, 2, 3}, new double[] {0.4, 0.3, 0.2})
                .add("valid", new double[] {1, 2, 3}, new double[] {0.45, 0.35, 0.3});

        SvgFile svg = SvgFile.parse(svg(plot));

        assertThat(svg.texts()).extracting(SvgFile.Text::content)
                .contains("house: fold 1", "epoch", "log-rmse", "train", "valid", "0.2", "0.3", "0.4", "1", "2", "3");
        // Text drawn as glyph outlines is what made the files large and the labels unselectable.
        assertThat(svg.count("path")).isLessThan(10);
    }

    @Test
    void everyTickOfALinearAxisIsARoundNumberAtASteadyStep() throws IOException {
        // Ranges that gave ticks such as -2.7, -5.1 or 1283: a fit along x_1, a decision rule, a long run.
        double[] along = grid(-3, 4.95, 160);
        double[] sums = grid(-6, 6, 480);
        double[] epochs = grid(1, 23067, 23066);
        double[] auc = {0.4762, 0.4788, 0.4852, 0.5139, 0.4902};
        List<LinePlot> plots = List.of(
                new LinePlot("fits", "x_1", "y", false).add("true y", along, Arrays.stream(along).map(x -> x + x * x / 2).toArray()),
                new LinePlot("rules", "sum", "P(label 1)", false).add("rule", sums, Arrays.stream(sums).map(s -> s > 1 ? 1 : 0).toArray()),
                new LinePlot("loss", "epoch", "loss", false).add("train", epochs, Arrays.stream(epochs).map(e -> 1 / e).toArray()),
                new LinePlot("aucs", "rank", "AUC", false).addPoints("feature", new double[] {1, 2, 3, 4, 5}, auc));

        for (LinePlot plot : plots) {
            SvgFile svg = SvgFile.parse(svg(plot));
            assertRoundSteps(plot.title() + " x", ticks(svg, "x-ticks"));
            assertRoundSteps(plot.title() + " y", ticks(svg, "y-ticks"));
        }
    }

    @Test
    void anIndexAxisIsTickedAtWholeNumbersOnly() throws IOException {
        LinePlot plot = new LinePlot("error per region", "region", "test error", false)
                .addPoints("pooled", new double[] {1, 2}, new double[] {0.27, 0.24});

        SvgFile svg = SvgFile.parse(svg(plot));

        assertThat(svg.texts("x-ticks")).extracting(SvgFile.Text::content).containsExactly("1", "2");
    }

    @Test
    void everyTickOfALogAxisIsOneTwoOrFiveTimesAPowerOfTen() throws IOException {
        double[] layers = grid(1, 30, 29);
        // A loss falling over four decades, and spreads exploding and vanishing over forty-five.
        List<LinePlot> plots = List.of(
                new LinePlot("loss", "epoch", "loss", true).add("train", layers, Arrays.stream(layers).map(l -> 0.2 * Math.pow(10, -l / 7)).toArray()),
                new LinePlot("spread", "layer", "std", true).add("relu", layers, Arrays.stream(layers).map(l -> Math.pow(10, l)).toArray())
                        .add("tanh", layers, Arrays.stream(layers).map(l -> 1e-14 * l).toArray()));

        for (LinePlot plot : plots) {
            List<BigDecimal> ticks = ticks(SvgFile.parse(svg(plot)), "y-ticks");
            assertThat(ticks).as(plot.title()).hasSizeBetween(3, 12);
            for (BigDecimal tick : ticks) {
                assertThat(mantissa(tick)).as("%s: tick %s of %s", plot.title(), tick, ticks).isIn(1, 2, 5);
            }
        }
    }

    @Test
    void aLogAxisWithinADecadeIsTickedAtARoundStep() throws IOException {
        double[] epochs = grid(1, 30, 29);
        LinePlot plot = new LinePlot("rmse", "epoch", "log-rmse", true)
                .add("train", epochs, Arrays.stream(epochs).map(e -> 0.12 + 0.4 / e).toArray());

        assertRoundSteps("log-rmse", ticks(SvgFile.parse(svg(plot)), "y-ticks"));
    }

    @Test
    void aCurveOfTensOfThousandsOfEpochsMakesASmallSvg() throws IOException {
        // backprop-2-2-2 trains for 23067 epochs; its loss.svg was 5.4 MB.
        double[] epochs = grid(1, 23067, 23066);
        double[] loss = Arrays.stream(epochs).map(e -> 0.2 / (1 + e / 20) * (1 + 0.05 * Math.sin(e))).toArray();
        LinePlot plot = new LinePlot("backprop: training loss", "epoch", "loss", true).add("training loss", epochs, loss);

        byte[] svg = svg(plot);

        assertThat(svg.length).isLessThan(100_000);
        assertThat(SvgFile.parse(svg).texts()).extracting(SvgFile.Text::content).contains("backprop: training loss");
    }

    @Test
    void scatterPointsAreLargeAndStayVisibleWhereALinePassesOverThem() throws IOException {
        // The importance weights: estimated weights as points, the true ratio as a line through them.
        double[] x = grid(1, 9, 8);
        double[] y = Arrays.stream(x).map(v -> v * v).toArray();
        LinePlot alone = new LinePlot("weights", "x_1", "weight", false).addPoints("estimated", x, y);
        LinePlot crossed = new LinePlot("weights", "x_1", "weight", false).addPoints("estimated", x, y).add("true", x, y);

        int seen = pixelsOf(image(png(alone)), 0x1f77b4);
        int seenUnderLine = pixelsOf(image(png(crossed)), 0x1f77b4);

        // Nine points and the legend's marker, each well over a 5-pixel dot's 20 pixels.
        assertThat(seen).isGreaterThan(10 * 40);
        assertThat(seenUnderLine).isGreaterThan(seen * 95 / 100);
    }

    @Test
    void aLegendOfNineLongNamesWrapsIntoRowsInsideTheImage() throws IOException {
        // init-depth once drew nine "activation, initializer" lines in one chart, and its legend ran off both sides.
        LinePlot plot = new LinePlot("init-depth: spread of activations", "layer", "std of the activation output", true);
        double[] layers = grid(1, 30, 29);
        List<String> names = new ArrayList<>();
        for (String activation : List.of("tanh", "sigmoid", "relu")) {
            for (String init : List.of("normal(std=1.0)", "xavier-normal", "he-normal")) {
                names.add(activation + ", " + init);
                plot.add(activation + ", " + init, layers, Arrays.stream(layers).map(l -> Math.pow(1.5, l) * names.size()).toArray());
            }
        }

        SvgFile svg = SvgFile.parse(svg(plot));

        List<SvgFile.Text> legend = svg.texts("legend");
        assertThat(legend).extracting(SvgFile.Text::content).containsExactlyElementsOf(names);
        svg.assertReadable();
        assertThat(legend.stream().mapToDouble(SvgFile.Text::y).distinct().count()).as("rows").isGreaterThan(1);
    }

    @Test
    void smallMultiplesDrawOnePanelPerActivationEachWithItsOwnLegendInsideTheImage() throws IOException {
        List<String> activations = List.of("tanh", "sigmoid", "relu");
        List<String> initializers = List.of("normal(std=1.0)", "xavier-normal", "he-normal");
        double[] layers = grid(1, 30, 29);
        PanelPlot plot = new PanelPlot("init-depth: spread of activations");
        for (String activation : activations) {
            LinePlot panel = new LinePlot(activation, "layer", "std of the activation output", true);
            for (int i = 0; i < initializers.size(); i++) {
                double rate = Math.pow(10, i - 1.0);
                panel.add(initializers.get(i), layers, Arrays.stream(layers).map(l -> Math.pow(rate, l)).toArray());
            }
            plot.add(panel);
        }

        byte[] bytes = svg(plot);
        SvgFile svg = SvgFile.parse(bytes);

        List<Element> panels = svg.groups("panel");
        assertThat(panels).hasSize(3);
        List<String> colours = null;
        for (int p = 0; p < panels.size(); p++) {
            assertThat(SvgFile.texts(SvgFile.groups(panels.get(p), "title").get(0))).extracting(SvgFile.Text::content)
                    .containsExactly(activations.get(p));
            Element legend = SvgFile.groups(panels.get(p), "legend").get(0);
            assertThat(SvgFile.texts(legend)).extracting(SvgFile.Text::content).containsExactlyElementsOf(initializers);
            // One initializer is one colour in every panel, so it can be followed across them.
            List<String> strokes = SvgFile.elements(legend, "line").stream().map(l -> l.getAttribute("stroke")).toList();
            assertThat(strokes).doesNotHaveDuplicates();
            if (colours == null) {
                colours = strokes;
            }
            assertThat(strokes).isEqualTo(colours);
        }
        svg.assertReadable();
        BufferedImage png = image(png(plot));
        assertThat(png.getWidth()).isEqualTo((int) svg.width());
        assertThat(png.getHeight()).isEqualTo((int) svg.height());
    }

    @Test
    void barsAreNamedByTheirCategoriesInTheOrderGiven() throws IOException {
        List<String> names = List.of("TotRmsAbvGrd", "FireplaceQu_nan", "Neighborhood_CollgCr", "LotConfig_Inside", "Constant");
        double[] aucs = {0.4762, 0.5139, 0.4887, 0.5102, Double.NaN};
        BarPlot plot = new BarPlot("house-prices-shift: the most separating features", "single-feature AUC", "no separation (0.5)", 0.5);
        for (int i = 0; i < names.size(); i++) {
            plot.add(names.get(i), aucs[i]);
        }

        SvgFile svg = SvgFile.parse(svg(plot));

        List<SvgFile.Text> categories = svg.texts("categories");
        assertThat(categories).extracting(SvgFile.Text::content).containsExactlyElementsOf(names);
        // Each name stands level with its bar; the bar that is not a number is left out.
        List<Element> bars = SvgFile.elements(svg.groups("bars").get(0), "rect");
        assertThat(bars).hasSize(4);
        for (int i = 0; i < bars.size(); i++) {
            double middle = Double.parseDouble(bars.get(i).getAttribute("y")) + Double.parseDouble(bars.get(i).getAttribute("height")) / 2;
            assertThat(categories.get(i).y() - categories.get(i).fontSize() * 0.36).isCloseTo(middle, within(2.0));
        }
        assertRoundSteps("auc", ticks(svg, "x-ticks"));
        assertThat(svg.texts("legend")).extracting(SvgFile.Text::content).containsExactly("no separation (0.5)");
        svg.assertReadable();
        assertThat(image(png(plot)).getHeight()).isEqualTo((int) svg.height());
    }

    /** Asserts that the ticks are three to twelve multiples of one step of 1, 2 or 5 times a power of ten, none left out. */
    static void assertRoundSteps(String axis, List<BigDecimal> ticks) {
        assertThat(ticks).as(axis).hasSizeBetween(3, 12);
        BigDecimal step = ticks.get(1).subtract(ticks.get(0));
        assertThat(mantissa(step)).as("%s step %s", axis, step).isIn(1, 2, 5);
        for (int i = 1; i < ticks.size(); i++) {
            assertThat(ticks.get(i).subtract(ticks.get(i - 1))).as("%s ticks %s", axis, ticks).isEqualByComparingTo(step);
            assertThat(ticks.get(i).remainder(step).signum()).as("%s: %s is a multiple of %s", axis, ticks.get(i), step).isZero();
        }
    }

    static List<BigDecimal> ticks(SvgFile svg, String axis) {
        return svg.texts(axis).stream().map(t -> new BigDecimal(t.content())).sorted().toList();
    }

    static double[] grid(double from, double to, int steps) {
        double[] g = new double[steps + 1];
        Arrays.setAll(g, i -> from + (to - from) * i / steps);
        return g;
    }

    /** Returns the leading digits of {@code v} without its power of ten, such as 5 for 0.05 and 25 for 2500. */
    static int mantissa(BigDecimal v) {
        return v.abs().stripTrailingZeros().unscaledValue().intValueExact();
    }

    static byte[] svg(Plot plot) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlotWriter.svg(plot, out);
        return out.toByteArray();
    }

    static byte[] png(Plot plot) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlotWriter.png(plot, out);
        return out.toByteArray();
    }

    static BufferedImage image(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** Counts the pixels of exactly this colour, which anti-aliased edges and other series do not have. */
    static int pixelsOf(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

}
