package org.djx.engine.plugin;

import java.util.Objects;
import org.djx.api.spi.Plugin;

/**
 * A discovered plugin: its kind, its name, the provider instance, and where it came from.
 *
 * @param loader the class loader to make the thread's context loader while calling the plugin
 */
public record PluginDescriptor(PluginKind kind, String name, Plugin plugin, PluginOrigin origin, ClassLoader loader) {
    public PluginDescriptor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(origin, "origin");
    }

    /** Returns a descriptor for a plugin class, reading its origin from the class. */
    public static PluginDescriptor of(PluginKind kind, Plugin plugin) {
        return new PluginDescriptor(kind, plugin.name(), plugin, PluginOrigin.of(plugin.getClass()),
                plugin.getClass().getClassLoader());
    }
}
