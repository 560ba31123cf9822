package org.djx.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.djx.api.spi.Plugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link ModuleRules} against the module jars as they ship, in {@code target/djx/lib}, which
 * the build lays out before the tests run.
 */
class ModuleJarsTests {
    private static final Path LIB = Path.of(System.getProperty("basedir", "")).resolve("target/djx/lib");

    private static List<ModuleJar> jars;

    @BeforeAll
    static void readTheDjxJars() {
        assertThat(LIB).as("the distribution's lib folder; 'mvn verify' lays it out before the tests").isDirectory();
        jars = ModuleJar.readDjxJars(LIB);
    }

    @Test
    void distributionShipsTheApiTheEngineAndTheBuiltInPlugins() {
        assertThat(jars).extracting(ModuleJar::name).containsExactlyInAnyOrder(
                "org.djx.api", "org.djx.engine", "org.djx.plugins.nn", "org.djx.plugins.init", "org.djx.plugins.optim", "org.djx.plugins.csv");
    }

    @Test
    void everyPackageStartsWithItsModulesName() {
        assertNoProblems(ModuleRules::packagesStartWithTheModuleName);
    }

    @Test
    void pluginsExportNothing() {
        assertNoProblems(ModuleRules::pluginsExportNothing);
    }

    @Test
    void pluginsRequireTheApiAndNoOtherDjxModule() {
        assertNoProblems(ModuleRules::pluginsRequireTheApiAndNoOtherDjxModule);
    }

    @Test
    void apiRequiresTheJdkAloneAndExportsEachOfItsPackages() {
        assertThat(jars).extracting(ModuleJar::name).contains(ModuleRules.API_MODULE);
        assertNoProblems(ModuleRules::apiRequiresTheJdkAloneAndExportsEachOfItsPackages);
    }

    @Test
    void providesAndServiceFilesListTheSameProvidersInTheSameOrder() {
        assertThat(plugins()).allSatisfy(plugin -> assertThat(plugin.serviceFiles()).isNotEmpty());
        assertNoProblems(ModuleRules::providesMatchTheServiceFiles);
    }

    @Test
    void engineUsesEveryServiceThePluginsProvide() {
        ModuleJar engine = jars.stream().filter(j -> j.name().equals("org.djx.engine")).findFirst().orElseThrow();
        assertThat(ModuleRules.theEngineUsesEveryServiceThePluginsProvide(engine, plugins())).isEmpty();
    }

    @Test
    void everyProviderClassIsDeclaredByAPluginModule() {
        Set<String> providers = ProductionClasses.get().stream()
                .filter(JavaClass.Predicates.implement(Plugin.class))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
        assertThat(providers).isNotEmpty();
        assertThat(ModuleRules.everyProviderIsDeclared(providers, plugins())).isEmpty();
    }

    private static List<ModuleJar> plugins() {
        List<ModuleJar> plugins = jars.stream().filter(ModuleJar::isPlugin).collect(Collectors.toList());
        assertThat(plugins).isNotEmpty();
        return plugins;
    }

    private static void assertNoProblems(Function<ModuleJar, List<String>> check) {
        assertThat(jars).isNotEmpty();
        List<String> problems = jars.stream().flatMap(jar -> check.apply(jar).stream()).collect(Collectors.toList());
        assertThat(problems).isEmpty();
    }
}
