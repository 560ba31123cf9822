package org.djx.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link ArchitectureRules} against the production classes of every djx module.
 *
 * <p>{@link ArchitectureRulesFailTests} shows each rule failing on a deliberate violation.
 */
class ArchitectureTests {
    private static final JavaClasses PRODUCTION = ProductionClasses.get();

    /** 110 classes when written; well below that means the import is missing a module. */
    private static final int MINIMUM_CLASS_COUNT = 90;

    @Test
    void importsEveryModulesProductionClassesAndNoTestClass() {
        Set<String> packages = PRODUCTION.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        assertThat(PRODUCTION.size()).as("production classes imported").isGreaterThan(MINIMUM_CLASS_COUNT);
        assertThat(packages).contains(
                "org.djx.api", "org.djx.api.spi", "org.djx.api.data",
                "org.djx.engine.cli", "org.djx.engine.experiment", "org.djx.engine.json", "org.djx.engine.model",
                "org.djx.engine.plugin", "org.djx.engine.random", "org.djx.engine.run", "org.djx.engine.tensor",
                "org.djx.engine.train",
                "org.djx.plugins.nn", "org.djx.plugins.init", "org.djx.plugins.optim", "org.djx.plugins.csv", "org.djx.spark");
        assertThat(packages).allSatisfy(p -> assertThat(p).doesNotContain("archfixture").doesNotStartWith("org.djx.distribution"));
    }

    @Test
    void onlyTheSparkExecutorNamesSpark() {
        ArchitectureRules.ONLY_THE_SPARK_EXECUTOR_NAMES_SPARK.check(PRODUCTION);
    }

    @Test
    void apiDependsOnTheJdkAlone() {
        ArchitectureRules.API_DEPENDS_ON_THE_JDK_ALONE.check(PRODUCTION);
    }

    @Test
    void pluginsSeeOnlyTheJdkTheApiAndTheirOwnLibraries() {
        ArchitectureRules.PLUGINS_SEE_ONLY_THE_JDK_THE_API_AND_THEIR_OWN_LIBRARIES.check(PRODUCTION);
    }

    @Test
    void engineNeverDependsOnAPlugin() {
        ArchitectureRules.ENGINE_NEVER_DEPENDS_ON_A_PLUGIN.check(PRODUCTION);
    }

    @Test
    void packagesAreFreeOfCycles() {
        ArchitectureRules.PACKAGES_ARE_FREE_OF_CYCLES.check(PRODUCTION);
    }

    @Test
    void onlyPluginLoadingTouchesServiceLoaderModuleLayersAndModuleResolution() {
        ArchitectureRules.ONLY_PLUGIN_LOADING_TOUCHES_SERVICES_AND_MODULE_LAYERS.check(PRODUCTION);
    }

    @Test
    void providersArePublicFinalTopLevelWithAPublicNoArgumentConstructor() {
        ArchitectureRules.PROVIDERS_ARE_PUBLIC_FINAL_TOP_LEVEL_WITH_A_PUBLIC_NO_ARG_CONSTRUCTOR.check(PRODUCTION);
    }

    @Test
    void onlyTheLauncherWritesToTheConsole() {
        ArchitectureRules.ONLY_THE_LAUNCHER_WRITES_TO_THE_CONSOLE.check(PRODUCTION);
    }

    @Test
    void noClassCreatesABareException() {
        ArchitectureRules.NO_CLASS_CREATES_A_BARE_EXCEPTION.check(PRODUCTION);
    }

    @Test
    void exceptionsDjxDefinesAreDjxExceptions() {
        ArchitectureRules.EXCEPTIONS_DJX_DEFINES_ARE_DJX_EXCEPTIONS.check(PRODUCTION);
    }

    @Test
    void pluginClassesOtherThanProvidersAreNotPublic() {
        ArchitectureRules.PLUGIN_CLASSES_OTHER_THAN_PROVIDERS_ARE_NOT_PUBLIC.check(PRODUCTION);
    }

    @Test
    void computationNeverReadsTheFileFormat() {
        ArchitectureRules.COMPUTATION_NEVER_READS_THE_FILE_FORMAT.check(PRODUCTION);
    }

    @Test
    void onlyTheLauncherNamesTheTasks() {
        ArchitectureRules.ONLY_THE_LAUNCHER_NAMES_THE_TASKS.check(PRODUCTION);
    }

    @Test
    void servingIsFreeOfTheLauncher() {
        ArchitectureRules.SERVING_IS_FREE_OF_THE_LAUNCHER.check(PRODUCTION);
    }

    @Test
    void theComputationSitsBelowTheTasks() {
        ArchitectureRules.THE_COMPUTATION_SITS_BELOW_THE_TASKS.check(PRODUCTION);
    }
}
