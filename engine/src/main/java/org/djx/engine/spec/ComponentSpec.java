package org.djx.engine.spec;

import java.util.List;
import java.util.Objects;
import org.djx.api.Parameter;
import org.djx.api.PluginException;
import org.djx.api.spi.Config;
import org.djx.api.spi.DatasetSource;
import org.djx.api.spi.Initializer;
import org.djx.api.spi.InitializerFactory;
import org.djx.api.spi.Layer;
import org.djx.api.spi.LayerContext;
import org.djx.api.spi.LayerFactory;
import org.djx.api.spi.Loss;
import org.djx.api.spi.LossFactory;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
import org.djx.api.spi.Schedule;
import org.djx.api.spi.ScheduleFactory;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.Plugins;

/**
 * A plugin chosen by an experiment file, with its checked configuration. The {@code create} methods
 * call the plugin guarded, as every plugin call is; the reader checked that the plugin is of the kind
 * each of them needs.
 *
 * @param plugin the plugin the {@code type} key names
 * @param config the plugin's configuration, defaults filled in
 * @param path   the JSON path of the object, for messages
 * @param label  the type with the settings the file wrote, such as {@code normal(std=1.0)}, for legends
 */
public record ComponentSpec(PluginDescriptor plugin, Config config, String path, String label) {
    public ComponentSpec {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(label, "label");
    }

    /** Returns the plugin's name, such as {@code sgd}. */
    public String type() {
        return plugin.name();
    }

    public Loss createLoss() {
        return Plugins.loss(plugin, () -> ((LossFactory) plugin.plugin()).create(config));
    }

    /** Creates the optimizer for {@code parameters}. */
    public Optimizer createOptimizer(List<Parameter> parameters) {
        return Plugins.optimizer(plugin, () -> ((OptimizerFactory) plugin.plugin()).create(config, parameters));
    }

    public Initializer createInitializer() {
        return Plugins.initializer(plugin, () -> ((InitializerFactory) plugin.plugin()).create(config));
    }

    /** Has the dataset source check its configuration without loading anything. */
    public void checkDataset() {
        Plugins.call(plugin, () -> {
            ((DatasetSource) plugin.plugin()).check(config);
            return null;
        });
    }

    /**
     * Returns the learning rate of every epoch of a run of {@code epochs} epochs from this schedule plugin,
     * for an optimizer configured with {@code baseRate}: element e is the rate of epoch e, counted from 0.
     * The plugin is called once, guarded, for all of them.
     *
     * @throws org.djx.api.ConfigurationException if the plugin refuses its configuration for this run
     * @throws PluginException                    if the plugin fails, or gives a rate that is not finite and >= 0
     */
    public double[] learningRates(int epochs, double baseRate) {
        double[] rates = Plugins.call(plugin, () -> {
            Schedule schedule = ((ScheduleFactory) plugin.plugin()).create(config, epochs);
            if (schedule == null) {
                throw new PluginException(plugin.kind().label() + " plugin '" + plugin.name() + "' from " + plugin.origin()
                        + " returned null from create");
            }
            double[] each = new double[epochs];
            for (int e = 0; e < epochs; e++) {
                each[e] = schedule.learningRate(e, baseRate);
            }
            return each;
        });
        for (int e = 0; e < epochs; e++) {
            if (!(rates[e] >= 0) || Double.isInfinite(rates[e])) {
                throw new PluginException(plugin.kind().label() + " plugin '" + plugin.name() + "' from " + plugin.origin()
                        + " gives epoch " + (e + 1) + " of " + epochs + " the learning rate " + rates[e] + " (the optimizer's"
                        + " rate is " + baseRate + "); a learning rate must be finite and >= 0");
            }
        }
        return rates;
    }

    public Layer createLayer(LayerContext context) {
        return Plugins.layer(plugin, () -> ((LayerFactory) plugin.plugin()).create(config, context));
    }
}
