package org.djx.engine.run;

import org.djx.engine.report.RunFolder;
import org.djx.engine.report.RunResult;
import org.djx.engine.report.SvgFile;
import org.djx.engine.tasks.BuiltInTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** The D2L 4.8 experiments in experiments/, against closed forms and the facts D2L states in words. */
class NumericalStabilityTests {
    private final List<String> lines = new ArrayList<>();

    private RunResult run(String name, Path out) {
        Experiment experiment = new ExperimentReader(PluginLoader.load(List.of()), BuiltInTasks.registry())
                .read(Path.of("..", "experiments", name + ".json"));
        return new ExperimentRunner(CpuKernels::new, lines::add).run(experiment, RunFolder.at(out));
    }

    @Test
    void sigmoidGradientMatchesItsClosedFormAndVanishesInTheTails(@TempDir Path out) throws Exception {
        RunResult result = run("vanishing-gradient", out);

        List<String> csv = Files.readAllLines(out.resolve("curve.csv"));
        assertThat(csv.get(0)).isEqualTo("x,sigmoid,gradient");
        assertThat(csv).hasSize(1 + 160);
        double worst = 0;
        for (String row : csv.subList(1, csv.size())) {
            String[] cells = row.split(",");
            double x = Double.parseDouble(cells[0]);
            double s = 1 / (1 + Math.exp(-x));
            assertThat(Double.parseDouble(cells[1])).isCloseTo(s, within(1e-15));
            worst = Math.max(worst, Math.abs(Double.parseDouble(cells[2]) - s * (1 - s)));
            if (Math.abs(x) >= 7 - 1e-9) {
                assertThat(Double.parseDouble(cells[2])).as("gradient at x = %s", x).isLessThan(1e-3);
            }
        }
        assertThat(worst).isLessThan(1e-15);
        assertThat(result.metric("max-gradient")).isCloseTo(0.25, within(1e-12));
        assertThat(result.metric("argmax-gradient")).isCloseTo(0.0, within(1e-9));
        assertThat(csv.get(1)).startsWith("-8.0,");
    }

    @Test
    void curvePlotIsAReadablePngAndAnSvgWithBothLegends(@TempDir Path out) throws Exception {
        run("vanishing-gradient", out);

        BufferedImage png = ImageIO.read(out.resolve("curve.png").toFile());
        assertThat(png.getWidth()).isGreaterThanOrEqualTo(600);
        assertThat(png.getHeight()).isGreaterThanOrEqualTo(400);
        String svg = Files.readString(out.resolve("curve.svg"));
        assertThat(svg).contains("<svg");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("curve.csv", "curve.png", "curve.svg",
                    "experiment.json", "status.json", "summary.json", "provenance.json", "report.html");
        }
    }

    @Test
    void productOfGaussianMatricesExplodesWhileScaledFactorsStayBounded(@TempDir Path out) {
        RunResult result = run("exploding-gradient", out);

        // D2L shows entries around 1e20 and beyond after 100 products of 4x4 N(0, 1) matrices.
        assertThat(result.metric("max-abs-unscaled")).isGreaterThan(1e15);
        assertThat(result.metric("max-abs-scaled")).isLessThan(1.0);
        // float32's largest value is about 3.4e38, float64's about 1.8e308: float32 gives out first.
        double f32 = result.metric("float32-overflow-factor");
        double f64 = result.metric("float64-overflow-factor");
        assertThat(f32).isGreaterThan(100).isLessThan(f64);
        assertThat(f64 / f32).isCloseTo(308 / 38.5, within(2.0));
        assertThat(lines).anyMatch(l -> l.startsWith("float32 overflows to infinity after " + (int) f32 + " multiplications"));
        assertThat(result.outputs().get("first").shape().toString()).isEqualTo("4x4");
    }

    @Test
    void depthStatisticsShowWhatD2lSaysInWords(@TempDir Path out) throws Exception {
        RunResult r = run("init-depth", out);

        // Xavier keeps tanh alive: the gradient spread changes by less than 10x over 30 layers.
        double xavierTanh = r.metric("tanh/xavier-normal/gradient-ratio");
        assertThat(xavierTanh).isBetween(0.1, 10.0);
        // Plain N(0, 1) is off by more than 1e3, one way or the other.
        double normalTanh = r.metric("tanh/normal(std=1.0)/gradient-ratio");
        assertThat(Math.max(normalTanh, 1 / normalTanh)).isGreaterThan(1e3);
        // ReLU needs He: with He the activations keep their spread, with Xavier they die out, and with
        // N(0, 1) they explode.
        assertThat(r.metric("relu/he-normal/activation-std-last") / r.metric("relu/he-normal/activation-std-first"))
                .isBetween(0.1, 10.0);
        assertThat(r.metric("relu/xavier-normal/activation-std-last") / r.metric("relu/xavier-normal/activation-std-first"))
                .isLessThan(1e-3);
        assertThat(r.metric("relu/normal(std=1.0)/activation-std-last")).isGreaterThan(1e10);
        // Sigmoid's derivative is at most 1/4, so its gradients vanish towards the input.
        assertThat(r.metric("sigmoid/xavier-normal/gradient-ratio")).isGreaterThan(1e6);
        assertThat(Files.readAllLines(out.resolve("depth.csv"))).hasSize(31);
        assertThat(out.resolve("activations.png")).exists();
        assertThat(out.resolve("gradients.svg")).exists();
    }

    @Test
    void depthPlotsDrawOnePanelPerActivationWithALegendOfItsInitializers(@TempDir Path out) throws Exception {
        run("init-depth", out);

        for (String plot : List.of("activations", "gradients")) {
            SvgFile svg = SvgFile.parse(Files.readAllBytes(out.resolve(plot + ".svg")));
            List<Element> panels = svg.groups("panel");
            assertThat(panels).as(plot).hasSize(3);
            List<String> titles = new ArrayList<>();
            for (Element panel : panels) {
                titles.add(SvgFile.texts(SvgFile.groups(panel, "title").get(0)).get(0).content());
                assertThat(SvgFile.texts(SvgFile.groups(panel, "legend").get(0))).extracting(SvgFile.Text::content)
                        .containsExactly("normal(std=1.0)", "xavier-normal", "he-normal");
            }
            assertThat(titles).containsExactly("tanh", "sigmoid", "relu");
            svg.assertReadable();
            BufferedImage png = ImageIO.read(out.resolve(plot + ".png").toFile());
            assertThat(png.getWidth()).isEqualTo((int) svg.width());
        }
    }
}
