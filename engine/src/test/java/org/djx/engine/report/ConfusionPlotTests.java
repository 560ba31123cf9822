package org.djx.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ConfusionPlotTests {
    private static final List<String> IRIS = List.of("setosa", "versicolor", "virginica");
    private static final long[][] IRIS_COUNTS = {{50, 0, 0}, {0, 47, 3}, {0, 4, 46}};

    @Test
    void theSvgNamesEveryClassOnBothAxesAndWritesEveryCount() throws IOException {
        SvgFile svg = SvgFile.parse(svg(new ConfusionPlot("iris: validation", IRIS, IRIS_COUNTS)));

        assertThat(svg.texts("true-classes")).extracting(SvgFile.Text::content).containsExactlyElementsOf(IRIS);
        assertThat(svg.texts("predicted-classes")).extracting(SvgFile.Text::content).containsExactlyElementsOf(IRIS);
        assertThat(svg.texts("counts")).extracting(SvgFile.Text::content)
                .containsExactly("50", "0", "0", "0", "47", "3", "0", "4", "46");
        assertThat(svg.texts("axis-titles")).extracting(SvgFile.Text::content).containsExactlyInAnyOrder("true class", "predicted class");
        assertThat(svg.texts("title")).extracting(SvgFile.Text::content).containsExactly("iris: validation");
        svg.assertReadable();
    }

    @Test
    void aCellIsShadedByItsShareOfItsRowAndItsCountContrastsWithTheShade() throws IOException {
        // Row 0: all of it in one cell, none in the other; row 1: half and half; row 2: no examples at all.
        ConfusionPlot plot = new ConfusionPlot("shares", List.of("a", "b", "c"), new long[][] {{7, 0, 0}, {0, 5, 5}, {0, 0, 0}});

        SvgFile svg = SvgFile.parse(svg(plot));

        List<String> fills = SvgFile.elements(svg.groups("cells").get(0), "rect").stream().map(r -> r.getAttribute("fill")).toList();
        String strongest = hex(PlotStyle.color(0).getRGB());
        String half = hex(0x8fbbda); // halfway from white (255, 255, 255) to 0x1f77b4 (31, 119, 180): 143, 187, 217.5 rounded up
        assertThat(fills.subList(0, 9)).containsExactly(strongest, "#ffffff", "#ffffff", "#ffffff", half, half, "#ffffff", "#ffffff",
                "#ffffff");
        List<String> countColours = SvgFile.elements(svg.groups("counts").get(0), "text").stream().map(t -> t.getAttribute("fill"))
                .toList();
        assertThat(countColours.get(0)).isEqualTo("#ffffff");
        assertThat(countColours.get(1)).isEqualTo(hex(PlotStyle.TEXT.getRGB()));
    }

    @Test
    void tenLongNamedClassesStayInsideTheImageCutWithAnEllipsis() throws IOException {
        List<String> names = new ArrayList<>();
        long[][] counts = new long[10][10];
        for (int i = 0; i < 10; i++) {
            names.add(i == 3 ? "a class name far too long to stand beside a row or under a column whole" : "digit " + i);
            for (int j = 0; j < 10; j++) {
                counts[i][j] = i == j ? 900 + i : 10 * i + j;
            }
        }

        SvgFile svg = SvgFile.parse(svg(new ConfusionPlot("mnist: test", names, counts)));

        List<String> rows = svg.texts("true-classes").stream().map(SvgFile.Text::content).toList();
        List<String> columns = svg.texts("predicted-classes").stream().map(SvgFile.Text::content).toList();
        assertThat(rows.get(3)).startsWith("a class name").endsWith("…");
        assertThat(columns.get(3)).startsWith("a class name").endsWith("…");
        assertThat(rows).contains("digit 0", "digit 9");
        assertThat(columns).contains("digit 0", "digit 9");
        List<String> shown = svg.texts("counts").stream().map(SvgFile.Text::content).toList();
        for (long[] row : counts) {
            for (long c : row) {
                assertThat(shown).contains(Long.toString(c));
            }
        }
        svg.assertReadable();
        assertApart(svg.texts("true-classes"));
    }

    @Test
    void manyClassesShrinkTheNamesAndLeaveOutCountsTooSmallToRead() throws IOException {
        int k = 40;
        List<String> names = new ArrayList<>();
        long[][] counts = new long[k][k];
        for (int i = 0; i < k; i++) {
            names.add("class " + i);
            counts[i][i] = 100;
        }

        SvgFile svg = SvgFile.parse(svg(new ConfusionPlot("forty classes", names, counts)));

        assertThat(svg.texts("true-classes")).hasSize(k);
        assertThat(svg.texts("true-classes").get(0).fontSize()).isLessThan(PlotStyle.TICK.getSize());
        assertThat(svg.groups("counts")).isEmpty();
        svg.assertReadable();
        assertApart(svg.texts("true-classes"));
    }

    @Test
    void twoAndTenClassesRenderToPngsOfTheSvgsSize() throws IOException {
        long[][] ten = new long[10][10];
        List<String> digits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            digits.add(Integer.toString(i));
            ten[i][i] = 1000;
            ten[i][(i + 1) % 10] = i == 0 ? 0 : 17;
        }
        // Each has a row all in one cell, whose shade is the strongest colour itself.
        for (ConfusionPlot plot : List.of(new ConfusionPlot("spam", List.of("ham", "spam"), new long[][] {{1000, 0}, {35, 165}}),
                new ConfusionPlot("digits", digits, ten))) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png(plot)));
            SvgFile svg = SvgFile.parse(svg(plot));

            assertThat(image).as(plot.title()).isNotNull();
            assertThat(image.getWidth()).as(plot.title()).isEqualTo((int) svg.width()).isPositive();
            assertThat(image.getHeight()).as(plot.title()).isEqualTo((int) svg.height()).isPositive();
            assertThat(PlotWriterTests.pixelsOf(image, PlotStyle.color(0).getRGB() & 0xffffff)).as(plot.title()).isPositive();
        }
    }

    @Test
    void namesAsAFileMayHaveThemAreEscaped() throws IOException {
        SvgFile svg = SvgFile.parse(svg(new ConfusionPlot("<labels> & more", List.of("a & b", "<c>"), new long[][] {{1, 2}, {3, 4}})));

        assertThat(svg.texts("true-classes")).extracting(SvgFile.Text::content).containsExactly("a & b", "<c>");
    }

    @Test
    void keepsItsOwnCopyOfTheCounts() {
        long[][] counts = {{1, 2}, {3, 4}};
        ConfusionPlot plot = new ConfusionPlot("copy", List.of("a", "b"), counts);

        counts[0][0] = 99;
        plot.counts()[1][1] = 99;

        assertThat(plot.counts()).isDeepEqualTo(new long[][] {{1, 2}, {3, 4}});
    }

    @Test
    void refusesACountMatrixThatIsNotOneRowAndColumnPerClass() {
        assertThatThrownBy(() -> new ConfusionPlot("t", IRIS, new long[][] {{1, 2, 3}, {4, 5, 6}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 rows for 3 classes");
        assertThatThrownBy(() -> new ConfusionPlot("t", IRIS, new long[][] {{1, 2, 3}, {4, 5}, {7, 8, 9}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1 ('versicolor')")
                .hasMessageContaining("2 columns for 3 classes");
    }

    @Test
    void refusesANegativeCountNamingItsCell() {
        assertThatThrownBy(() -> new ConfusionPlot("t", List.of("cat", "dog"), new long[][] {{1, 2}, {-3, 4}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-3")
                .hasMessageContaining("true class 'dog', predicted class 'cat'");
    }

    @Test
    void refusesNoClassesAndARepeatedName() {
        assertThatThrownBy(() -> new ConfusionPlot("t", List.of(), new long[0][]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one class");
        assertThatThrownBy(() -> new ConfusionPlot("t", List.of("cat", "dog", "cat"), new long[3][3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cat' is named twice");
    }

    /** Asserts that texts one under the other, as the row names are, do not overlap. */
    private static void assertApart(List<SvgFile.Text> texts) {
        for (int i = 1; i < texts.size(); i++) {
            double gap = texts.get(i).y() - texts.get(i - 1).y();
            assertThat(gap).as("'%s' below '%s'", texts.get(i).content(), texts.get(i - 1).content())
                    .isGreaterThanOrEqualTo(texts.get(i).fontSize());
        }
    }

    private static String hex(int rgb) {
        return String.format("#%06x", rgb & 0xffffff);
    }

    private static byte[] svg(ConfusionPlot plot) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlotWriter.svg(plot, out);
        return out.toByteArray();
    }

    private static byte[] png(ConfusionPlot plot) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlotWriter.png(plot, out);
        return out.toByteArray();
    }
}
