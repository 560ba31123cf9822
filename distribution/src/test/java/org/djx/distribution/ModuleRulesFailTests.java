package org.djx.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Shows each of {@link ModuleRules} failing on a hand-made module descriptor that breaks it, and
 * holding for a well-formed one.
 */
class ModuleRulesFailTests {
    private static final String LAYER_FACTORY = "org.djx.api.spi.LayerFactory";
    private static final String LOSS_FACTORY = "org.djx.api.spi.LossFactory";

    @Test
    void wellFormedModulesPassEveryCheck() {
        ModuleJar plugin = wellFormedPlugin();
        ModuleJar api = jar(ModuleDescriptor.newModule("org.djx.api")
                .exports("org.djx.api").exports("org.djx.api.spi").build());
        ModuleJar engine = jar(ModuleDescriptor.newModule("org.djx.engine").requires("org.djx.api")
                .requires("com.fasterxml.jackson.databind").packages(Set.of("org.djx.engine.cli"))
                .uses(LAYER_FACTORY).uses(LOSS_FACTORY).build());
        for (ModuleJar jar : List.of(plugin, api, engine)) {
            assertThat(Stream.of(
                            ModuleRules.packagesStartWithTheModuleName(jar),
                            ModuleRules.pluginsExportNothing(jar),
                            ModuleRules.pluginsRequireTheApiAndNoOtherDjxModule(jar),
                            ModuleRules.apiRequiresTheJdkAloneAndExportsEachOfItsPackages(jar),
                            ModuleRules.providesMatchTheServiceFiles(jar))
                    .flatMap(List::stream))
                    .as(jar.name())
                    .isEmpty();
        }
        assertThat(ModuleRules.theEngineUsesEveryServiceThePluginsProvide(engine, List.of(plugin))).isEmpty();
        assertThat(ModuleRules.everyProviderIsDeclared(
                Set.of("org.djx.plugins.demo.DenseFactory", "org.djx.plugins.demo.HingeFactory"), List.of(plugin))).isEmpty();
    }

    @Test
    void packageOutsideTheModuleNameFails() {
        ModuleJar jar = jar(ModuleDescriptor.newModule("org.djx.plugins.demo").requires("org.djx.api")
                .packages(Set.of("org.djx.plugins.demo", "org.djx.plugins.demonstration", "org.elsewhere")).build());
        assertThat(ModuleRules.packagesStartWithTheModuleName(jar))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("org.djx.plugins.demonstration"))
                .anySatisfy(p -> assertThat(p).contains("org.elsewhere"));
    }

    @Test
    void jarWithoutModuleInfoFails() {
        ModuleJar jar = jar(ModuleDescriptor.newAutomaticModule("djx.plugin.demo").packages(Set.of("org.djx.plugins.demo")).build());
        assertThat(ModuleRules.packagesStartWithTheModuleName(jar)).anySatisfy(p -> assertThat(p).contains("no module-info"));
    }

    @Test
    void pluginThatExportsOrOpensAPackageOrIsOpenFails() {
        ModuleJar exporting = jar(pluginBuilder().exports("org.djx.plugins.demo").build());
        ModuleJar opening = jar(pluginBuilder().opens("org.djx.plugins.demo").build());
        ModuleJar open = jar(ModuleDescriptor.newOpenModule("org.djx.plugins.demo").requires("org.djx.api")
                .packages(Set.of("org.djx.plugins.demo")).build());
        assertThat(ModuleRules.pluginsExportNothing(exporting)).singleElement().asString().contains("exports org.djx.plugins.demo");
        assertThat(ModuleRules.pluginsExportNothing(opening)).singleElement().asString().contains("opens org.djx.plugins.demo");
        assertThat(ModuleRules.pluginsExportNothing(open)).singleElement().asString().contains("is open");
    }

    @Test
    void pluginThatRequiresTheEngineOrLacksTheApiFails() {
        ModuleJar reachingIn = jar(pluginBuilder().requires("org.djx.engine").build());
        ModuleJar withoutApi = jar(ModuleDescriptor.newModule("org.djx.plugins.demo")
                .packages(Set.of("org.djx.plugins.demo")).build());
        assertThat(ModuleRules.pluginsRequireTheApiAndNoOtherDjxModule(reachingIn))
                .singleElement().asString().contains("requires org.djx.engine");
        assertThat(ModuleRules.pluginsRequireTheApiAndNoOtherDjxModule(withoutApi))
                .singleElement().asString().contains("does not require org.djx.api");
    }

    @Test
    void apiThatRequiresALibraryOrHidesOrRestrictsAPackageFails() {
        ModuleJar jar = jar(ModuleDescriptor.newModule("org.djx.api")
                .requires("com.google.gson")
                .exports("org.djx.api")
                .exports("org.djx.api.spi", Set.of("org.djx.engine"))
                .packages(Set.of("org.djx.api.internal"))
                .build());
        assertThat(ModuleRules.apiRequiresTheJdkAloneAndExportsEachOfItsPackages(jar))
                .hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("requires com.google.gson"))
                .anySatisfy(p -> assertThat(p).contains("exports org.djx.api.spi only to [org.djx.engine]"))
                .anySatisfy(p -> assertThat(p).contains("does not export its package org.djx.api.internal"));
    }

    @Test
    void providesThatDifferFromTheServiceFilesFail() {
        ModuleDescriptor descriptor = pluginBuilder()
                .provides(LAYER_FACTORY, List.of("org.djx.plugins.demo.DenseFactory", "org.djx.plugins.demo.ConvFactory"))
                .provides(LOSS_FACTORY, List.of("org.djx.plugins.demo.HingeFactory"))
                .build();
        ModuleJar reordered = new ModuleJar("demo.jar", descriptor, Map.of(
                LAYER_FACTORY, List.of("org.djx.plugins.demo.ConvFactory", "org.djx.plugins.demo.DenseFactory"),
                LOSS_FACTORY, List.of("org.djx.plugins.demo.HingeFactory")));
        ModuleJar fileMissing = new ModuleJar("demo.jar", descriptor, Map.of(
                LAYER_FACTORY, List.of("org.djx.plugins.demo.DenseFactory", "org.djx.plugins.demo.ConvFactory")));
        ModuleJar providesMissing = new ModuleJar("demo.jar", pluginBuilder().build(), Map.of(
                LOSS_FACTORY, List.of("org.djx.plugins.demo.HingeFactory")));
        assertThat(ModuleRules.providesMatchTheServiceFiles(reordered)).singleElement().asString()
                .contains(LAYER_FACTORY, "DenseFactory, org.djx.plugins.demo.ConvFactory] in module-info");
        assertThat(ModuleRules.providesMatchTheServiceFiles(fileMissing)).singleElement().asString()
                .contains("no META-INF/services/" + LOSS_FACTORY);
        assertThat(ModuleRules.providesMatchTheServiceFiles(providesMissing)).singleElement().asString()
                .contains("no 'provides " + LOSS_FACTORY + "'");
    }

    @Test
    void serviceTheEngineDoesNotUseFails() {
        ModuleJar engine = jar(ModuleDescriptor.newModule("org.djx.engine").requires("org.djx.api").uses(LAYER_FACTORY).build());
        assertThat(ModuleRules.theEngineUsesEveryServiceThePluginsProvide(engine, List.of(wellFormedPlugin())))
                .singleElement().asString().contains("provides " + LOSS_FACTORY + ", which org.djx.engine does not declare");
    }

    @Test
    void providerClassThatNoModuleDeclaresOrDeclaredClassThatIsNoProviderFails() {
        assertThat(ModuleRules.everyProviderIsDeclared(
                Set.of("org.djx.plugins.demo.DenseFactory", "org.djx.plugins.demo.ForgottenFactory"), List.of(wellFormedPlugin())))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("ForgottenFactory implements Plugin but no plugin module provides it"))
                .anySatisfy(p -> assertThat(p).contains("HingeFactory is declared as a provider"));
    }

    private static ModuleDescriptor.Builder pluginBuilder() {
        return ModuleDescriptor.newModule("org.djx.plugins.demo").requires("org.djx.api").packages(Set.of("org.djx.plugins.demo"));
    }

    private static ModuleJar wellFormedPlugin() {
        return new ModuleJar("demo.jar", pluginBuilder()
                .provides(LAYER_FACTORY, List.of("org.djx.plugins.demo.DenseFactory"))
                .provides(LOSS_FACTORY, List.of("org.djx.plugins.demo.HingeFactory"))
                .build(), Map.of(
                LAYER_FACTORY, List.of("org.djx.plugins.demo.DenseFactory"),
                LOSS_FACTORY, List.of("org.djx.plugins.demo.HingeFactory")));
    }

    private static ModuleJar jar(ModuleDescriptor descriptor) {
        return new ModuleJar(descriptor.name() + ".jar", descriptor, Map.of());
    }
}
