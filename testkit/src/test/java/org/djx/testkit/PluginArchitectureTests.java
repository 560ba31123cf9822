package org.djx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.djx.api.spi.Plugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The architecture rules for plugin authors, each shown holding for a plugin that keeps it and failing
 * on one that breaks it. Fixtures are test classes in {@code org.djx.testkit.archfixture}; their
 * registrations are in this module's test resources. The registration check runs on a small plugin
 * compiled here, with and without its module-info {@code provides}.
 */
class PluginArchitectureTests {
    private static final String GOOD = "org.djx.testkit.archfixture.good";
    private static final String BAD = "org.djx.testkit.archfixture.bad";

    private static JavaClasses good;
    private static JavaClasses bad;

    /** The compiled plugin, with both losses in 'provides', with the first alone, and with no module-info. */
    private static Path providingBoth;
    private static Path providingFirst;
    private static Path plain;

    @BeforeAll
    static void importFixturesAndCompileThePlugin(@TempDir Path shared) throws Exception {
        good = new ClassFileImporter().importPackages(GOOD);
        bad = new ClassFileImporter().importPackages(BAD);
        providingBoth = compile(shared.resolve("both"), "fixture.plugin.FirstLoss, fixture.plugin.SecondLoss");
        providingFirst = compile(shared.resolve("first"), "fixture.plugin.FirstLoss");
        plain = copy(providingFirst, shared.resolve("plain"));
        Files.delete(plain.resolve("module-info.class"));
    }

    @Test
    void aPluginUsingTheJdkTheApiAndItselfKeepsTheDependencyRule() {
        PluginArchitecture.dependsOnlyOnTheJdkTheApiAndItsLibraries(GOOD).check(good);
    }

    @Test
    void aPluginUsingAnUnlistedPackageBreaksTheDependencyRule() {
        EvaluationResult result = PluginArchitecture.dependsOnlyOnTheJdkTheApiAndItsLibraries(BAD).evaluate(bad);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains(BAD + ".ReachesIntoTheKit").contains(Quadratic.class.getName()));
    }

    @Test
    void aLibraryThePluginNamesIsAllowed() {
        PluginArchitecture.dependsOnlyOnTheJdkTheApiAndItsLibraries(BAD, "org.djx.testkit").check(bad);
    }

    @Test
    void theDependencyRuleFailsWhenThePackageHoldsNoClass() {
        assertThatThrownBy(() -> PluginArchitecture.dependsOnlyOnTheJdkTheApiAndItsLibraries("com.example.misspelt").check(good))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    @Test
    void publicFinalProvidersWithAPublicNoArgumentConstructorKeepTheProviderRule() {
        PluginArchitecture.providersArePublicFinalWithAPublicNoArgumentConstructor().check(good);
    }

    @Test
    void aNonFinalProviderOrOneWithoutANoArgumentConstructorBreaksTheProviderRule() {
        EvaluationResult result = PluginArchitecture.providersArePublicFinalWithAPublicNoArgumentConstructor().evaluate(bad);

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains(BAD + ".NonFinalLayerFactory").contains("FINAL"))
                .anySatisfy(d -> assertThat(d).contains(BAD + ".NoDefaultConstructorLossFactory> has no public no-argument constructor"));
    }

    @Test
    void kebabCaseUniqueNamesPass() {
        assertThatCode(() -> PluginArchitecture.checkNames(GOOD)).doesNotThrowAnyException();
    }

    @Test
    void badNamesDuplicatesReservedKeysAndUncreatableProvidersAreAllReported() {
        assertThatThrownBy(() -> PluginArchitecture.checkNames(BAD))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("the plugin in " + BAD + " breaks djx's naming rules:")
                .hasMessageContaining("optimizer provider " + BAD + ".BadlyNamedOptimizerFactory is named 'RmsProp', which is not kebab-case")
                .hasMessageContaining("optimizer provider " + BAD + ".SecondTwinOptimizerFactory is named 'twin' like "
                        + BAD + ".FirstTwinOptimizerFactory")
                .hasMessageContaining("layer provider " + BAD + ".NonFinalLayerFactory declares the parameter 'name', which the engine reads itself")
                .hasMessageContaining(BAD + ".NoDefaultConstructorLossFactory");
    }

    @Test
    void aPackageWithoutRegisteredProvidersFailsTheNameCheck() {
        assertThatThrownBy(() -> PluginArchitecture.checkNames("com.example.misspelt"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ServiceLoader finds no provider in package com.example.misspelt");
    }

    @Test
    void importPluginRefusesAPackageWithoutClasses() {
        assertThatThrownBy(() -> PluginArchitecture.importPlugin("com.example.misspelt"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no production class found in package com.example.misspelt");
    }

    /** A compiled plugin with two losses; {@code provides} names {@code providers} of them. */
    private static Path compile(Path dir, String providers) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/fixture/plugin"));
        Files.writeString(dir.resolve("src/module-info.java"), "module fixture.plugin {\n  requires org.djx.api;\n"
                + (providers.isEmpty() ? "" : "  provides org.djx.api.spi.LossFactory with " + providers + ";\n") + "}\n");
        for (String name : List.of("FirstLoss", "SecondLoss")) {
            Files.writeString(src.resolve(name + ".java"), "package fixture.plugin;\n"
                    + "public final class " + name + " implements org.djx.api.spi.LossFactory {\n"
                    + "  public String name() { return \"" + name.toLowerCase() + "\"; }\n"
                    + "  public String description() { return \"x\"; }\n"
                    + "  public org.djx.api.spi.Loss create(org.djx.api.spi.Config c) { return null; }\n}\n");
        }
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<String> files;
        try (Stream<Path> all = Files.walk(dir.resolve("src"))) {
            files = all.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
                "--module-path", apiLocation().toString()));
        args.addAll(files);
        int status = javac.run(null, log, log, args.toArray(new String[0]));
        assertThat(status).as(log.toString()).isZero();
        return classes;
    }

    private static Path apiLocation() throws URISyntaxException {
        return Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted().toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
        return to;
    }

    private static void services(Path classes, String... providers) throws IOException {
        Path file = Files.createDirectories(classes.resolve("META-INF/services")).resolve("org.djx.api.spi.LossFactory");
        Files.writeString(file, "# the losses\n" + String.join("\n", providers) + "\n");
    }

    @Test
    void providersRegisteredInBothPlacesPassTheRegistrationCheck(@TempDir Path dir) throws Exception {
        Path classes = copy(providingBoth, dir.resolve("classes"));
        services(classes, "fixture.plugin.SecondLoss", "fixture.plugin.FirstLoss");

        assertThatCode(() -> PluginArchitecture.checkRegistrations(new ClassFileImporter().importPath(classes)))
                .doesNotThrowAnyException();
    }

    @Test
    void theRegistrationCheckReadsAJarToo(@TempDir Path dir) throws Exception {
        Path classes = copy(providingFirst, dir.resolve("classes"));
        services(classes, "fixture.plugin.FirstLoss");
        Path jar = dir.resolve("plugin.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> all = Files.walk(classes)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(p));
                zip.closeEntry();
            }
        }

        try (JarFile file = new JarFile(jar.toFile())) {
            JavaClasses classesInJar = new ClassFileImporter().importJar(file);

            assertThatThrownBy(() -> PluginArchitecture.checkRegistrations(classesInJar))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(jar.toString())
                    .hasMessageContaining("fixture.plugin.SecondLoss is not listed in META-INF/services/org.djx.api.spi.LossFactory")
                    .hasMessageContaining("fixture.plugin.SecondLoss is not declared in module-info");
        }
    }

    @Test
    void aProviderMissingFromModuleInfoIsInvisibleToDjxAndReported(@TempDir Path dir) throws Exception {
        Path classes = copy(providingFirst, dir.resolve("classes"));
        services(classes, "fixture.plugin.FirstLoss", "fixture.plugin.SecondLoss");

        assertThatThrownBy(() -> PluginArchitecture.checkRegistrations(new ClassFileImporter().importPath(classes)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("disagree")
                .hasMessageContaining("fixture.plugin.SecondLoss is not declared in module-info: 'provides"
                        + " org.djx.api.spi.LossFactory with fixture.plugin.SecondLoss;'; djx loads plugins as modules")
                .hasMessageNotContaining("FirstLoss is not");
    }

    @Test
    void aProviderMissingFromTheServicesFileIsReported(@TempDir Path dir) throws Exception {
        Path classes = copy(providingBoth, dir.resolve("classes"));
        services(classes, "fixture.plugin.FirstLoss", "fixture.plugin.NoSuchLoss");

        assertThatThrownBy(() -> PluginArchitecture.checkRegistrations(new ClassFileImporter().importPath(classes)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("fixture.plugin.SecondLoss is not listed in META-INF/services/org.djx.api.spi.LossFactory")
                .hasMessageContaining("META-INF/services/org.djx.api.spi.LossFactory lists fixture.plugin.NoSuchLoss, which is"
                        + " not a concrete LossFactory");
    }

    @Test
    void aPlainJarPluginNeedsOnlyItsServicesFile(@TempDir Path dir) throws Exception {
        Path classes = copy(plain, dir.resolve("classes"));
        services(classes, "fixture.plugin.FirstLoss", "fixture.plugin.SecondLoss");

        assertThatCode(() -> PluginArchitecture.checkRegistrations(new ClassFileImporter().importPath(classes)))
                .doesNotThrowAnyException();
    }
}
