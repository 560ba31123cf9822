package org.djx.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.djx.api.archfixture.ApiReachingIntoTheEngine;
import org.djx.api.archfixture.ApiUsingJackson;
import org.djx.api.archfixture.StandaloneException;
import org.djx.archfixture.chicken.Chicken;
import org.djx.archfixture.egg.Egg;
import org.djx.engine.archfixture.Harmless;
import org.djx.plugins.init.archfixture.NonFinalProvider;
import org.djx.plugins.init.archfixture.ProviderHolder;
import org.djx.plugins.init.archfixture.ProviderWithoutNoArgConstructor;
import org.djx.plugins.init.archfixture.WellFormedProvider;
import org.djx.plugins.optim.archfixture.PublicHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shows that each of {@link ArchitectureRules} fails on a deliberate violation, and holds for its
 * counterpart that keeps it, so that none of them passes {@link ArchitectureTests} vacuously.
 *
 * <p>The fixtures live in packages that the rules select ({@code org.djx.api.archfixture},
 * {@code org.djx.plugins.nn.archfixture}, ...) but among the test classes, which the production import
 * leaves out. Each test hands a rule only the fixtures it names. Fixtures that are not public are
 * named by their class name.
 */
class ArchitectureRulesFailTests {
    private static final class Fixtures {
        static final JavaClasses ALL = new ClassFileImporter().importPackages(
                "org.djx.archfixture",
                "org.djx.api.archfixture",
                "org.djx.engine.archfixture",
                "org.djx.engine.cli.archfixture",
                "org.djx.engine.run.archfixture",
                "org.djx.engine.serving.archfixture",
                "org.djx.spark.archfixture",
                "org.djx.engine.train.archfixture",
                "org.djx.engine.plugin.archfixture",
                "org.djx.plugins.init.archfixture",
                "org.djx.plugins.nn.archfixture",
                "org.djx.plugins.optim.archfixture");
    }

    @ParameterizedTest
    @ValueSource(classes = {ApiUsingJackson.class, ApiReachingIntoTheEngine.class})
    void apiDependingOnALibraryOrTheEngineFails(Class<?> fixture) {
        assertViolatedBy(ArchitectureRules.API_DEPENDS_ON_THE_JDK_ALONE, fixture.getName(), fixture.getName());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "org.djx.plugins.nn.archfixture.ReachesIntoEngine",
            "org.djx.plugins.init.archfixture.BorrowsFromAnotherPlugin",
            "org.djx.plugins.optim.archfixture.UsesJackson"})
    void pluginReachingIntoTheEngineAnotherPluginOrAnUnlistedLibraryFails(String fixture) {
        assertViolatedBy(ArchitectureRules.PLUGINS_SEE_ONLY_THE_JDK_THE_API_AND_THEIR_OWN_LIBRARIES, fixture, fixture);
    }

    @Test
    void pluginMayUseTheLibrariesListedForItAndNoOtherPlugin() {
        String fixture = "org.djx.plugins.optim.archfixture.UsesJackson";
        assertHolds(ArchitectureRules.pluginsSeeOnlyTheJdkTheApiAndTheirOwnLibraries(
                Map.of("optim", List.of("com.fasterxml.jackson.."))), fixture);
        assertViolatedBy(ArchitectureRules.pluginsSeeOnlyTheJdkTheApiAndTheirOwnLibraries(
                Map.of("nn", List.of("com.fasterxml.jackson.."))), fixture, fixture);
    }

    @Test
    void pluginDependingOnTheApiAndItselfHolds() {
        assertHolds(ArchitectureRules.PLUGINS_SEE_ONLY_THE_JDK_THE_API_AND_THEIR_OWN_LIBRARIES,
                WellFormedProvider.class.getName(), PublicHelper.class.getName());
    }

    @Test
    void engineCreatingAPluginDirectlyFails() {
        String fixture = "org.djx.engine.archfixture.CreatesAPluginDirectly";
        assertViolatedBy(ArchitectureRules.ENGINE_NEVER_DEPENDS_ON_A_PLUGIN, fixture, fixture);
    }

    @Test
    void packagesDependingOnEachOtherFail() {
        assertViolatedBy(ArchitectureRules.PACKAGES_ARE_FREE_OF_CYCLES, Chicken.class.getName(),
                Chicken.class.getName(), Egg.class.getName());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "org.djx.engine.archfixture.FindsServicesItself",
            "org.djx.engine.archfixture.WalksTheBootLayer",
            "org.djx.engine.archfixture.FindsModulesItself"})
    void serviceLoaderModuleLayerOrModuleFinderOutsidePluginLoadingFails(String fixture) {
        assertViolatedBy(ArchitectureRules.ONLY_PLUGIN_LOADING_TOUCHES_SERVICES_AND_MODULE_LAYERS, fixture, fixture);
    }

    @Test
    void serviceLoaderModuleLayerAndModuleFinderInPluginLoadingHold() {
        assertHolds(ArchitectureRules.ONLY_PLUGIN_LOADING_TOUCHES_SERVICES_AND_MODULE_LAYERS,
                "org.djx.engine.plugin.archfixture.LoadsServices", Harmless.class.getName());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "org.djx.plugins.init.archfixture.NonFinalProvider",
            "org.djx.plugins.init.archfixture.PackagePrivateProvider",
            "org.djx.plugins.init.archfixture.ProviderHolder$NestedProvider",
            "org.djx.plugins.init.archfixture.ProviderWithoutNoArgConstructor"})
    void providerThatIsNotPublicFinalTopLevelAndConstructibleWithoutArgumentsFails(String fixture) {
        assertViolatedBy(ArchitectureRules.PROVIDERS_ARE_PUBLIC_FINAL_TOP_LEVEL_WITH_A_PUBLIC_NO_ARG_CONSTRUCTOR,
                fixture, fixture);
    }

    @Test
    void wellFormedProviderHolds() {
        assertHolds(ArchitectureRules.PROVIDERS_ARE_PUBLIC_FINAL_TOP_LEVEL_WITH_A_PUBLIC_NO_ARG_CONSTRUCTOR,
                WellFormedProvider.class.getName());
    }

    @Test
    void providerRuleThatFindsNoProviderFails() {
        JavaClasses noProviders = fixtures(Harmless.class.getName(), ProviderHolder.class.getName());
        assertThatThrownBy(() -> ArchitectureRules.PROVIDERS_ARE_PUBLIC_FINAL_TOP_LEVEL_WITH_A_PUBLIC_NO_ARG_CONSTRUCTOR
                .evaluate(noProviders))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "org.djx.engine.archfixture.PrintsToStdout",
            "org.djx.engine.archfixture.WritesToStderr",
            "org.djx.engine.archfixture.PrintsStackTrace"})
    void writingToTheConsoleOutsideTheLauncherFails(String fixture) {
        assertViolatedBy(ArchitectureRules.ONLY_THE_LAUNCHER_WRITES_TO_THE_CONSOLE, fixture, fixture);
    }

    @Test
    void writingToTheConsoleFromTheLauncherHolds() {
        assertHolds(ArchitectureRules.ONLY_THE_LAUNCHER_WRITES_TO_THE_CONSOLE,
                "org.djx.engine.cli.archfixture.PrintsFromTheLauncher", Harmless.class.getName());
    }

    @Test
    void creatingABareRuntimeExceptionFails() {
        String fixture = "org.djx.engine.archfixture.ThrowsABareRuntimeException";
        assertViolatedBy(ArchitectureRules.NO_CLASS_CREATES_A_BARE_EXCEPTION, fixture, fixture);
    }

    @Test
    void subclassCallingTheRuntimeExceptionConstructorHolds() {
        assertHolds(ArchitectureRules.NO_CLASS_CREATES_A_BARE_EXCEPTION, StandaloneException.class.getName());
    }

    @Test
    void exceptionThatIsNotADjxExceptionFails() {
        assertViolatedBy(ArchitectureRules.EXCEPTIONS_DJX_DEFINES_ARE_DJX_EXCEPTIONS,
                StandaloneException.class.getName(), StandaloneException.class.getName());
    }

    @Test
    void publicPluginClassThatIsNotAProviderFails() {
        assertViolatedBy(ArchitectureRules.PLUGIN_CLASSES_OTHER_THAN_PROVIDERS_ARE_NOT_PUBLIC,
                PublicHelper.class.getName(), PublicHelper.class.getName(), WellFormedProvider.class.getName(),
                NonFinalProvider.class.getName(), ProviderWithoutNoArgConstructor.class.getName());
    }

    @Test
    void computationReadingTheFileFormatFails() {
        String fixture = "org.djx.engine.train.archfixture.ReadsTheExperimentFile";
        assertViolatedBy(ArchitectureRules.COMPUTATION_NEVER_READS_THE_FILE_FORMAT, fixture, fixture);
    }

    @Test
    void computationUsingComputationHolds() {
        assertHolds(ArchitectureRules.COMPUTATION_NEVER_READS_THE_FILE_FORMAT,
                "org.djx.engine.train.archfixture.TrainsOnly");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "org.djx.engine.run.archfixture.NamesATask",
            "org.djx.engine.train.archfixture.ReachesUpToATask"})
    void theRunnerOrTrainingNamingATaskFails(String fixture) {
        assertViolatedBy(ArchitectureRules.ONLY_THE_LAUNCHER_NAMES_THE_TASKS, fixture, fixture);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "org.djx.engine.train.archfixture.TakesATaskContext",
            "org.djx.engine.train.archfixture.ReachesUpToATask"})
    void computationDependingOnTheTasksFails(String fixture) {
        assertViolatedBy(ArchitectureRules.THE_COMPUTATION_SITS_BELOW_THE_TASKS, fixture, fixture);
    }

    @Test
    void computationUsingComputationSitsBelowTheTasks() {
        assertHolds(ArchitectureRules.THE_COMPUTATION_SITS_BELOW_THE_TASKS, "org.djx.engine.train.archfixture.TrainsOnly");
    }

    @Test
    void theLauncherRegisteringTheTasksHolds() {
        assertHolds(ArchitectureRules.ONLY_THE_LAUNCHER_NAMES_THE_TASKS,
                "org.djx.engine.cli.archfixture.RegistersTheTasks", "org.djx.engine.train.archfixture.TrainsOnly");
    }

    @Test
    void servingThatReachesTheCommandLineFails() {
        String fixture = "org.djx.engine.serving.archfixture.ParsesTheCommandLine";
        assertViolatedBy(ArchitectureRules.SERVING_IS_FREE_OF_THE_LAUNCHER, fixture, fixture);
    }

    @Test
    void servingThatServesHolds() {
        assertHolds(ArchitectureRules.SERVING_IS_FREE_OF_THE_LAUNCHER, "org.djx.engine.serving.archfixture.PredictsOnly");
    }

    @Test
    void theEngineNamingSparkFails() {
        String fixture = "org.djx.engine.archfixture.StartsSpark";
        assertViolatedBy(ArchitectureRules.ONLY_THE_SPARK_EXECUTOR_NAMES_SPARK, fixture, fixture);
    }

    @Test
    void theSparkExecutorNamingSparkHolds() {
        // With an engine class that leaves Spark alone, for the rule to have a class outside the executor to check.
        assertHolds(ArchitectureRules.ONLY_THE_SPARK_EXECUTOR_NAMES_SPARK, "org.djx.spark.archfixture.SubmitsToSpark",
                "org.djx.engine.serving.archfixture.PredictsOnly");
    }

    /**
     * Returns exactly the named fixture classes. The fixture packages are imported once, which saves
     * resolving the same JDK classes again for every test; the rule then sees only the named classes.
     */
    private static JavaClasses fixtures(String... classNames) {
        Set<String> names = Set.of(classNames);
        JavaClasses classes = Fixtures.ALL.that(DescribedPredicate.describe("one of " + names, c -> names.contains(c.getName())));
        assertThat(classes).extracting(JavaClass::getName).containsExactlyInAnyOrder(classNames);
        return classes;
    }

    private static void assertViolatedBy(ArchRule rule, String culprit, String... classNames) {
        EvaluationResult result = rule.evaluate(fixtures(classNames));
        assertThat(result.hasViolation())
                .as("rule '%s' on %s", rule.getDescription(), List.of(classNames))
                .isTrue();
        assertThat(result.getFailureReport().getDetails())
                .as("violations of '%s'", rule.getDescription())
                .anySatisfy(detail -> assertThat(detail).contains(culprit));
    }

    private static void assertHolds(ArchRule rule, String... classNames) {
        EvaluationResult result = rule.evaluate(fixtures(classNames));
        assertThat(result.getFailureReport().getDetails())
                .as("violations of '%s' on %s", rule.getDescription(), List.of(classNames))
                .isEmpty();
    }
}
