package org.djx.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugin of examples/plugin-example, built here on its own and dropped in: its jar is
 * compiled against the api jar the distribution ships and packed as Maven would pack it, put into a
 * plugin folder, and used by name from the example's experiment file through the real {@code ./djx}
 * in a fresh JVM.
 */
class DropInTests {
    private static final Path EXAMPLE = Launcher.ROOT.resolve("examples/plugin-example");
    private static final String EXPERIMENT = "examples/plugin-example/experiments/leaky-huber-rmsprop.json";
    private static final String MODULE = "com.example.djx.extras";

    @TempDir
    static Path work;

    /** A plugin folder holding the example as a modular jar. */
    private static Path plugins;
    private static Path modularJar;
    /** A plugin folder holding the same classes as a plain jar, without module-info. */
    private static Path plainPlugins;
    private static Path plainJar;

    @BeforeAll
    static void buildTheExamplePlugin() {
        Path classes = PluginJars.javac(EXAMPLE.resolve("src/main/java"), work.resolve("classes"),
                "--module-path", PluginJars.apiJar().toString(), "--module-version", "1.0.0");
        PluginJars.copyTree(EXAMPLE.resolve("src/main/resources"), classes);
        plugins = work.resolve("plugins");
        modularJar = PluginJars.jar(classes, plugins.resolve("djx-extras-1.0.0.jar"));
        plainPlugins = work.resolve("plain-plugins");
        plainJar = PluginJars.jar(classes, plainPlugins.resolve("djx-extras-1.0.0.jar"), name -> !name.equals("module-info.class"));
    }

    @Test
    void theExampleExperimentTrainsWithTheDroppedInPlugin() throws Exception {
        Path run = work.resolve("run");

        Launcher.Result r = Launcher.djx("run", EXPERIMENT, "--plugin-path", plugins.toString(), "--out", run.toString());

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .contains("leaky-huber-rmsprop: training on 9 examples with huber loss and rmsprop, at most 400 epochs")
                .contains("stopped after 400 epochs: the epoch limit was reached")
                .contains("expectation epochs = 400: held (400)")
                .containsPattern("expectation final-loss <= 0.01: held \\(0\\.000\\d+\\)");
        // The run records which jar each plugin came from.
        String provenance = Files.readString(run.resolve("provenance.json"));
        assertThat(provenance).contains("\"name\" : \"huber\"", "\"module\" : \"" + MODULE + "\"",
                "\"location\" : \"" + modularJar + "\"");
    }

    @Test
    void theDroppedInPluginsAlsoTrainAFloat32Network() throws Exception {
        // The same experiment with the network in float32: the example's layer, loss and optimizer read
        // and write through get and set, which serve either element type.
        Path experiment = work.resolve("leaky-huber-rmsprop-float32.json");
        String text = Files.readString(Launcher.ROOT.resolve(EXPERIMENT));
        Files.writeString(experiment, text.replace("\"inputs\": 2,", "\"inputs\": 2, \"dtype\": \"float32\","));
        assertThat(Files.readString(experiment)).contains("\"dtype\": \"float32\"");

        Launcher.Result r = Launcher.djx("run", experiment.toString(), "--plugin-path", plugins.toString(),
                "--out", work.resolve("run-float32").toString());

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).containsPattern("expectation final-loss <= 0.01: held \\(0\\.000\\d+\\)");
    }

    @Test
    void pluginsListsTheDroppedInPluginsWithTheirJarBesideTheBuiltIns() throws Exception {
        Launcher.Result r = Launcher.djx("plugins", "--plugin-path", plugins.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        String jar = Pattern.quote(modularJar.toString());
        assertThat(r.out())
                .containsPattern("(?m)^loss\\s+huber\\s+" + Pattern.quote(MODULE) + "\\s+1\\.0\\.0\\s+" + jar + "$")
                .containsPattern("(?m)^layer\\s+leaky-relu\\s+" + Pattern.quote(MODULE) + "\\s+1\\.0\\.0\\s+" + jar + "$")
                .containsPattern("(?m)^optimizer\\s+rmsprop\\s+" + Pattern.quote(MODULE) + "\\s+1\\.0\\.0\\s+" + jar + "$")
                .containsPattern("(?m)^optimizer\\s+adam\\s+org\\.djx\\.plugins\\.optim\\s")
                .containsPattern("(?m)^26 built in, 3 dropped in; plugin folders: .*" + Pattern.quote(plugins.toString()) + "$");
    }

    @Test
    void aPlainJarLoadsAsAnAutomaticModuleFromDjxPluginPath() throws Exception {
        Launcher.Result r = Launcher.djx(Map.of("DJX_PLUGIN_PATH", plainPlugins.toString()), "describe", "huber");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        // No module-info: Java names the module after the jar, and takes the version from its file name.
        assertThat(r.out()).contains("loss 'huber': Huber loss")
                .contains("from djx.extras 1.0.0 (" + plainJar + ")")
                .containsPattern("(?m)^\\s+delta\\s+number > 0\\s+1\\.0\\s");
    }

    @Test
    void jarsInTheDistributionsPluginsFolderAreLoadedWithoutAnyOption() throws Exception {
        // A copy of the checkout's layout: the launcher script, the built module path, a plugins folder.
        Path home = work.resolve("checkout");
        Path distribution = Files.createDirectories(home.resolve("distribution/target/djx"));
        Files.createSymbolicLink(distribution.resolve("lib"), PluginJars.LIB);
        Path dropped = Files.createDirectories(distribution.resolve("plugins"));
        Files.copy(modularJar, dropped.resolve(modularJar.getFileName()));
        Files.copy(Launcher.ROOT.resolve("djx"), home.resolve("djx"));

        Launcher.Result r = Launcher.script(home.resolve("djx"), Map.of(), "plugins");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .containsPattern("(?m)^loss\\s+huber\\s+" + Pattern.quote(MODULE) + "\\s+1\\.0\\.0\\s+"
                        + Pattern.quote(dropped.resolve(modularJar.getFileName()).toString()) + "$")
                .contains("26 built in, 3 dropped in; plugin folders: " + dropped);
    }
}
