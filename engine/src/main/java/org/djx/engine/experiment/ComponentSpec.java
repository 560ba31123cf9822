package org.djx.engine.experiment;

import java.util.Objects;
import org.djx.api.spi.Config;
import org.djx.engine.plugin.PluginDescriptor;

/**
 * A plugin chosen by an experiment file, with its checked configuration.
 *
 * @param plugin the plugin the {@code type} key names
 * @param config the plugin's configuration, defaults filled in
 * @param path   the JSON path of the object, for messages
 */
public record ComponentSpec(PluginDescriptor plugin, Config config, String path) {
    public ComponentSpec {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(path, "path");
    }

    /** Returns the plugin's name, such as {@code sgd}. */
    public String type() {
        return plugin.name();
    }
}
