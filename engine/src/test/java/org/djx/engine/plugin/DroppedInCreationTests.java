package org.djx.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.djx.api.ConfigurationException;
import org.djx.api.Parameter;
import org.djx.api.spi.Config;
import org.djx.api.spi.Layer;
import org.djx.api.spi.LayerContext;
import org.djx.api.spi.LayerFactory;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
import org.djx.api.spi.Plugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Dropped-in providers are created only when their names are needed, each within a time bound, and
 * their failures are told as what they are. The providers here stand in for ServiceLoader's: each
 * counts how often it was created, or blocks, or fails as a plugin would.
 */
class DroppedInCreationTests {
    /** Released after each test, so that no blocked creation outlives it. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseBlockedCreations() {
        release.countDown();
    }

    /** An optimizer named at construction; subclasses stand for the classes of different plugins. */
    abstract static class NamedOptimizer implements OptimizerFactory {
        private final String name;

        NamedOptimizer(String name) {
            this.name = name;
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
        public Optimizer create(Config config, List<Parameter> params) {
            return () -> { };
        }
    }

    static final class BuiltInAdam extends NamedOptimizer {
        BuiltInAdam() {
            super("adam");
        }
    }

    static final class DroppedInAdam extends NamedOptimizer {
        DroppedInAdam() {
            super("adam");
        }
    }

    static final class Lion extends NamedOptimizer {
        Lion() {
            super("lion");
        }
    }

    static final class OtherLion extends NamedOptimizer {
        OtherLion() {
            super("lion");
        }
    }

    static final class Swish implements LayerFactory {
        @Override
        public String name() {
            return "swish";
        }

        @Override
        public String description() {
            return "A test layer.";
        }

        @Override
        public Layer create(Config config, LayerContext context) {
            throw new UnsupportedOperationException("not used");
        }
    }

    /** A provider whose static initializer fails, as one that reads a missing setting would. */
    static final class FailsToInitialize extends NamedOptimizer {
        static final int LIMIT = Integer.parseInt(System.getProperty("djx.test.no-such-setting", "unset"));

        FailsToInitialize() {
            super("fails-to-initialize");
        }
    }

    /** Uses a class whose static initializer failed earlier, which Java reports as NoClassDefFoundError. */
    static final class UsesAFailedClass extends NamedOptimizer {
        UsesAFailedClass() {
            super("uses-failed-" + FailsLater.LIMIT);
        }
    }

    static final class FailsLater {
        static final int LIMIT = Integer.parseInt(System.getProperty("djx.test.no-such-setting", "unset"));
    }

    /** A stand-in for a ServiceLoader provider found in a plugin layer: creating it runs {@code create}. */
    private record StandIn(Class<? extends Plugin> type, Supplier<Plugin> create) implements ServiceLoader.Provider<Plugin> {
        @Override
        public Plugin get() {
            return create.get();
        }
    }

    private static FoundProvider dropped(PluginKind kind, Class<? extends Plugin> type, Supplier<Plugin> create) {
        return new FoundProvider(kind, new StandIn(type, create), "/plugins/" + type.getSimpleName() + ".jar");
    }

    private static FoundProvider counted(PluginKind kind, Class<? extends Plugin> type, Supplier<Plugin> create,
            AtomicInteger creations) {
        return dropped(kind, type, () -> {
            creations.incrementAndGet();
            return create.get();
        });
    }

    private static PluginRegistry registry(Duration timeout, FoundProvider... droppedIn) {
        return PluginRegistry.loaded(List.of(PluginDescriptor.of(PluginKind.OPTIMIZER, new BuiltInAdam())), List.of(),
                List.of(droppedIn), timeout);
    }

    /** A dropped-in layer that blocks in its constructor until the test ends. */
    private FoundProvider hangingLayer() {
        return dropped(PluginKind.LAYER, Swish.class, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Swish();
        });
    }

    @Test
    void aBuiltInNameIsFoundWithoutCreatingAnyDroppedInProvider() {
        AtomicInteger creations = new AtomicInteger();
        PluginRegistry registry = registry(Duration.ofSeconds(1),
                counted(PluginKind.OPTIMIZER, Lion.class, Lion::new, creations),
                counted(PluginKind.LAYER, Swish.class, Swish::new, creations));

        assertThat(registry.find(PluginKind.OPTIMIZER, "adam")).hasValueSatisfying(d ->
                assertThat(d.plugin()).isInstanceOf(BuiltInAdam.class));
        assertThat(registry.created()).extracting(PluginDescriptor::name).containsExactly("adam");
        assertThat(registry.knownProblems()).isEmpty();
        assertThat(creations).hasValue(0);
    }

    @Test
    void aNameNoBuiltInClaimsCreatesTheDroppedInProvidersOfItsKindOnlyAndOnlyOnce() {
        AtomicInteger optimizers = new AtomicInteger();
        AtomicInteger layers = new AtomicInteger();
        PluginRegistry registry = registry(Duration.ofSeconds(1),
                counted(PluginKind.OPTIMIZER, Lion.class, Lion::new, optimizers),
                counted(PluginKind.LAYER, Swish.class, Swish::new, layers));

        assertThat(registry.find(PluginKind.OPTIMIZER, "lion")).isPresent();
        assertThat(registry.find(PluginKind.OPTIMIZER, "lamb")).isEmpty();
        assertThat(registry.names(PluginKind.OPTIMIZER)).containsExactly("adam", "lion");

        assertThat(optimizers).hasValue(1);
        assertThat(layers).hasValue(0);
        assertThat(registry.all()).extracting(PluginDescriptor::name).containsExactly("swish", "adam", "lion");
        assertThat(layers).hasValue(1);
    }

    @Test
    void aDroppedInProviderIsCreatedOnADaemonThreadWithItsOwnClassLoaderAsContext() {
        AtomicReference<Thread> creator = new AtomicReference<>();
        AtomicReference<ClassLoader> context = new AtomicReference<>();
        PluginRegistry registry = registry(Duration.ofSeconds(1), dropped(PluginKind.LAYER, Swish.class, () -> {
            creator.set(Thread.currentThread());
            context.set(Thread.currentThread().getContextClassLoader());
            return new Swish();
        }));

        assertThat(registry.find(PluginKind.LAYER, "swish")).isPresent();

        assertThat(creator.get()).isNotSameAs(Thread.currentThread());
        assertThat(creator.get().isDaemon()).isTrue();
        assertThat(context.get()).isSameAs(Swish.class.getClassLoader());
    }

    @Test
    void aDroppedInProviderThatNeverReturnsBecomesAProblemNamingItsClassAndJarAndTheOthersStayUsable() {
        AtomicInteger creations = new AtomicInteger();
        PluginRegistry registry = registry(Duration.ofSeconds(1), hangingLayer(),
                counted(PluginKind.OPTIMIZER, Lion.class, Lion::new, creations));

        assertThat(registry.find(PluginKind.LAYER, "swish")).isEmpty();

        assertThat(registry.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("/plugins/Swish.jar");
            assertThat(p.reason()).isEqualTo("layer provider " + Swish.class.getName() + " did not finish creating within"
                    + " 1 s; its static initializer or constructor was still running (waiting for something that never"
                    + " came, or looping). djx carries on without it; fix the plugin or remove it, or allow more time with"
                    + " DJX_PLUGIN_TIMEOUT=SECONDS");
        });
        assertThat(registry.find(PluginKind.OPTIMIZER, "lion")).isPresent();
        assertThat(creations).hasValue(1);
    }

    @Test
    void aCreationThatIsStillRunningIsNotTakenForACallToSystemExit() {
        PluginRegistry registry = registry(Duration.ofMillis(100), hangingLayer());

        assertThat(registry.names(PluginKind.LAYER)).isEmpty();

        // Its thread still waits, as after Ctrl-C or an exit of djx's own: neither is the plugin's doing.
        assertThat(ProviderCreation.exitDuringCreation()).isEmpty();
    }

    @Test
    void aDroppedInPluginClaimingABuiltInNameGivesWayToTheBuiltInAndIsReported() {
        AtomicInteger creations = new AtomicInteger();
        PluginRegistry registry = registry(Duration.ofSeconds(1),
                counted(PluginKind.OPTIMIZER, DroppedInAdam.class, DroppedInAdam::new, creations));

        assertThat(registry.find(PluginKind.OPTIMIZER, "adam").orElseThrow().plugin()).isInstanceOf(BuiltInAdam.class);
        assertThat(creations).hasValue(0);

        assertThat(registry.names(PluginKind.OPTIMIZER)).containsExactly("adam");
        assertThat(registry.find(PluginKind.OPTIMIZER, "adam").orElseThrow().plugin()).isInstanceOf(BuiltInAdam.class);
        assertThat(registry.problems()).singleElement().satisfies(p -> assertThat(p.reason())
                .startsWith("the optimizer name 'adam' is claimed by the built-in " + BuiltInAdam.class.getName())
                .contains("and by " + DroppedInAdam.class.getName())
                .endsWith("a built-in name always means the built-in plugin, so " + DroppedInAdam.class.getName()
                        + " is not used: rename it"));
    }

    @Test
    void twoDroppedInPluginsClaimingOneNameAreBothUnusable() {
        PluginRegistry registry = registry(Duration.ofSeconds(1),
                dropped(PluginKind.OPTIMIZER, Lion.class, Lion::new),
                dropped(PluginKind.OPTIMIZER, OtherLion.class, OtherLion::new));

        assertThatThrownBy(() -> registry.find(PluginKind.OPTIMIZER, "lion"))
                .hasMessageContaining("the optimizer name 'lion' is claimed by 2 plugins")
                .hasMessageContaining(Lion.class.getName())
                .hasMessageContaining(OtherLion.class.getName());
        assertThat(registry.names(PluginKind.OPTIMIZER)).containsExactly("adam");
    }

    @Test
    void aStaticInitializerThatThrowsIsReportedWithWhatItThrewNotAsAnApiMismatch() {
        PluginRegistry registry = registry(Duration.ofSeconds(1),
                dropped(PluginKind.OPTIMIZER, FailsToInitialize.class, FailsToInitialize::new));

        assertThat(registry.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("/plugins/FailsToInitialize.jar");
            assertThat(p.reason())
                    .startsWith("optimizer provider " + FailsToInitialize.class.getName() + " could not be created: the static"
                            + " initializer of " + FailsToInitialize.class.getName() + " threw java.lang.NumberFormatException:"
                            + " For input string: \"unset\" (at ")
                    .contains(FailsToInitialize.class.getName() + ".<clinit>(")
                    .doesNotContain("djx-api");
        });
    }

    @Test
    void aClassWhoseStaticInitializerFailedEarlierIsReportedAsSuchNotAsAMissingJar() {
        try {
            assertThat(FailsLater.LIMIT).isNotZero();
        } catch (ExceptionInInitializerError expected) {
            // The first use, elsewhere: from now on Java refuses the class with "Could not initialize class".
        }
        PluginRegistry registry = registry(Duration.ofSeconds(1),
                dropped(PluginKind.OPTIMIZER, UsesAFailedClass.class, UsesAFailedClass::new));

        // Newer JDKs add the first failure as the cause, which the message then quotes before the end.
        assertThat(registry.problems()).singleElement().satisfies(p -> assertThat(p.reason())
                .startsWith("optimizer provider " + UsesAFailedClass.class.getName() + " could not be created: the class "
                        + FailsLater.class.getName() + " cannot be used: its static initializer failed when it first ran")
                .endsWith(", and Java does not run it again; the other plugins are unaffected")
                .doesNotContain("djx-api", "none of its jars"));
    }

    @Test
    void theTimeBoundIsReadAsSecondsFromItsVariable() {
        assertThat(ProviderCreation.timeout(null)).isEqualTo(Duration.ofSeconds(10));
        assertThat(ProviderCreation.timeout(" ")).isEqualTo(Duration.ofSeconds(10));
        assertThat(ProviderCreation.timeout("2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(ProviderCreation.timeout("2.5")).isEqualTo(Duration.ofMillis(2500));
        assertThat(ProviderCreation.seconds(Duration.ofMillis(2500))).isEqualTo("2.5 s");
        for (String invalid : List.of("ten", "0", "-1", "NaN", "1e9")) {
            assertThatThrownBy(() -> ProviderCreation.timeout(invalid)).as(invalid)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("DJX_PLUGIN_TIMEOUT must be a number of seconds greater than 0 and at most 86400, such as"
                            + " 10 or 2.5, found '" + invalid + "'; it bounds how long a dropped-in plugin may take to be created");
        }
    }
}
