package org.djx.engine.plugin;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.djx.api.ConfigurationException;
import org.djx.api.spi.Plugin;

/**
 * Creates plugin providers and reads their names; dropped-in ones each on a daemon thread of its own,
 * within a time bound, and remembered while their code runs.
 *
 * <p>Creating a provider runs plugin code (its static initializer, constructor, {@code name()} and
 * {@code configuration()}) before djx knows whether anything uses the plugin. A dropped-in one that
 * does not return in time is left behind on its daemon thread, which does not keep the JVM alive, and
 * becomes a {@link PluginProblem}. One that calls {@code System.exit} cannot be stopped, but
 * {@link #exitDuringCreation()} lets the launcher's shutdown hook name it rather than let the exit pass
 * for a clean one.
 */
public final class ProviderCreation {
    /** The environment variable that sets how long a dropped-in provider may take to be created, in seconds. */
    public static final String TIMEOUT_VARIABLE = "DJX_PLUGIN_TIMEOUT";
    /** How long a dropped-in provider may take to be created when {@link #TIMEOUT_VARIABLE} is not set. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final BigDecimal LONGEST_TIMEOUT_SECONDS = BigDecimal.valueOf(Duration.ofDays(1).toSeconds());

    /** The creations whose plugin code still runs, by the thread that runs it; a timed-out one stays until it returns. */
    private static final Map<Thread, Creation> IN_FLIGHT = new ConcurrentHashMap<>();

    private ProviderCreation() {
    }

    /** What creating a provider gave: a plugin ready to register, or the problem that stopped it. */
    record Outcome(PluginDescriptor plugin, PluginProblem problem) {
    }

    /** A provider being created, and which of its methods runs now, for messages. */
    private static final class Creation {
        private final FoundProvider provider;
        private volatile String stage = "static initializer or constructor";

        Creation(FoundProvider provider) {
            this.provider = provider;
        }
    }

    /**
     * Returns the time bound that {@code value}, the text of {@link #TIMEOUT_VARIABLE}, sets: a number of
     * seconds greater than 0 and at most a day; {@link #DEFAULT_TIMEOUT} when null or blank.
     *
     * @throws ConfigurationException if the value is not such a number
     */
    public static Duration timeout(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            seconds = null;
        }
        if (seconds == null || seconds.signum() <= 0 || seconds.compareTo(LONGEST_TIMEOUT_SECONDS) > 0) {
            throw new ConfigurationException(TIMEOUT_VARIABLE + " must be a number of seconds greater than 0 and at most "
                    + LONGEST_TIMEOUT_SECONDS + ", such as 10 or 2.5, found '" + value + "'; it bounds how long a dropped-in"
                    + " plugin may take to be created");
        }
        return Duration.ofNanos(Math.max(1, seconds.movePointRight(9).longValue()));
    }

    /**
     * Creates a dropped-in provider on a daemon thread with the plugin's class loader as context, and
     * waits for it at most {@code timeout}; a creation that takes longer becomes a problem and its thread
     * is left to itself.
     */
    static Outcome createBounded(FoundProvider provider, Duration timeout) {
        Creation creation = new Creation(provider);
        FutureTask<Outcome> task = new FutureTask<>(() -> {
            try {
                return create(provider, creation);
            } finally {
                IN_FLIGHT.remove(Thread.currentThread());
            }
        });
        Thread thread = new Thread(task, "djx-plugin-creation " + provider.type().getName());
        thread.setDaemon(true);
        // Libraries inside a dropped-in plugin look up their resources through the context loader.
        thread.setContextClassLoader(provider.type().getClassLoader());
        // Registered before it starts, so that an exit from its very first instruction is attributed.
        IN_FLIGHT.put(thread, creation);
        try {
            thread.start();
        } catch (OutOfMemoryError e) {
            IN_FLIGHT.remove(thread);
            return problem(provider, provider.describe() + " could not be created: djx " + Resources.exhausted(e,
                    "starting a thread for it"));
        }
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // Read before the cancel: its interrupt may let the creation move on to a later stage.
            String stage = creation.stage;
            task.cancel(true);
            return problem(provider, provider.describe() + " did not finish creating within " + seconds(timeout)
                    + "; its " + stage + " was still running (waiting for something that never came, or looping)."
                    + " djx carries on without it; fix the plugin or remove it, or allow more time with "
                    + TIMEOUT_VARIABLE + "=SECONDS");
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return problem(provider, provider.describe() + " was still being created when djx was interrupted;"
                    + " it was not loaded");
        } catch (ExecutionException e) {
            // create catches whatever plugin code throws; anything else is djx's own failure.
            throw new IllegalStateException("creating " + provider.describe() + " failed in djx itself", e.getCause());
        }
    }

    /**
     * Creates {@code provider} on the calling thread, as built-in plugins are created, and checks what it
     * declares.
     */
    static Outcome create(FoundProvider provider) {
        return create(provider, new Creation(provider));
    }

    private static Outcome create(FoundProvider found, Creation creation) {
        Class<? extends Plugin> type = found.type();
        String what = found.describe();
        Plugin plugin;
        try {
            plugin = found.provider().get();
        } catch (Throwable e) {
            // Plugin code may throw anything, checked exceptions too (sneaky throws); none of it may stop djx.
            return problem(found, what + " could not be created: " + constructorFailure(e)
                    + "; the other plugins are unaffected");
        }
        creation.stage = "name()";
        String name;
        try {
            name = plugin.name();
        } catch (Throwable e) {
            return problem(found, what + " failed in name(): " + Plugins.thrown(e) + "; it was not loaded");
        }
        if (name == null) {
            return problem(found, what + " returned null from name(); it was not loaded");
        }
        creation.stage = "configuration()";
        PluginDescriptor descriptor = new PluginDescriptor(found.kind(), name, plugin, PluginOrigin.of(type), type.getClassLoader());
        Optional<PluginProblem> invalid = PluginRegistry.declarationProblem(descriptor);
        return invalid.map(p -> new Outcome(null, p)).orElseGet(() -> new Outcome(descriptor, null));
    }

    /** Says why a provider's creation failed: its static initializer, a class it needs, or its constructor. */
    private static String constructorFailure(Throwable e) {
        // ServiceLoader wraps what the constructor threw.
        Throwable cause = e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
        Optional<String> initializer = Plugins.initializerFailure(cause);
        if (initializer.isPresent()) {
            return initializer.get();
        }
        if (cause instanceof VirtualMachineError exhausted) {
            return "its constructor " + Resources.exhausted(exhausted);
        }
        return "its constructor threw " + cause + PluginLoader.linkageHint(cause);
    }

    private static Outcome problem(FoundProvider provider, String reason) {
        return new Outcome(null, new PluginProblem(provider.source(), reason));
    }

    /** Returns {@code 10 s} or {@code 1.5 s}. */
    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toNanos()).movePointLeft(9).stripTrailingZeros().toPlainString() + " s";
    }

    /**
     * Returns what to tell the user when the JVM is exiting because a dropped-in plugin called
     * {@code System.exit} while it was being created, naming the plugin and its jar; empty otherwise,
     * also when the exit comes from Ctrl-C or from djx itself. For the launcher's shutdown hook.
     */
    public static Optional<String> exitDuringCreation() {
        for (Map.Entry<Thread, Creation> e : IN_FLIGHT.entrySet()) {
            if (isExiting(e.getKey())) {
                FoundProvider p = e.getValue().provider;
                return Optional.of("the " + p.kind().label() + " plugin " + p.type().getName() + " in " + p.source()
                        + " called System.exit while it was being created (in its " + e.getValue().stage + "); djx stopped;"
                        + " remove it from the plugins folder");
            }
        }
        return Optional.empty();
    }

    /** Returns whether {@code thread} is the one that called {@code System.exit}: it waits inside Runtime.exit for the hooks. */
    private static boolean isExiting(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals(Runtime.class.getName()) && frame.getMethodName().equals("exit")) {
                return true;
            }
        }
        return false;
    }
}
