package org.djx.engine.plugin;

import java.util.function.Supplier;
import org.djx.api.DjxException;
import org.djx.api.PluginException;

/** Calls into plugin code with the plugin's own class loader as context, and attributes its failures. */
public final class Plugins {
    private Plugins() {
    }

    /**
     * Runs {@code action} as plugin {@code plugin}: djx's own exceptions pass through, anything else is
     * wrapped in a {@link PluginException} that names the plugin and where it came from.
     */
    public static <T> T call(PluginDescriptor plugin, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Libraries inside a dropped-in plugin look up their resources through the context loader.
        thread.setContextClassLoader(plugin.loader());
        try {
            return action.get();
        } catch (DjxException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new PluginException(plugin.kind().label() + " plugin '" + plugin.name() + "' from "
                    + plugin.origin() + " failed: " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
