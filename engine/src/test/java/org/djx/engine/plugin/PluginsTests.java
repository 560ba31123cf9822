package org.djx.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import org.djx.api.ConfigurationException;
import org.djx.api.Parameter;
import org.djx.api.PluginException;
import org.djx.api.Tensor;
import org.djx.api.spi.Config;
import org.djx.api.spi.Layer;
import org.djx.api.spi.LayerContext;
import org.djx.api.spi.LayerFactory;
import org.djx.api.spi.Loss;
import org.djx.api.spi.LossFactory;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
import org.djx.api.spi.OptimizerState;
import org.junit.jupiter.api.Test;

/** Calls into plugins: context class loader, and failures attributed to the plugin with a cure. */
class PluginsTests {
    /** A layer factory whose layers do whatever the test hands them. */
    static final class ScriptedLayers implements LayerFactory {
        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public String description() {
            return "A layer for tests.";
        }

        @Override
        public Layer create(Config config, LayerContext context) {
            throw new UnsupportedOperationException("not used");
        }
    }

    static final class AnyLoss implements LossFactory {
        @Override
        public String name() {
            return "any";
        }

        @Override
        public String description() {
            return "A loss for tests.";
        }

        @Override
        public Loss create(Config config) {
            throw new UnsupportedOperationException("not used");
        }
    }

    static final class AnyOptimizer implements OptimizerFactory {
        @Override
        public String name() {
            return "any";
        }

        @Override
        public String description() {
            return "An optimizer for tests.";
        }

        @Override
        public Optimizer create(Config config, List<Parameter> parameters) {
            throw new UnsupportedOperationException("not used");
        }
    }

    private static final PluginDescriptor LAYER = PluginDescriptor.of(PluginKind.LAYER, new ScriptedLayers());

    /** A layer whose forward runs {@code forward}. */
    private static Layer layer(Runnable forward) {
        return new Layer() {
            @Override
            public int outputFeatures() {
                return 1;
            }

            @Override
            public Tensor forward(Tensor input) {
                forward.run();
                return input;
            }

            @Override
            public Tensor backward(Tensor outputGradient) {
                return outputGradient;
            }
        };
    }

    @Test
    void aLinkageErrorInAPluginCallSaysItWasBuiltAgainstAnotherApiAndToRebuildIt() {
        Layer guarded = Plugins.layer(LAYER, () -> layer(() -> {
            throw new AbstractMethodError("Receiver class com.example.Old does not define or inherit an implementation");
        }));

        assertThatThrownBy(() -> guarded.forward(Tensor.zeros(1, 1)))
                .isInstanceOf(PluginException.class)
                .hasMessageStartingWith("layer plugin 'scripted' from (class path) ")
                .hasMessageContaining("does not fit this djx: forward failed with java.lang.AbstractMethodError: Receiver class com.example.Old")
                .hasMessageContaining("it was most likely built against another djx-api")
                .hasMessageContaining("rebuild the plugin against djx-api")
                .hasCauseInstanceOf(AbstractMethodError.class);
    }

    @Test
    void aMissingLibraryClassIsReportedAsAMissingJarNotAsAnApiMismatch() {
        Layer guarded = Plugins.layer(LAYER, () -> layer(() -> {
            throw new NoClassDefFoundError("com/google/gson/Gson");
        }));

        assertThatThrownBy(() -> guarded.forward(Tensor.zeros(1, 1)))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("the class com.google.gson.Gson it needs is in none of its jars")
                .hasMessageNotContaining("rebuild");
    }

    /** A class of a plugin whose static initializer fails, as one that reads a missing setting would. */
    static final class KernelTable {
        static final int SIZE = Integer.parseInt(System.getProperty("djx.test.kernel-size", "unset"));

        private KernelTable() {
        }
    }

    @Test
    void aStaticInitializerThatThrowsInAPluginCallSaysWhichClassAndWhatItThrewNotAnApiMismatch() {
        Layer guarded = Plugins.layer(LAYER, () -> layer(() -> assertThat(KernelTable.SIZE).isPositive()));

        assertThatThrownBy(() -> guarded.forward(Tensor.zeros(1, 1)))
                .isInstanceOf(PluginException.class)
                .hasMessageStartingWith("layer plugin 'scripted' from (class path) ")
                .hasMessageContaining("failed in forward: the static initializer of " + KernelTable.class.getName()
                        + " threw java.lang.NumberFormatException: For input string: \"unset\" (at ")
                .hasMessageNotContaining("does not fit")
                .hasMessageNotContaining("rebuild")
                .hasCauseInstanceOf(ExceptionInInitializerError.class);
        // Java does not run a failed static initializer again: the next call meets "Could not initialize class".
        assertThatThrownBy(() -> guarded.forward(Tensor.zeros(1, 1)))
                .hasMessageContaining("failed in forward: the class " + KernelTable.class.getName() + " cannot be used: its"
                        + " static initializer failed when it first ran")
                .hasMessageNotContaining("none of its jars")
                .hasMessageNotContaining("rebuild");
    }

    @Test
    void aRuntimeExceptionInAPluginCallNamesThePluginTheMethodAndWhereItWasThrown() {
        Layer guarded = Plugins.layer(LAYER, () -> layer(() -> {
            throw new IllegalStateException("no weights yet");
        }));

        assertThatThrownBy(() -> guarded.forward(Tensor.zeros(1, 1)))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("layer plugin 'scripted' from ")
                .hasMessageContaining("failed in forward: java.lang.IllegalStateException: no weights yet (at ")
                .hasMessageContaining(PluginsTests.class.getName());
    }

    @Test
    void djxsOwnExceptionsPassThroughUnwrapped() {
        ConfigurationException bad = new ConfigurationException("'slope' must be below 1");
        Layer guarded = Plugins.layer(LAYER, () -> layer(() -> {
            throw bad;
        }));

        assertThatThrownBy(() -> guarded.forward(Tensor.zeros(1, 1))).isSameAs(bad);
    }

    @Test
    void aCreateThatReturnsNullIsAPluginError() {
        PluginDescriptor loss = PluginDescriptor.of(PluginKind.LOSS, new AnyLoss());

        assertThatThrownBy(() -> Plugins.loss(loss, () -> null))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("loss plugin 'any'")
                .hasMessageEndingWith("returned null from create");
    }

    @Test
    void everyGuardedCallRunsWithThePluginsLoaderAsContextAndRestoresTheCallers() throws Exception {
        try (URLClassLoader pluginLoader = new URLClassLoader(new URL[0])) {
            PluginDescriptor plugin = new PluginDescriptor(PluginKind.OPTIMIZER, "any", new AnyOptimizer(),
                    PluginOrigin.of(AnyOptimizer.class), pluginLoader);
            List<ClassLoader> seen = new ArrayList<>();
            AtomicReference<ClassLoader> atCreate = new AtomicReference<>();
            ClassLoader before = Thread.currentThread().getContextClassLoader();

            Optimizer optimizer = Plugins.optimizer(plugin, () -> {
                atCreate.set(Thread.currentThread().getContextClassLoader());
                return () -> seen.add(Thread.currentThread().getContextClassLoader());
            });
            optimizer.step();
            optimizer.step();

            assertThat(atCreate.get()).isSameAs(pluginLoader);
            assertThat(seen).containsExactly(pluginLoader, pluginLoader);
            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
        }
    }

    @Test
    void aGuardedLayerPassesTheModeOnToThePluginsLayer() {
        List<Boolean> modes = new ArrayList<>();
        Layer guarded = Plugins.layer(LAYER, () -> new Layer() {
            public int outputFeatures() {
                return 1;
            }

            public Tensor forward(Tensor input) {
                return input;
            }

            public Tensor backward(Tensor outputGradient) {
                return outputGradient;
            }

            public void setTraining(boolean training) {
                modes.add(training);
            }
        });

        guarded.setTraining(true);
        guarded.setTraining(false);

        assertThat(modes).containsExactly(true, false);
    }

    /** An optimizer with a learning rate and one number of state, recording what it is told. */
    private static final class RateOptimizer implements Optimizer {
        final List<Double> rates = new ArrayList<>();
        OptimizerState restored;

        public void step() {
        }

        public OptionalDouble baseLearningRate() {
            return OptionalDouble.of(0.1);
        }

        public void setLearningRate(double learningRate) {
            rates.add(learningRate);
        }

        public OptimizerState exportState() {
            return OptimizerState.builder("any", List.of()).scalar("step", 4).build();
        }

        public void restoreState(OptimizerState state) {
            restored = state;
        }
    }

    @Test
    void aGuardedOptimizerPassesTheLearningRateAndStateHooksOn() {
        RateOptimizer plugin = new RateOptimizer();
        Optimizer guarded = Plugins.optimizer(PluginDescriptor.of(PluginKind.OPTIMIZER, new AnyOptimizer()), () -> plugin);

        guarded.setLearningRate(0.05);
        OptimizerState state = guarded.exportState();
        guarded.restoreState(state);

        assertThat(guarded.baseLearningRate()).hasValue(0.1);
        assertThat(plugin.rates).containsExactly(0.05);
        assertThat(state.scalar("step")).isEqualTo(4.0);
        assertThat(plugin.restored).isSameAs(state);
    }

    @Test
    void aScheduleOnAnOptimizerWithoutALearningRateIsRefusedNamingThePlugin() {
        Optimizer guarded = Plugins.optimizer(PluginDescriptor.of(PluginKind.OPTIMIZER, new AnyOptimizer()), () -> () -> { });

        assertThatThrownBy(() -> guarded.setLearningRate(0.05))
                .isInstanceOf(PluginException.class)
                .hasMessageStartingWith("optimizer plugin 'any' from ")
                .hasMessageEndingWith(" has no learning rate, so a learning-rate schedule cannot be applied to it");
        assertThatThrownBy(() -> Plugins.optimizer(PluginDescriptor.of(PluginKind.OPTIMIZER, new AnyOptimizer()),
                RateOptimizer::new).setLearningRate(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a learning rate must be finite and >= 0, found NaN");
    }

    @Test
    void anOptimizerThatCannotExportItsStateIsReportedAsAFailureOfThatPlugin() {
        Optimizer guarded = Plugins.optimizer(PluginDescriptor.of(PluginKind.OPTIMIZER, new AnyOptimizer()), () -> () -> { });

        assertThatThrownBy(guarded::exportState)
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("optimizer plugin 'any' from ")
                .hasMessageContaining("failed in exportState: java.lang.UnsupportedOperationException: ")
                .hasMessageContaining("cannot export its state (it does not implement Optimizer.exportState)");
    }

    /** A layer of 3 declared output features whose forward returns what the test hands it. */
    private static Layer returning(java.util.function.UnaryOperator<Tensor> forward) {
        return new Layer() {
            @Override
            public int outputFeatures() {
                return 3;
            }

            @Override
            public Tensor forward(Tensor input) {
                return forward.apply(input);
            }

            @Override
            public Tensor backward(Tensor outputGradient) {
                return null;
            }
        };
    }

    @Test
    void aLayerThatReturnsNullOrTheWrongShapeIsBlamedItselfNotTheLayerAfterIt() {
        Tensor batch = Tensor.zeros(2, 4);
        Layer nothing = Plugins.layer(LAYER, () -> returning(x -> null));
        Layer narrow = Plugins.layer(LAYER, () -> returning(x -> Tensor.zeros(2, 2)));
        Layer short_ = Plugins.layer(LAYER, () -> returning(x -> Tensor.zeros(1, 3)));
        Layer right = Plugins.layer(LAYER, () -> returning(x -> Tensor.zeros(2, 3)));

        assertThatThrownBy(() -> nothing.forward(batch)).isInstanceOf(PluginException.class)
                .hasMessageStartingWith("layer plugin 'scripted' from ").hasMessageContaining("returned null from forward for a batch of 2 x 4");
        assertThatThrownBy(() -> narrow.forward(batch)).isInstanceOf(PluginException.class)
                .hasMessageContaining("returned a 2 x 2 float64 tensor from forward for a batch of 2 x 4 float64; it must return 2 x 3 float64,"
                        + " one row per example of the 3 output features it declares");
        assertThatThrownBy(() -> short_.forward(batch)).isInstanceOf(PluginException.class).hasMessageContaining("returned a 1 x 3");
        assertThat(right.forward(batch).columns()).isEqualTo(3);
        // Backward owes dLoss/dInput: as wide as the input of the last forward.
        assertThatThrownBy(() -> right.backward(Tensor.zeros(2, 3))).isInstanceOf(PluginException.class)
                .hasMessageContaining("returned null from backward for a batch of 2 x 3 float64; it must return 2 x 4 float64");
    }
}
