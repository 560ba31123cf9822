package org.djx.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins built for api 0.1 found on the class path, where djx runs when an application puts its jars
 * there rather than on the module path: java -cp "lib/*:plugin.jar" in a fresh JVM. A modular plugin
 * jar records the api it was compiled against in its module-info.class, which Java ignores on the
 * class path but djx reads, so such a plugin gets the message it gets from a plugin folder; a plain
 * jar records nothing and fails at its first call that does not link.
 */
class ClassPathPluginsTests {
    @TempDir
    static Path work;

    private static Path api01Plugin;
    private static Path plainOldPlugin;

    @BeforeAll
    static void buildPluginsOfTheOldApi() {
        Path api01 = PluginJars.javac(PluginJars.write(work.resolve("api-0.1.0"), BrokenPluginsTests.standInApi(true)),
                work.resolve("api-0.1.0-classes"), "--module-version", "0.1.0");
        Path classes = PluginJars.javac(PluginJars.write(work.resolve("api01-src"), Map.of(
                "module-info.java", "module test.cp01 { requires org.djx.api;"
                        + " provides org.djx.api.spi.LossFactory with test.cp01.Cp01LossFactory; }",
                "test/cp01/Cp01LossFactory.java", """
                        package test.cp01;
                        public final class Cp01LossFactory implements org.djx.api.spi.LossFactory {
                            public String name() { return "cp01"; }
                            public String description() { return "A loss of api 0.1."; }
                            public org.djx.api.spi.Loss create(org.djx.api.spi.Config config) { return (p, t, w, g) -> 0.0; }
                        }
                        """)), work.resolve("api01-classes"), "--module-path", api01.toString(), "--module-version", "1.0");
        // On the class path a provider is found through its services file alone.
        PluginJars.write(classes, Map.of("META-INF/services/org.djx.api.spi.LossFactory", "test.cp01.Cp01LossFactory\n"));
        api01Plugin = PluginJars.jar(classes, work.resolve("cp01.jar"));

        Map<String, String> old = new LinkedHashMap<>(BrokenPluginsTests.standInApi(false));
        old.remove("module-info.java");
        old.put("cpold/CpOldLossFactory.java", """
                package cpold;
                public final class CpOldLossFactory implements org.djx.api.spi.LossFactory {
                    public String name() { return "cp-old"; }
                    public String description() { return "A loss of an older api."; }
                    public org.djx.api.spi.Loss create(org.djx.api.spi.Config config) { return new CpOldLoss(); }
                }
                """);
        old.put("cpold/CpOldLoss.java", """
                package cpold;
                final class CpOldLoss implements org.djx.api.spi.Loss {
                    public double evaluate(org.djx.api.Tensor predictions, org.djx.api.Tensor targets) { return 0.0; }
                }
                """);
        Path oldClasses = PluginJars.javac(PluginJars.write(work.resolve("old-src"), old), work.resolve("old-classes"));
        PluginJars.write(oldClasses, Map.of("META-INF/services/org.djx.api.spi.LossFactory", "cpold.CpOldLossFactory\n"));
        plainOldPlugin = PluginJars.jar(oldClasses, work.resolve("cp-old.jar"), name -> !name.startsWith("org/"));
    }

    /** Runs the launcher's main class with djx's jars and {@code plugin} on the class path. */
    private static Launcher.Result onClassPath(Path plugin, String... args) throws IOException, InterruptedException {
        String classPath = PluginJars.LIB + File.separator + "*" + File.pathSeparator + plugin;
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, "org.djx.engine.cli.Main"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(Launcher.ROOT.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("DJX_PLUGIN_PATH");
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("djx " + String.join(" ", args) + " did not finish within 120 s");
        }
        return new Launcher.Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aModularPluginBuiltAgainstApi01IsRefusedOnTheClassPathWithTheMessageOfThePluginFolder() throws Exception {
        Launcher.Result r = onClassPath(api01Plugin, "plugins");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("  " + api01Plugin + ": was built against djx-api 0.1.0 (module test.cp01 requires"
                + " org.djx.api@0.1.0), but this djx runs djx-api 0.2.0 (before 1.0 a new minor version of the api may"
                + " break plugins); rebuild the plugin against djx-api 0.2.0; it was not loaded");
        assertThat(r.out()).doesNotContainPattern("(?m)^loss\\s+cp01\\s")
                .containsPattern("(?m)^loss\\s+mse\\s");
    }

    @Test
    void aPlainJarOfAnOlderApiOnTheClassPathFailsAtItsFirstCallSayingToRebuildAgainst02(@TempDir Path dir) throws Exception {
        Path file = PluginJars.write(dir, Map.of("old.json", """
                {
                  "task": "train",
                  "model": { "inputs": 1, "layers": [ { "type": "linear", "outputs": 1 } ] },
                  "data": { "inputs": [[1.0]], "targets": [[2.0]] },
                  "loss": { "type": "cp-old" },
                  "optimizer": { "type": "sgd", "lr": 0.1 },
                  "training": { "epochs": 1 }
                }
                """)).resolve("old.json");

        Launcher.Result r = onClassPath(plainOldPlugin, "run", file.toString(), "--out", dir.resolve("run").toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("loss plugin 'cp-old' from (class path) ")
                .contains("does not fit this djx: evaluate failed with java.lang.AbstractMethodError")
                .contains("it was most likely built against another djx-api and this djx runs djx-api 0.2.0: rebuild the"
                        + " plugin against djx-api 0.2.0")
                .doesNotContain("\tat ");
    }
}
