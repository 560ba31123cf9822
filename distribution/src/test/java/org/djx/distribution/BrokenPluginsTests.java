package org.djx.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken plugins in one plugin folder beside two working ones, through the real {@code ./djx}: each
 * broken jar is reported with its path and the reason, none stops the others from loading, and an
 * experiment that does not use a broken plugin still runs.
 *
 * <p>Every jar is built here: sources compiled with javax.tools against the api jar the distribution
 * ships (or against a stand-in api of another version), packed with java.util.jar.
 */
class BrokenPluginsTests {
    @TempDir
    static Path work;

    private static Path folder;
    /** {@code djx plugins --plugin-path folder}, run once for the listing tests. */
    private static Launcher.Result listing;

    private static final String LAYER_BOILERPLATE = """
                public String description() { return "A test layer."; }
                public org.djx.api.spi.Layer create(org.djx.api.spi.Config config, org.djx.api.spi.LayerContext context) {
                    throw new UnsupportedOperationException();
                }
            """;

    private static final String LOSS_BOILERPLATE = """
                public String description() { return "A test loss."; }
                public org.djx.api.spi.Loss create(org.djx.api.spi.Config config) {
                    return (p, t, w, g) -> 0.0;
                }
            """;

    @BeforeAll
    static void buildThePluginFolderAndListIt() throws Exception {
        folder = Files.createDirectories(work.resolve("plugins"));
        String api = PluginJars.apiJar().toString();

        // Modular plugins against the real api, compiled together (one module per folder of msrc).
        Map<String, String> modules = new LinkedHashMap<>();
        modules.put("test.throwing/module-info.java",
                "module test.throwing { requires org.djx.api; provides org.djx.api.spi.LayerFactory with test.throwing.ThrowingLayerFactory; }");
        modules.put("test.throwing/test/throwing/ThrowingLayerFactory.java", """
                package test.throwing;
                public final class ThrowingLayerFactory implements org.djx.api.spi.LayerFactory {
                    public ThrowingLayerFactory() { throw new IllegalStateException("no licence key in LICENSE_KEY"); }
                    public String name() { return "licensed"; }
                """ + LAYER_BOILERPLATE + "}\n");
        // Its author forgot 'provides': on the module path djx ignores META-INF/services of an explicit module.
        modules.put("test.forgetful/module-info.java", "module test.forgetful { requires org.djx.api; }");
        modules.put("test.forgetful/test/forgetful/ForgottenLossFactory.java", """
                package test.forgetful;
                public final class ForgottenLossFactory implements org.djx.api.spi.LossFactory {
                    public String name() { return "forgotten"; }
                """ + LOSS_BOILERPLATE + "}\n");
        for (String twin : new String[] {"a", "b"}) {
            modules.put("test.twin." + twin + "/module-info.java", "module test.twin." + twin + " { requires org.djx.api;"
                    + " provides org.djx.api.spi.LossFactory with test.twin." + twin + ".TwinLossFactory; }");
            modules.put("test.twin." + twin + "/test/twin/" + twin + "/TwinLossFactory.java", "package test.twin." + twin + ";\n"
                    + "public final class TwinLossFactory implements org.djx.api.spi.LossFactory {\n"
                    + "    public String name() { return \"twin\"; }\n" + LOSS_BOILERPLATE + "}\n");
        }
        modules.put("test.good/module-info.java",
                "module test.good { requires org.djx.api; provides org.djx.api.spi.LayerFactory with test.good.TimesTwoLayerFactory; }");
        modules.put("test.good/test/good/TimesTwoLayerFactory.java", """
                package test.good;
                import org.djx.api.Tensor;
                public final class TimesTwoLayerFactory implements org.djx.api.spi.LayerFactory {
                    public String name() { return "times-two"; }
                    public String description() { return "Doubles its input."; }
                    public org.djx.api.spi.Layer create(org.djx.api.spi.Config config, org.djx.api.spi.LayerContext context) {
                        int width = context.inputFeatures();
                        return new org.djx.api.spi.Layer() {
                            public int outputFeatures() { return width; }
                            public Tensor forward(Tensor x) { return scaled(x); }
                            public Tensor backward(Tensor dy) { return scaled(dy); }
                        };
                    }
                    private static Tensor scaled(Tensor x) {
                        Tensor y = Tensor.zeros(x.rows(), x.columns());
                        for (int i = 0; i < x.size(); i++) { y.set(i, 2 * x.get(i)); }
                        return y;
                    }
                }
                """);
        Path msrc = PluginJars.write(work.resolve("msrc"), modules);
        Path mout = PluginJars.javac(msrc, work.resolve("mout"), "--module-source-path", msrc.toString(),
                "--module-path", api, "--module-version", "1.0");
        PluginJars.write(mout.resolve("test.forgetful"), Map.of("META-INF/services/org.djx.api.spi.LossFactory",
                "test.forgetful.ForgottenLossFactory\n"));
        PluginJars.jar(mout.resolve("test.throwing"), folder.resolve("throws-in-constructor.jar"));
        PluginJars.jar(mout.resolve("test.forgetful"), folder.resolve("no-providers.jar"));
        PluginJars.jar(mout.resolve("test.twin.a"), folder.resolve("twin-a.jar"));
        PluginJars.jar(mout.resolve("test.twin.b"), folder.resolve("twin-b.jar"));
        PluginJars.jar(mout.resolve("test.good"), folder.resolve("good.jar"));

        // A plain jar whose file name gives no valid module name: 'int' is a Java keyword.
        Path intOps = PluginJars.javac(PluginJars.write(work.resolve("int-ops-src"), Map.of(
                "ops/IntOpsLayerFactory.java", "package ops;\npublic final class IntOpsLayerFactory implements"
                        + " org.djx.api.spi.LayerFactory {\n    public String name() { return \"int-ops\"; }\n"
                        + LAYER_BOILERPLATE + "}\n")), work.resolve("int-ops-classes"), "--class-path", api);
        PluginJars.write(intOps, Map.of("META-INF/services/org.djx.api.spi.LayerFactory", "ops.IntOpsLayerFactory\n"));
        PluginJars.jar(intOps, folder.resolve("int-ops.jar"));

        // A plain jar whose services file names a class it does not hold.
        Path missing = PluginJars.write(work.resolve("missing"), Map.of(
                "META-INF/services/org.djx.api.spi.LossFactory", "gone.GoneLossFactory\n"));
        PluginJars.jar(missing, folder.resolve("missing-provider.jar"));

        // A plugin folder whose two jars hold the same package, which one module layer cannot load.
        for (String jar : new String[] {"one", "two"}) {
            Path classes = PluginJars.javac(PluginJars.write(work.resolve("split-" + jar), Map.of(
                    "split/shared/Part" + jar + ".java", "package split.shared;\npublic final class Part" + jar + " { }\n")),
                    work.resolve("split-" + jar + "-classes"));
            PluginJars.jar(classes, folder.resolve("split/split-" + jar + ".jar"));
        }

        // A plugin folder that bundles a copy of djx's api beside the plugin, as a careless build would.
        Files.createDirectories(folder.resolve("bundles-api"));
        Files.copy(PluginJars.apiJar(), folder.resolve("bundles-api").resolve(PluginJars.apiJar().getFileName()));
        PluginJars.jar(mout.resolve("test.good"), folder.resolve("bundles-api/plugin.jar"));

        // A download that went wrong: an HTML page saved under a jar's name.
        Files.writeString(folder.resolve("not-a-jar.jar"), "<html><body>404 Not Found</body></html>\n");

        // Built against api 0.1.0, the line before this djx's: a stand-in api module with that version, and
        // a modular plugin compiled against it, as Maven builds a plugin for 0.1.
        Path api01 = PluginJars.javac(PluginJars.write(work.resolve("api-0.1.0"), standInApi(true)),
                work.resolve("api-0.1.0-classes"), "--module-version", "0.1.0");
        Path older = PluginJars.javac(PluginJars.write(work.resolve("api01-src"), Map.of(
                "module-info.java", "module test.api01 { requires org.djx.api;"
                        + " provides org.djx.api.spi.LossFactory with test.api01.Api01LossFactory; }",
                "test/api01/Api01LossFactory.java", "package test.api01;\npublic final class Api01LossFactory implements"
                        + " org.djx.api.spi.LossFactory {\n    public String name() { return \"api01\"; }\n" + LOSS_BOILERPLATE + "}\n")),
                work.resolve("api01-classes"), "--module-path", api01.toString(), "--module-version", "1.0");
        PluginJars.jar(older, folder.resolve("api-0.1-plugin.jar"));

        // Built against an older api whose Loss had a two-argument evaluate, as a plain jar: no version
        // is recorded, so only the call shows the mismatch.
        Map<String, String> old = new LinkedHashMap<>(standInApi(false));
        old.put("old/OldLossFactory.java", """
                package old;
                public final class OldLossFactory implements org.djx.api.spi.LossFactory {
                    public String name() { return "old-loss"; }
                    public String description() { return "A loss of the old api."; }
                    public org.djx.api.spi.Loss create(org.djx.api.spi.Config config) { return new OldLoss(); }
                }
                """);
        old.put("old/OldLoss.java", """
                package old;
                import org.djx.api.Tensor;
                final class OldLoss implements org.djx.api.spi.Loss {
                    public double evaluate(Tensor predictions, Tensor targets) { return 0.0; }
                }
                """);
        old.remove("module-info.java");
        Path oldClasses = PluginJars.javac(PluginJars.write(work.resolve("old-src"), old), work.resolve("old-classes"));
        PluginJars.write(oldClasses, Map.of("META-INF/services/org.djx.api.spi.LossFactory", "old.OldLossFactory\n"));
        PluginJars.jar(oldClasses, folder.resolve("old-api-1.0.jar"), name -> !name.startsWith("org/"));

        listing = Launcher.djx("plugins", "--plugin-path", folder.toString());
    }

    /**
     * The part of an api that the stand-in plugins compile against: {@code current} gives Loss today's
     * four-argument evaluate, otherwise an older two-argument one.
     */
    static Map<String, String> standInApi(boolean current) {
        return Map.of(
                "module-info.java", "module org.djx.api { exports org.djx.api; exports org.djx.api.spi; }",
                "org/djx/api/Tensor.java", "package org.djx.api;\npublic final class Tensor { private Tensor() { } }\n",
                "org/djx/api/spi/Plugin.java", "package org.djx.api.spi;\npublic interface Plugin { String name(); String description(); }\n",
                "org/djx/api/spi/Config.java", "package org.djx.api.spi;\npublic interface Config { }\n",
                "org/djx/api/spi/LossFactory.java", "package org.djx.api.spi;\npublic interface LossFactory extends Plugin { Loss create(Config config); }\n",
                "org/djx/api/spi/Loss.java", "package org.djx.api.spi;\nimport org.djx.api.Tensor;\npublic interface Loss {\n"
                        + (current ? "    double evaluate(Tensor predictions, Tensor targets, Tensor weights, Tensor gradient);\n"
                                : "    double evaluate(Tensor predictions, Tensor targets);\n") + "}\n");
    }

    private static String problem(String jar) {
        String prefix = "  " + folder.resolve(jar) + ": ";
        return listing.err().lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                .findFirst().orElseThrow(() -> new AssertionError("no problem reported for " + jar + " in:\n" + listing.err()));
    }

    @Test
    void aJarThatIsNotAZipIsReportedAsSuch() {
        assertThat(problem("not-a-jar.jar"))
                .isEqualTo("is not a zip archive (it begins with '<html><body>404 Not Foun...'); a plugin jar is one zip"
                        + " archive, as 'jar' or Maven builds it, so this may be a web page or an error message saved under"
                        + " the jar's name: replace it with the plugin's jar, or remove it; the plugin was not loaded");
    }

    @Test
    void aPlainJarWhoseFileNameIsNoModuleNameSaysHowToRenameIt() {
        assertThat(problem("int-ops.jar"))
                .isEqualTo("is a plain jar (no module-info.class, no Automatic-Module-Name in its manifest), so Java derives"
                        + " its module name from the file name: 'int-ops.jar' gives 'int.ops', which is not a valid module"
                        + " name ('int' is not a Java identifier); rename the jar (for example to 'intops.jar'), add"
                        + " 'Automatic-Module-Name: com.example.intops' to its manifest, or give it a module-info; the"
                        + " plugin was not loaded");
    }

    @Test
    void aProviderWhoseConstructorThrowsIsReportedWithTheException() {
        assertThat(problem("throws-in-constructor.jar"))
                .isEqualTo("layer provider test.throwing.ThrowingLayerFactory could not be created: its constructor threw"
                        + " java.lang.IllegalStateException: no licence key in LICENSE_KEY; the other plugins are unaffected");
    }

    @Test
    void aPluginBuiltAgainstApi01IsRefusedAtLoadTimeNamingBothVersions() {
        assertThat(problem("api-0.1-plugin.jar"))
                .isEqualTo("was built against djx-api 0.1.0 (module test.api01 requires org.djx.api@0.1.0), but this djx"
                        + " runs djx-api 0.2.0 (before 1.0 a new minor version of the api may break plugins); rebuild the"
                        + " plugin against djx-api 0.2.0; it was not loaded");
    }

    @Test
    void aPluginThatDeclaresNoProviderSaysWhereToDeclareThem() {
        assertThat(problem("no-providers.jar"))
                .startsWith("declares no djx plugin: no module in it provides org.djx.api.spi.LayerFactory,")
                .contains("a plugin jar with a module-info declares 'provides org.djx.api.spi.LayerFactory with ...;'"
                        + " there (its META-INF/services files are ignored on the module path)");
    }

    @Test
    void aServicesFileNamingAMissingClassIsReported() {
        assertThat(problem("missing-provider.jar"))
                .isEqualTo("lists the provider class gone.GoneLossFactory in META-INF/services, but the jar does not"
                        + " contain it; correct the class name in the services file or add the class; the plugin was not loaded");
    }

    @Test
    void aPluginFolderWhoseJarsShareAPackageIsReportedNamingTheJars() {
        assertThat(problem("split"))
                .startsWith("cannot be loaded as a module: ")
                .contains("package split.shared")
                .endsWith(" (in split/: split.one is split-one.jar, split.two is split-two.jar); the plugin was not loaded");
    }

    @Test
    void aPluginFolderBundlingDjxsApiIsToldToLeaveItOut() {
        assertThat(problem("bundles-api"))
                .isEqualTo("bundles djx's own module 'org.djx.api', which djx loads from " + PluginJars.apiJar()
                        + "; a plugin gets it from djx: give that dependency Maven scope 'provided' and leave its jar"
                        + " out; the plugin was not loaded");
    }

    @Test
    void twoPluginsWithTheSameNameAreBothUnusableAndTheProblemNamesBothJars() {
        assertThat(problem("twin-b.jar"))
                .isEqualTo("the loss name 'twin' is claimed by 2 plugins: test.twin.a.TwinLossFactory in test.twin.a 1.0 ("
                        + folder.resolve("twin-a.jar") + ") and test.twin.b.TwinLossFactory in test.twin.b 1.0 ("
                        + folder.resolve("twin-b.jar") + "); remove one of them to use the name");
        assertThat(listing.out()).doesNotContainPattern("(?m)^loss\\s+twin\\s");
    }

    @Test
    void brokenPluginsStopNeitherTheBuiltInsNorTheWorkingPluginsBesideThem() {
        assertThat(listing.exitCode()).isZero();
        assertThat(listing.err()).startsWith("9 plugin problems (the plugins above are unaffected):");
        assertThat(listing.out())
                .containsPattern("(?m)^layer\\s+times-two\\s+test\\.good\\s+1\\.0\\s+" + Pattern.quote(folder.resolve("good.jar").toString()) + "$")
                .containsPattern("(?m)^loss\\s+old-loss\\s+old\\.api\\s+1\\.0\\s+" + Pattern.quote(folder.resolve("old-api-1.0.jar").toString()) + "$")
                .containsPattern("(?m)^layer\\s+linear\\s+org\\.djx\\.plugins\\.nn\\s")
                .containsPattern("(?m)^dataset\\s+kaggle-house\\s")
                .contains("26 built in, 2 dropped in; plugin folders: ");
    }

    @Test
    void anExperimentThatUsesNoBrokenPluginRunsAndWarnsAboutTheBrokenOnes(@TempDir Path dir) throws Exception {
        Path file = PluginJars.write(dir, Map.of("double.json", """
                {
                  "task": "forward",
                  "model": { "inputs": 2, "layers": [ { "type": "times-two", "name": "Y" } ] },
                  "data": { "inputs": [[1.0, 0.25]] }
                }
                """)).resolve("double.json");

        Launcher.Result r = Launcher.djx("run", file.toString(), "--plugin-path", folder.toString(), "--out", dir.resolve("run").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Y = [2, 0.5]");
        // The dropped-in layers were created to find 'times-two', the dropped-in losses were not needed: the
        // broken layer is among the warnings, the two losses claiming one name are not.
        assertThat(r.err()).startsWith("warning: 8 plugin problems; experiments that do not use those plugins are unaffected")
                .contains(folder.resolve("not-a-jar.jar") + ": is not a zip archive")
                .contains(folder.resolve("throws-in-constructor.jar") + ": layer provider test.throwing.ThrowingLayerFactory"
                        + " could not be created")
                .doesNotContain("'twin'");
    }

    @Test
    void anExperimentUsingTheDuplicateNameFailsNamingBothJars(@TempDir Path dir) throws Exception {
        Path file = PluginJars.write(dir, Map.of("twin.json", """
                {
                  "task": "train",
                  "model": { "inputs": 1, "layers": [ { "type": "linear", "outputs": 1 } ] },
                  "data": { "inputs": [[1.0]], "targets": [[2.0]] },
                  "loss": { "type": "twin" },
                  "optimizer": { "type": "sgd", "lr": 0.1 },
                  "training": { "epochs": 1 }
                }
                """)).resolve("twin.json");

        Launcher.Result r = Launcher.djx("validate", file.toString(), "--plugin-path", folder.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(file + ":5:")
                .contains("$.loss.type")
                .contains("the loss name 'twin' is claimed by 2 plugins")
                .contains(folder.resolve("twin-a.jar").toString(), folder.resolve("twin-b.jar").toString())
                .doesNotContain("\tat ");
    }

    @Test
    void aPluginBuiltAgainstAnOlderApiFailsWhenCalledSayingToRebuildIt(@TempDir Path dir) throws Exception {
        Path file = PluginJars.write(dir, Map.of("old.json", """
                {
                  "task": "train",
                  "model": { "inputs": 1, "layers": [ { "type": "linear", "outputs": 1 } ] },
                  "data": { "inputs": [[1.0]], "targets": [[2.0]] },
                  "loss": { "type": "old-loss" },
                  "optimizer": { "type": "sgd", "lr": 0.1 },
                  "training": { "epochs": 1 }
                }
                """)).resolve("old.json");

        Launcher.Result r = Launcher.djx("run", file.toString(), "--plugin-path", folder.toString(), "--out", dir.resolve("run").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("loss plugin 'old-loss' from old.api 1.0 (" + folder.resolve("old-api-1.0.jar")
                        + ") does not fit this djx: evaluate failed with java.lang.AbstractMethodError")
                .contains("it was most likely built against another djx-api and this djx runs djx-api 0.2.0: rebuild the"
                        + " plugin against djx-api 0.2.0")
                .doesNotContain("\tat ")
                .doesNotContain("internal error");
        assertThat(Files.readString(dir.resolve("run/status.json"))).contains("FAILED");
    }
}
