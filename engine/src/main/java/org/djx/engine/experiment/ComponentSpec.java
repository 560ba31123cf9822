package org.djx.engine.experiment;

import java.util.List;
import java.util.Objects;
import org.djx.api.Parameter;
import org.djx.api.spi.Config;
import org.djx.api.spi.Loss;
import org.djx.api.spi.LossFactory;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.Plugins;

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

    /** Creates the loss this component names, guarded as every plugin call is; the reader checked its kind. */
    public Loss createLoss() {
        return Plugins.loss(plugin, () -> ((LossFactory) plugin.plugin()).create(config));
    }

    /** Creates the optimizer this component names for {@code parameters}, guarded as every plugin call is. */
    public Optimizer createOptimizer(List<Parameter> parameters) {
        return Plugins.optimizer(plugin, () -> ((OptimizerFactory) plugin.plugin()).create(config, parameters));
    }
}
