package org.djx.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher end to end: the committed ./djx script on the laid-out module path, in a fresh JVM. */
class LauncherTests {
    private static final Pattern VECTOR_LINE = Pattern.compile("^(\\w+)\\s*= \\[([^\\]]*)]$", Pattern.MULTILINE);

    @Test
    void forwardPassPrintsD2lFigures(@TempDir Path dir) throws Exception {
        // --runs: a test leaves no run folder in the checkout.
        Launcher.Result r = Launcher.djx("run", "experiments/forward-pass.json", "--runs", dir.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        // D2L 4.7's printed values (see shared/docs/REFERENCE.md).
        assertVector(r.out(), "Z1", 0.57444252, 0.66818777, 0.75026011);
        assertVector(r.out(), "Z2", 0.62624937, 0.7710107);
        assertVector(r.out(), "Y", 0.31682708, 0.69627909);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void pluginsListsEveryBuiltInWithModuleAndJar() throws Exception {
        Launcher.Result r = Launcher.djx("plugins");

        assertThat(r.exitCode()).isZero();
        for (String name : new String[] {"linear", "sigmoid", "tanh", "relu", "identity"}) {
            assertThat(r.out()).containsPattern("(?m)^layer\\s+" + name + "\\s+org\\.djx\\.plugins\\.nn\\s+0\\.2\\.0\\s+\\S*djx-plugin-nn-0\\.2\\.0\\.jar$");
        }
        assertThat(r.out()).containsPattern("(?m)^optimizer\\s+sgd\\s+org\\.djx\\.plugins\\.optim\\s+\\S+\\s+\\S*djx-plugin-optim-0\\.2\\.0\\.jar$");
        assertThat(r.out()).containsPattern("(?m)^initializer\\s+xavier-normal\\s+org\\.djx\\.plugins\\.init\\s");
        assertThat(r.out()).containsPattern("(?m)^loss\\s+mse\\s+org\\.djx\\.plugins\\.nn\\s");
        // its library jars (commons-csv, -io, -codec) must resolve on the module path, or nothing loads
        assertThat(r.out()).containsPattern("(?m)^dataset\\s+kaggle-house\\s+org\\.djx\\.plugins\\.csv\\s+0\\.2\\.0\\s+\\S*djx-plugin-csv-0\\.2\\.0\\.jar$");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void misspeltPluginExitsTwoWithPathPositionAndChoices(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typo.json");
        String good = Files.readString(Launcher.ROOT.resolve("experiments/forward-pass.json"));
        Files.writeString(file, good.replace("\"type\": \"sigmoid\", \"name\": \"Z2\"", "\"type\": \"sigmiod\", \"name\": \"Z2\""));
        int line = lineOf(Files.readString(file), "sigmiod");

        Launcher.Result r = Launcher.djx("run", file.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .contains(file + ":" + line + ":")
                .contains("$.model.layers[3].type")
                .contains("unknown layer 'sigmiod'")
                .contains("available: dropout, identity, linear, relu, sigmoid, tanh")
                .contains("did you mean 'sigmoid'?")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void aBrokenBandExitsThreeAndSaysWhich(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("strict.json");
        String good = Files.readString(Launcher.ROOT.resolve("experiments/forward-pass.json"));
        Files.writeString(file, good.replace("\"Y[1]\": { \"min\": 0.696279085, \"max\": 0.696279095 }",
                "\"Y[1]\": { \"min\": 0.7, \"max\": 0.8 }"));
        Path unknown = dir.resolve("unknown.json");
        Files.writeString(unknown, good.replace("\"Y[1]\": { \"min\": 0.696279085, \"max\": 0.696279095 }",
                "\"Y[1]\": { \"min\": 0.696279085, \"max\": 0.696279095 }, \"Y[2]\": { \"equals\": 1 }"));

        Launcher.Result r = Launcher.djx("run", file.toString(), "--out", dir.resolve("run").toString());
        Launcher.Result u = Launcher.djx("run", unknown.toString(), "--out", dir.resolve("unknown-run").toString());

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).contains("expectation Y[1] in [0.7, 0.8]: BROKEN (0.69627909)")
                .contains("expectation Y[0] in [0.316827075, 0.316827085]: held (0.31682708)");
        // A band of a result the task does not produce is refused before the run, with what it produces.
        assertThat(u.exitCode()).isEqualTo(2);
        assertThat(u.err()).contains("at $.expect['Y[2]']: task 'forward' produces no result 'Y[2]'; its results are:")
                .contains("Y[0], Y[1]").contains("(did you mean 'Y[0]'?)");
        assertThat(dir.resolve("unknown-run")).doesNotExist();
    }

    @Test
    void helpAndVersionExitZero() throws Exception {
        Launcher.Result help = Launcher.djx("--help");
        Launcher.Result version = Launcher.djx("--version");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("run", "validate", "plugins", "describe");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("djx 0.2.0");
    }

    @Test
    void badUsageExitsTwo() throws Exception {
        Launcher.Result r = Launcher.djx("frobnicate");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("frobnicate");
    }

    private static void assertVector(String output, String label, double... expected) {
        Matcher m = VECTOR_LINE.matcher(output);
        while (m.find()) {
            if (m.group(1).equals(label)) {
                double[] actual = Arrays.stream(m.group(2).split(",")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
                assertThat(actual).as(label).containsExactly(expected, within(1e-7));
                return;
            }
        }
        throw new AssertionError("no line '" + label + " = [...]' in:\n" + output);
    }

    private static int lineOf(String text, String needle) {
        String before = text.substring(0, text.indexOf(needle));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }
}
