package org.djx.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dropped-in plugins whose code misbehaves while it is created, through the real {@code ./djx} in a
 * fresh JVM: a constructor that never returns, one that calls System.exit, a static initializer that
 * throws. A run of built-in plugins never creates them; a command that needs them says what happened,
 * naming the class and the jar, within the time bound DJX_PLUGIN_TIMEOUT sets.
 */
class MisbehavingPluginsTests {
    @TempDir
    static Path work;

    /** A plugin folder per plugin, since a plugin that calls System.exit ends any command that creates it. */
    private static Path hanging;
    private static Path exiting;
    private static Path failingInitializer;
    /** The variable naming the file the hanging plugin's constructor writes before it waits: proof that it was created. */
    private static final String MARKER = "DJX_TEST_CREATED_MARKER";

    private static final String LAYER_BOILERPLATE = """
                public String description() { return "A test layer."; }
                public org.djx.api.spi.Layer create(org.djx.api.spi.Config config, org.djx.api.spi.LayerContext context) {
                    throw new UnsupportedOperationException();
                }
            """;

    @BeforeAll
    static void buildTheMisbehavingPlugins() {
        Map<String, String> modules = new LinkedHashMap<>();
        modules.put("test.hang/module-info.java",
                "module test.hang { requires org.djx.api; provides org.djx.api.spi.LayerFactory with test.hang.HangingLayerFactory; }");
        modules.put("test.hang/test/hang/HangingLayerFactory.java", """
                package test.hang;
                public final class HangingLayerFactory implements org.djx.api.spi.LayerFactory {
                    public HangingLayerFactory() {
                        try {
                            java.nio.file.Files.writeString(java.nio.file.Path.of(System.getenv("%s")), "created");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        while (true) {
                            try { Thread.sleep(1000); } catch (InterruptedException ignored) { }
                        }
                    }
                    public String name() { return "hang"; }
                """.formatted(MARKER) + LAYER_BOILERPLATE + "}\n");
        modules.put("test.exit/module-info.java",
                "module test.exit { requires org.djx.api; provides org.djx.api.spi.LayerFactory with test.exit.ExitingLayerFactory; }");
        modules.put("test.exit/test/exit/ExitingLayerFactory.java", """
                package test.exit;
                public final class ExitingLayerFactory implements org.djx.api.spi.LayerFactory {
                    public ExitingLayerFactory() { System.exit(0); }
                    public String name() { return "exiting"; }
                """ + LAYER_BOILERPLATE + "}\n");
        modules.put("test.statik/module-info.java",
                "module test.statik { requires org.djx.api; provides org.djx.api.spi.LayerFactory with test.statik.ConfiguredLayerFactory; }");
        modules.put("test.statik/test/statik/ConfiguredLayerFactory.java", """
                package test.statik;
                public final class ConfiguredLayerFactory implements org.djx.api.spi.LayerFactory {
                    static final int WIDTH = Integer.parseInt(System.getProperty("test.statik.width", "unset"));
                    public String name() { return "configured"; }
                """ + LAYER_BOILERPLATE + "}\n");
        Path msrc = PluginJars.write(work.resolve("msrc"), modules);
        Path mout = PluginJars.javac(msrc, work.resolve("mout"), "--module-source-path", msrc.toString(),
                "--module-path", PluginJars.apiJar().toString(), "--module-version", "1.0");
        hanging = work.resolve("hanging");
        exiting = work.resolve("exiting");
        failingInitializer = work.resolve("failing-initializer");
        PluginJars.jar(mout.resolve("test.hang"), hanging.resolve("hang.jar"));
        PluginJars.jar(mout.resolve("test.exit"), exiting.resolve("exit.jar"));
        PluginJars.jar(mout.resolve("test.statik"), failingInitializer.resolve("configured.jar"));
    }

    /**
     * Returns the environment of a djx whose hanging plugin proves its creation in {@code marker}, with a
     * creation bound long enough for a healthy plugin and short enough not to wait long.
     */
    private static Map<String, String> hangingEnvironment(Path marker) {
        return Map.of("DJX_PLUGIN_TIMEOUT", "1", MARKER, marker.toString());
    }

    /** Writes a forward experiment through one layer of type {@code type}, and returns its path. */
    private static Path usingLayer(Path dir, String type) {
        return PluginJars.write(dir, Map.of("uses-" + type + ".json", """
                {
                  "task": "forward",
                  "model": { "inputs": 2, "layers": [ { "type": "%s", "name": "Y" } ] },
                  "data": { "inputs": [[1.0, 0.25]] }
                }
                """.formatted(type))).resolve("uses-" + type + ".json");
    }

    @Test
    void aRunOfBuiltInPluginsNeverCreatesAPluginWhoseConstructorNeverReturns(@TempDir Path dir) throws Exception {
        Path created = dir.resolve("created");

        Launcher.Result r = Launcher.djx(hangingEnvironment(created), "run", "experiments/forward-pass.json", "--plugin-path",
                hanging.toString(), "--out", dir.resolve("run").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).containsPattern("Y\\s+= \\[0\\.31682708, 0\\.69627909]").contains("expectation Y[1] in [0.696279085, 0.696279095]: held");
        assertThat(created).doesNotExist();
    }

    @Test
    void validatingAFileOfBuiltInPluginsNeverCreatesAPluginWhoseConstructorNeverReturns(@TempDir Path dir) throws Exception {
        Path created = dir.resolve("created");

        Launcher.Result r = Launcher.djx(hangingEnvironment(created), "validate", "experiments/backprop-2-2-2.json", "--plugin-path",
                hanging.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("experiments/backprop-2-2-2.json: valid (task train, 4 layers)\n");
        assertThat(created).doesNotExist();
    }

    @Test
    void pluginsReportsAConstructorThatNeverReturnsNamingItsClassAndJarAndListsTheRest(@TempDir Path dir) throws Exception {
        Path created = dir.resolve("created");

        Launcher.Result r = Launcher.djx(hangingEnvironment(created), "plugins", "--plugin-path", hanging.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^layer\\s+sigmoid\\s+org\\.djx\\.plugins\\.nn\\s")
                .contains("26 built in, 0 dropped in; plugin folders: ");
        assertThat(r.err()).isEqualTo("1 plugin problem (the plugins above are unaffected):\n  " + hanging.resolve("hang.jar")
                + ": layer provider test.hang.HangingLayerFactory did not finish creating within 1 s; its static"
                + " initializer or constructor was still running (waiting for something that never came, or looping)."
                + " djx carries on without it; fix the plugin or remove it, or allow more time with"
                + " DJX_PLUGIN_TIMEOUT=SECONDS\n");
        assertThat(created).exists();
    }

    @Test
    void aRunOfBuiltInPluginsIsUnaffectedByAPluginThatCallsSystemExitWhenCreated(@TempDir Path dir) throws Exception {
        Launcher.Result r = Launcher.djx("run", "experiments/forward-pass.json", "--plugin-path", exiting.toString(),
                "--out", dir.resolve("run").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).containsPattern("Y\\s+= \\[0\\.31682708, 0\\.69627909]")
                .contains("run folder: " + dir.resolve("run"));
        assertThat(Files.readString(dir.resolve("run/status.json"))).contains("COMPLETED");
    }

    @Test
    void aRunThatNeedsAPluginThatCallsSystemExitEndsNonZeroNamingThePluginAndItsJar(@TempDir Path dir) throws Exception {
        Path file = usingLayer(dir, "exiting");

        Launcher.Result r = Launcher.djx("run", file.toString(), "--plugin-path", exiting.toString(),
                "--out", dir.resolve("run").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("djx: the layer plugin test.exit.ExitingLayerFactory in " + exiting.resolve("exit.jar")
                + " called System.exit while it was being created (in its static initializer or constructor); djx stopped;"
                + " remove it from the plugins folder\n");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void pluginsEndsNonZeroNamingAPluginThatCallsSystemExitWhenCreated() throws Exception {
        Launcher.Result r = Launcher.djx("plugins", "--plugin-path", exiting.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("djx: the layer plugin test.exit.ExitingLayerFactory in " + exiting.resolve("exit.jar")
                + " called System.exit while it was being created");
    }

    @Test
    void aStaticInitializerThatThrowsIsReportedWithWhatItThrewAndTheJar(@TempDir Path dir) throws Exception {
        Path file = usingLayer(dir, "configured");

        Launcher.Result listing = Launcher.djx("plugins", "--plugin-path", failingInitializer.toString());
        Launcher.Result run = Launcher.djx("run", file.toString(), "--plugin-path", failingInitializer.toString(),
                "--out", dir.resolve("run").toString());

        String problem = failingInitializer.resolve("configured.jar") + ": layer provider test.statik.ConfiguredLayerFactory"
                + " could not be created: the static initializer of test.statik.ConfiguredLayerFactory threw"
                + " java.lang.NumberFormatException: For input string: \"unset\" (at test.statik@1.0/"
                + "test.statik.ConfiguredLayerFactory.<clinit>(ConfiguredLayerFactory.java:3)); the other plugins are unaffected";
        assertThat(listing.exitCode()).isZero();
        assertThat(listing.err()).contains("  " + problem + "\n").doesNotContain("djx-api");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("warning: 1 plugin problem; ").contains("  " + problem + "\n")
                .contains(file + ":3:").contains("unknown layer 'configured'")
                .doesNotContain("\tat ");
    }
}
