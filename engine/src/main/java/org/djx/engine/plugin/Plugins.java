package org.djx.engine.plugin;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.djx.api.DjxException;
import org.djx.api.Parameter;
import org.djx.api.PluginException;
import org.djx.api.Tensor;
import org.djx.api.spi.Initializer;
import org.djx.api.spi.Layer;
import org.djx.api.spi.Loss;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerState;

/**
 * Calls into plugin code with the plugin's own class loader as context, and attributes its failures.
 *
 * <p>A factory's {@code create}, and every method of the layer, loss, optimizer or initializer it
 * creates, is called through here: djx's own exceptions pass through; any other exception or linkage
 * error becomes a {@link PluginException} naming the plugin, its jar and the method. A linkage error
 * ({@link AbstractMethodError}, {@link NoSuchMethodError}, ...) almost always means that the plugin was
 * compiled against another djx-api than the one running, and the message says so.
 */
public final class Plugins {
    private Plugins() {
    }

    /**
     * Runs {@code action} as plugin {@code plugin}: djx's own exceptions pass through, anything else is
     * wrapped in a {@link PluginException} that names the plugin and where it came from.
     */
    public static <T> T call(PluginDescriptor plugin, Supplier<T> action) {
        return call(plugin, "create", action);
    }

    /** Creates a layer through its plugin, and returns it guarded as {@link #call} guards. */
    public static Layer layer(PluginDescriptor plugin, Supplier<Layer> create) {
        return new GuardedLayer(plugin, created(plugin, create));
    }

    /** Creates a loss through its plugin, and returns it guarded as {@link #call} guards. */
    public static Loss loss(PluginDescriptor plugin, Supplier<Loss> create) {
        return new GuardedLoss(plugin, created(plugin, create));
    }

    /** Creates an optimizer through its plugin, and returns it guarded as {@link #call} guards. */
    public static Optimizer optimizer(PluginDescriptor plugin, Supplier<Optimizer> create) {
        return new GuardedOptimizer(plugin, created(plugin, create));
    }

    /** Creates an initializer through its plugin, and returns it guarded as {@link #call} guards. */
    public static Initializer initializer(PluginDescriptor plugin, Supplier<Initializer> create) {
        return new GuardedInitializer(plugin, created(plugin, create));
    }

    private static <T> T created(PluginDescriptor plugin, Supplier<T> create) {
        T made = call(plugin, "create", create);
        if (made == null) {
            throw new PluginException(describe(plugin) + " returned null from create");
        }
        return made;
    }

    private static <T> T call(PluginDescriptor plugin, String method, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Libraries inside a dropped-in plugin look up their resources through the context loader.
        thread.setContextClassLoader(plugin.loader());
        try {
            return action.get();
        } catch (DjxException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw failure(plugin, method, e);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // The failed allocation or the unwound stack is given back by now, so there is room to say whose it was.
            throw new PluginException(describe(plugin) + " " + Resources.exhausted(e, "in " + method));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Returns {@code loss plugin 'name' from module version (jar)}, as messages name a plugin. */
    private static String describe(PluginDescriptor plugin) {
        return plugin.kind().label() + " plugin '" + plugin.name() + "' from " + plugin.origin();
    }

    /** Returns the exception that reports {@code e}, thrown by {@code plugin} in {@code method}. */
    static PluginException failure(PluginDescriptor plugin, String method, Throwable e) {
        String what = describe(plugin);
        Optional<String> initializer = initializerFailure(e);
        if (initializer.isPresent()) {
            return new PluginException(what + " failed in " + method + ": " + initializer.get(), e);
        }
        if (e instanceof LinkageError linkage) {
            return new PluginException(what + " does not fit this djx: " + method + " failed with " + e + "; "
                    + explainLinkage(linkage, plugin.origin()), e);
        }
        return new PluginException(what + " failed in " + method + ": " + e + where(e), e);
    }

    /** Says what a linkage error thrown by plugin code most likely means. */
    static String explainLinkage(LinkageError e) {
        return initializerFailure(e).orElseGet(() -> explainLinkage(e, null));
    }

    /** Returns {@code e} as messages quote it, with what it most likely means when it is a linkage error. */
    static String thrown(Throwable e) {
        return initializerFailure(e).orElseGet(() -> e + PluginLoader.linkageHint(e));
    }

    /**
     * Says whose static initializer failed, when {@code e} is the {@link ExceptionInInitializerError} of
     * that failure or the {@link NoClassDefFoundError} Java throws at every later use of the class; empty
     * for anything else. Neither means that the plugin was built against another api.
     */
    static Optional<String> initializerFailure(Throwable e) {
        if (e instanceof ExceptionInInitializerError) {
            Throwable thrown = e.getCause() != null ? e.getCause() : e;
            String type = initializedClass(thrown);
            return Optional.of("the static initializer of " + (type != null ? type : "one of its classes") + " threw "
                    + thrown + where(thrown));
        }
        String prefix = "Could not initialize class ";
        if (e instanceof NoClassDefFoundError && e.getMessage() != null && e.getMessage().startsWith(prefix)) {
            // Java runs a static initializer once: after it failed, each use of the class fails like this.
            return Optional.of("the class " + e.getMessage().substring(prefix.length()) + " cannot be used: its static"
                    + " initializer failed when it first ran" + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : "")
                    + ", and Java does not run it again");
        }
        return Optional.empty();
    }

    /** Returns the class whose static initializer {@code thrown} came out of, or null. */
    private static String initializedClass(Throwable thrown) {
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getMethodName().equals("<clinit>")) {
                return frame.getClassName();
            }
        }
        return null;
    }

    private static String explainLinkage(LinkageError e, PluginOrigin origin) {
        String running = ApiVersions.running().orElse(null);
        String missing = e instanceof NoClassDefFoundError && e.getMessage() != null ? e.getMessage().replace('/', '.') : null;
        if (missing != null && !missing.startsWith("org.djx.api.")) {
            return "the class " + missing + " it needs is in none of its jars; put the jar that holds it into the"
                    + " plugin's folder (plugins/NAME/*.jar)";
        }
        String built = origin == null || "unknown".equals(origin.builtAgainst()) ? null : origin.builtAgainst();
        StringBuilder sb = new StringBuilder(built != null
                ? "it was built against djx-api " + built
                : "it was most likely built against another djx-api");
        sb.append(running != null ? " and this djx runs djx-api " + running : " than the one this djx runs");
        sb.append(": rebuild the plugin against djx-api ").append(running != null ? running : "of this djx");
        return sb.toString();
    }

    /** Returns where in the plugin's own code {@code e} was thrown, as {@code " (at Class.method(File:line))"}. */
    private static String where(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String module = frame.getModuleName();
            if (module == null || !module.startsWith("java.") && !module.startsWith("jdk.")) {
                return " (at " + frame + ")";
            }
        }
        return "";
    }

    /**
     * A layer whose every call goes through {@link Plugins#call}, and whose outputs are checked for the shape
     * it promises, so that a wrong one is blamed on this layer rather than on the layer after it.
     */
    private static final class GuardedLayer implements Layer {
        private final PluginDescriptor plugin;
        private final Layer layer;
        private final int outputFeatures;
        private int inputFeatures = -1;

        GuardedLayer(PluginDescriptor plugin, Layer layer) {
            this.plugin = Objects.requireNonNull(plugin, "plugin");
            this.layer = layer;
            this.outputFeatures = call(plugin, "outputFeatures", layer::outputFeatures);
        }

        @Override
        public int outputFeatures() {
            return outputFeatures;
        }

        @Override
        public Tensor forward(Tensor input) {
            inputFeatures = input.columns();
            return checked("forward", call(plugin, "forward", () -> layer.forward(input)), input, outputFeatures);
        }

        @Override
        public Tensor backward(Tensor outputGradient) {
            return checked("backward", call(plugin, "backward", () -> layer.backward(outputGradient)), outputGradient,
                    inputFeatures);
        }

        /** Returns {@code result} after checking it has a row per row of {@code given}, {@code columns} wide, in its type. */
        private Tensor checked(String method, Tensor result, Tensor given, int columns) {
            String wrong = result == null ? "null"
                    : result.rows() != given.rows() || result.columns() != columns || result.dtype() != given.dtype()
                    ? "a " + result.rows() + " x " + result.columns() + " " + result.dtype() + " tensor" : null;
            if (wrong != null) {
                throw new PluginException(plugin.kind().label() + " plugin '" + plugin.name() + "' from " + plugin.origin()
                        + " returned " + wrong + " from " + method + " for a batch of " + given.rows() + " x " + given.columns()
                        + " " + given.dtype() + "; it must return " + given.rows() + " x " + columns + " " + given.dtype()
                        + (method.equals("forward") ? ", one row per example of the " + columns + " output features it declares" : ""));
            }
            return result;
        }

        @Override
        public void backwardParameters(Tensor outputGradient) {
            call(plugin, "backwardParameters", () -> {
                layer.backwardParameters(outputGradient);
                return null;
            });
        }

        @Override
        public List<Parameter> parameters() {
            return call(plugin, "parameters", layer::parameters);
        }

        @Override
        public void setTraining(boolean training) {
            call(plugin, "setTraining", () -> {
                layer.setTraining(training);
                return null;
            });
        }
    }

    /** A loss whose every call goes through {@link Plugins#call}. */
    private static final class GuardedLoss implements Loss {
        private final PluginDescriptor plugin;
        private final Loss loss;

        GuardedLoss(PluginDescriptor plugin, Loss loss) {
            this.plugin = plugin;
            this.loss = loss;
        }

        @Override
        public double evaluate(Tensor predictions, Tensor targets, Tensor weights, Tensor gradient) {
            return call(plugin, "evaluate", () -> loss.evaluate(predictions, targets, weights, gradient));
        }
    }

    /** An optimizer whose every call goes through {@link Plugins#call}. */
    private static final class GuardedOptimizer implements Optimizer {
        private final PluginDescriptor plugin;
        private final Optimizer optimizer;

        GuardedOptimizer(PluginDescriptor plugin, Optimizer optimizer) {
            this.plugin = plugin;
            this.optimizer = optimizer;
        }

        @Override
        public void step() {
            call(plugin, "step", () -> {
                optimizer.step();
                return null;
            });
        }

        @Override
        public OptionalDouble baseLearningRate() {
            OptionalDouble base = call(plugin, "baseLearningRate", optimizer::baseLearningRate);
            if (base == null) {
                throw new PluginException(describe(plugin) + " returned null from baseLearningRate()");
            }
            return base;
        }

        @Override
        public void setLearningRate(double learningRate) {
            // The one place every learning rate passes on its way into a plugin: check it here.
            if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("a learning rate must be finite and >= 0, found " + learningRate);
            }
            if (baseLearningRate().isEmpty()) {
                throw new PluginException(describe(plugin) + " has no learning rate, so a learning-rate schedule"
                        + " cannot be applied to it");
            }
            call(plugin, "setLearningRate", () -> {
                optimizer.setLearningRate(learningRate);
                return null;
            });
        }

        @Override
        public OptimizerState exportState() {
            OptimizerState state = call(plugin, "exportState", optimizer::exportState);
            if (state == null) {
                throw new PluginException(describe(plugin) + " returned null from exportState()");
            }
            return state;
        }

        @Override
        public void restoreState(OptimizerState state) {
            call(plugin, "restoreState", () -> {
                optimizer.restoreState(state);
                return null;
            });
        }
    }

    /** An initializer whose every call goes through {@link Plugins#call}. */
    private static final class GuardedInitializer implements Initializer {
        private final PluginDescriptor plugin;
        private final Initializer initializer;

        GuardedInitializer(PluginDescriptor plugin, Initializer initializer) {
            this.plugin = plugin;
            this.initializer = initializer;
        }

        @Override
        public void initialize(Tensor tensor, int fanIn, int fanOut, RandomGenerator random) {
            call(plugin, "initialize", () -> {
                initializer.initialize(tensor, fanIn, fanOut, random);
                return null;
            });
        }
    }
}
