package org.djx.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.djx.api.Parameter;
import org.djx.api.PluginException;
import org.djx.api.spi.Config;
import org.djx.api.spi.Layer;
import org.djx.api.spi.LayerContext;
import org.djx.api.spi.LayerFactory;
import org.djx.api.spi.Loss;
import org.djx.api.spi.LossFactory;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
import org.djx.api.spi.ParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTests {

    /** An optimizer with a configurable name and parameters; subclasses stand for different plugin classes. */
    abstract static class TestOptimizer implements OptimizerFactory {
        private final String name;
        private final List<ParameterSpec> parameters;

        TestOptimizer(String name, List<ParameterSpec> parameters) {
            this.name = name;
            this.parameters = parameters;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "A test optimizer.";
        }

        @Override
        public List<ParameterSpec> configuration() {
            return parameters;
        }

        @Override
        public Optimizer create(Config config, List<Parameter> params) {
            return () -> { };
        }
    }

    static final class FirstMomentum extends TestOptimizer {
        FirstMomentum() {
            super("momentum", List.of());
        }
    }

    static final class SecondMomentum extends TestOptimizer {
        SecondMomentum() {
            super("momentum", List.of());
        }
    }

    static final class ThirdMomentum extends TestOptimizer {
        ThirdMomentum() {
            super("momentum", List.of());
        }
    }

    static final class Rmsprop extends TestOptimizer {
        Rmsprop() {
            super("rmsprop", List.of(ParameterSpec.number("lr", "x").withDefault(0.01)));
        }
    }

    static final class Named extends TestOptimizer {
        Named(String name) {
            super(name, List.of());
        }
    }

    static final class DeclaresType extends TestOptimizer {
        DeclaresType() {
            super("typed", List.of(ParameterSpec.string("type", "x")));
        }
    }

    static final class DeclaresTwice extends TestOptimizer {
        DeclaresTwice() {
            super("twice", List.of(ParameterSpec.number("lr", "x"), ParameterSpec.number("lr", "y")));
        }
    }

    static final class FailingParameters extends TestOptimizer {
        FailingParameters() {
            super("failing", List.of());
        }

        @Override
        public List<ParameterSpec> configuration() {
            throw new IllegalStateException("boom");
        }
    }

    static final class LayerDeclaring implements LayerFactory {
        private final String key;

        LayerDeclaring(String key) {
            this.key = key;
        }

        @Override
        public String name() {
            return "with-" + key;
        }

        @Override
        public String description() {
            return "A test layer.";
        }

        @Override
        public List<ParameterSpec> configuration() {
            return List.of(ParameterSpec.string(key, "x"));
        }

        @Override
        public Layer create(Config config, LayerContext context) {
            throw new UnsupportedOperationException();
        }
    }

    /** A loss named like an optimizer: names are per kind, so both are usable. */
    static final class MomentumLoss implements LossFactory {
        @Override
        public String name() {
            return "rmsprop";
        }

        @Override
        public String description() {
            return "A test loss.";
        }

        @Override
        public Loss create(Config config) {
            throw new UnsupportedOperationException();
        }
    }

    private static PluginDescriptor optimizer(TestOptimizer plugin) {
        return PluginDescriptor.of(PluginKind.OPTIMIZER, plugin);
    }

    @Test
    void twoPluginsWithTheSameNameAreBothUnusableAndFindNamesBothClasses() {
        PluginRegistry registry = PluginRegistry.of(
                List.of(optimizer(new FirstMomentum()), optimizer(new Rmsprop()), optimizer(new SecondMomentum())),
                List.of());

        assertThatThrownBy(() -> registry.find(PluginKind.OPTIMIZER, "momentum"))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("the optimizer name 'momentum' is claimed by 2 plugins")
                .hasMessageContaining(FirstMomentum.class.getName())
                .hasMessageContaining(SecondMomentum.class.getName())
                .hasMessageContaining("remove one of them");
        assertThat(registry.names(PluginKind.OPTIMIZER)).containsExactly("rmsprop");
        assertThat(registry.all()).extracting(PluginDescriptor::name).containsExactly("rmsprop");
    }

    @Test
    void otherPluginsStayUsableBesideAConflict() {
        Rmsprop rmsprop = new Rmsprop();
        PluginRegistry registry = PluginRegistry.of(
                List.of(optimizer(new FirstMomentum()), optimizer(new SecondMomentum()), optimizer(rmsprop)),
                List.of());

        assertThat(registry.find(PluginKind.OPTIMIZER, "rmsprop")).hasValueSatisfying(d -> {
            assertThat(d.plugin()).isSameAs(rmsprop);
            assertThat(d.kind()).isEqualTo(PluginKind.OPTIMIZER);
        });
        assertThat(registry.find(PluginKind.OPTIMIZER, "adam")).isEmpty();
    }

    @Test
    void problemsListTheConflictNamingBothClasses() {
        PluginRegistry registry = PluginRegistry.of(
                List.of(optimizer(new FirstMomentum()), optimizer(new SecondMomentum())),
                List.of(new PluginProblem("earlier.jar", "an earlier problem")));

        assertThat(registry.problems()).hasSize(2);
        assertThat(registry.problems().get(0)).isEqualTo(new PluginProblem("earlier.jar", "an earlier problem"));
        assertThat(registry.problems().get(1).reason())
                .contains("'momentum'")
                .contains(FirstMomentum.class.getName())
                .contains(SecondMomentum.class.getName());
    }

    @Test
    void aThirdClaimantKeepsTheNameUnusableAndFindNamesAllThree() {
        PluginRegistry registry = PluginRegistry.of(List.of(optimizer(new FirstMomentum()),
                optimizer(new SecondMomentum()), optimizer(new ThirdMomentum())), List.of());

        assertThat(registry.names(PluginKind.OPTIMIZER)).isEmpty();
        assertThatThrownBy(() -> registry.find(PluginKind.OPTIMIZER, "momentum"))
                .hasMessageContaining("claimed by 3 plugins")
                .hasMessageContaining(ThirdMomentum.class.getName());
    }

    @Test
    void problemsNameEveryClaimantOfAConflict() {
        PluginRegistry registry = PluginRegistry.of(List.of(optimizer(new FirstMomentum()),
                optimizer(new SecondMomentum()), optimizer(new ThirdMomentum())), List.of());

        assertThat(registry.problems()).anySatisfy(p -> assertThat(p.reason())
                .contains(FirstMomentum.class.getName())
                .contains(SecondMomentum.class.getName())
                .contains(ThirdMomentum.class.getName()));
    }

    @Test
    void namesArePerKind() {
        PluginRegistry registry = PluginRegistry.of(List.of(optimizer(new Rmsprop()),
                PluginDescriptor.of(PluginKind.LOSS, new MomentumLoss())), List.of());

        assertThat(registry.find(PluginKind.OPTIMIZER, "rmsprop")).isPresent();
        assertThat(registry.find(PluginKind.LOSS, "rmsprop")).isPresent();
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void aPluginWithANonKebabCaseNameBecomesAProblem() {
        PluginRegistry registry = PluginRegistry.of(List.of(optimizer(new Named("RMSProp")),
                optimizer(new Named("rms_prop")), optimizer(new Rmsprop())), List.of());

        assertThat(registry.names(PluginKind.OPTIMIZER)).containsExactly("rmsprop");
        assertThat(registry.find(PluginKind.OPTIMIZER, "RMSProp")).isEmpty();
        assertThat(registry.problems()).hasSize(2);
        assertThat(registry.problems().get(0).reason())
                .contains("optimizer plugin " + Named.class.getName())
                .contains("'RMSProp'")
                .contains("not kebab-case")
                .contains("it was not loaded");
        assertThat(registry.problems().get(1).reason()).contains("'rms_prop'");
    }

    @Test
    void aLayerDeclaringAReservedKeyBecomesAProblem() {
        for (String reserved : List.of("type", "name", "init")) {
            PluginRegistry registry = PluginRegistry.of(
                    List.of(PluginDescriptor.of(PluginKind.LAYER, new LayerDeclaring(reserved))), List.of());

            assertThat(registry.names(PluginKind.LAYER)).as(reserved).isEmpty();
            assertThat(registry.problems()).as(reserved).singleElement().satisfies(p -> assertThat(p.reason())
                    .contains("layer plugin " + LayerDeclaring.class.getName())
                    .contains("declares the parameter '" + reserved + "'")
                    .contains("reserves"));
        }
    }

    @Test
    void aLayerDeclaringAnOrdinaryKeyIsUsable() {
        PluginRegistry registry = PluginRegistry.of(
                List.of(PluginDescriptor.of(PluginKind.LAYER, new LayerDeclaring("units"))), List.of());

        assertThat(registry.names(PluginKind.LAYER)).containsExactly("with-units");
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void aPluginOfAnyKindDeclaringTypeBecomesAProblem() {
        PluginRegistry registry = PluginRegistry.of(List.of(optimizer(new DeclaresType())), List.of());

        assertThat(registry.names(PluginKind.OPTIMIZER)).isEmpty();
        assertThat(registry.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("'type'"));
    }

    @Test
    void aPluginDeclaringAParameterTwiceBecomesAProblem() {
        PluginRegistry registry = PluginRegistry.of(List.of(optimizer(new DeclaresTwice())), List.of());

        assertThat(registry.names(PluginKind.OPTIMIZER)).isEmpty();
        assertThat(registry.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("declares the parameter 'lr' twice"));
    }

    @Test
    void aPluginWhoseParameterListThrowsBecomesAProblem() {
        PluginRegistry registry = PluginRegistry.of(List.of(optimizer(new FailingParameters()),
                optimizer(new Rmsprop())), List.of());

        assertThat(registry.names(PluginKind.OPTIMIZER)).containsExactly("rmsprop");
        assertThat(registry.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("failed to list its configuration keys").contains("boom"));
    }

    @Test
    void theLoaderFindsEveryBuiltInPluginWithoutProblems() {
        PluginRegistry registry = PluginLoader.load(List.of());

        assertThat(registry.names(PluginKind.LAYER)).containsExactly("dropout", "identity", "linear", "relu", "sigmoid", "tanh");
        assertThat(registry.names(PluginKind.INITIALIZER)).containsExactly("constant", "he-normal", "he-uniform",
                "normal", "uniform", "xavier-normal", "xavier-uniform", "zeros");
        assertThat(registry.names(PluginKind.OPTIMIZER)).containsExactly("adam", "adamw", "sgd");
        assertThat(registry.names(PluginKind.LOSS)).containsExactly("bce-with-logits", "half-squared-error", "mse", "softmax-cross-entropy");
        assertThat(registry.names(PluginKind.DATASET)).containsExactly("csv", "kaggle-house");
        assertThat(registry.names(PluginKind.SCHEDULE)).containsExactly("cosine", "linear-warmup", "step");
        assertThat(registry.all()).hasSize(26);
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void builtInPluginsAreOfTheirKindsServiceAndKnowWhereTheyCameFrom() {
        for (PluginDescriptor d : PluginLoader.load(List.of()).all()) {
            assertThat(d.kind().service().isInstance(d.plugin())).as(d.name()).isTrue();
            assertThat(d.plugin().name()).isEqualTo(d.name());
            assertThat(d.plugin().getClass().getName()).startsWith("org.djx.plugins.");
            assertThat(d.origin().location()).as(d.name()).isNotEqualTo("unknown");
        }
    }

    @Test
    void aPluginPathEntryThatDoesNotExistBecomesAProblem(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-folder");
        Path missingJar = dir.resolve("gone.jar");

        PluginRegistry registry = PluginLoader.load(List.of(missing, missingJar));

        assertThat(registry.problems()).hasSize(2);
        assertThat(registry.problems().get(0).source()).isEqualTo(missing.toString());
        assertThat(registry.problems().get(0).reason()).contains("no such file or folder");
        assertThat(registry.problems().get(1).source()).isEqualTo(missingJar.toString());
        assertThat(registry.problems().get(1).reason()).contains("no such file or folder");
        assertThat(registry.names(PluginKind.OPTIMIZER)).containsExactly("adam", "adamw", "sgd");
    }

    @Test
    void aJarThatIsNotAZipBecomesAProblem(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("broken.jar");
        Files.writeString(jar, "this is not a zip file");

        PluginRegistry registry = PluginLoader.load(List.of(dir));

        assertThat(registry.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo(jar.toString());
            assertThat(p.reason()).isEqualTo("is not a zip archive (it begins with 'this is not a zip file'); a plugin jar"
                    + " is one zip archive, as 'jar' or Maven builds it, so this may be a web page or an error message saved"
                    + " under the jar's name: replace it with the plugin's jar, or remove it; the plugin was not loaded");
        });
        assertThat(registry.all()).hasSize(PluginLoader.load(List.of()).all().size());
    }

    @Test
    void aPluginFolderHoldingAJarThatIsNotAZipBecomesAProblemNamingFolderAndJar(@TempDir Path dir) throws Exception {
        Path plugin = Files.createDirectory(dir.resolve("my-plugin"));
        Files.writeString(plugin.resolve("library.jar"), "<html>404 Not Found</html>");

        PluginRegistry registry = PluginLoader.load(List.of(dir));

        assertThat(registry.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo(plugin.toString());
            assertThat(p.reason()).startsWith("holds library.jar, which is not a zip archive (it begins with '<html>404 Not Found</htm...')");
        });
        assertThat(registry.all()).hasSize(PluginLoader.load(List.of()).all().size());
    }

    @Test
    void aFolderNamedTwiceOnThePluginPathIsSearchedOnce(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.jar"), "not a zip");

        PluginRegistry registry = PluginLoader.load(List.of(dir, dir.resolve(".").resolve("sub").resolve("..")));

        assertThat(registry.problems()).hasSize(1);
    }

    @Test
    void suggestsAJarNameFromWhichJavaDerivesAValidModuleName() {
        assertThat(PluginLoader.suggestedName("int-ops.jar")).isEqualTo("intops.jar");
        assertThat(PluginLoader.suggestedName("2fast.jar")).isEqualTo("plugin2fast.jar");
    }

    @Test
    void aPluginFolderWithoutJarsBecomesAProblem(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty-plugin"));

        PluginRegistry registry = PluginLoader.load(List.of(dir));

        assertThat(registry.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo(empty.toString());
            assertThat(p.reason()).contains("holds no jar or module");
        });
    }

    @Test
    void parsePathSplitsOnThePlatformSeparatorAndSkipsBlanks() {
        String sep = java.io.File.pathSeparator;

        assertThat(PluginLoader.parsePath(null)).isEmpty();
        assertThat(PluginLoader.parsePath("  ")).isEmpty();
        assertThat(PluginLoader.parsePath("a" + sep + sep + "b")).containsExactly(Path.of("a"), Path.of("b"));
    }

    /** A loss written for api 0.1: it declares its keys in parameters(), which api 0.2 renamed configuration(). */
    public static final class ApiZeroOneLoss implements LossFactory {
        @Override
        public String name() {
            return "old-loss";
        }

        @Override
        public String description() {
            return "A loss of api 0.1.";
        }

        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.number("scale", "A factor.").withDefault(1.0));
        }

        @Override
        public Loss create(Config config) {
            return (predictions, targets, weights, gradient) -> 0;
        }
    }

    @Test
    void aPluginThatStillDeclaresParametersIsRefusedNamingBothApis() {
        // In a plain jar nothing records the api it was compiled against, and configuration() has a default,
        // so without this check it would load and silently accept no key at all.
        PluginRegistry registry = PluginRegistry.of(List.of(PluginDescriptor.of(PluginKind.LOSS, new ApiZeroOneLoss())), List.of());

        assertThat(registry.names(PluginKind.LOSS)).isEmpty();
        assertThat(registry.problems()).singleElement().satisfies(p -> assertThat(p.reason())
                .contains("was built against djx-api 0.1 (it declares parameters(), which djx-api 0.2 renamed configuration())")
                .contains("rebuild the plugin against djx-api").endsWith("; it was not loaded"));
    }
}
