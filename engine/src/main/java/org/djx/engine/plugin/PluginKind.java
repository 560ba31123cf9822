package org.djx.engine.plugin;

import org.djx.api.spi.DatasetSource;
import org.djx.api.spi.InitializerFactory;
import org.djx.api.spi.LayerFactory;
import org.djx.api.spi.LossFactory;
import org.djx.api.spi.OptimizerFactory;
import org.djx.api.spi.Plugin;
import org.djx.api.spi.ScheduleFactory;

/** The kinds of plugin, each with its own namespace of names and its own service interface. */
public enum PluginKind {
    LAYER("layer", LayerFactory.class),
    INITIALIZER("initializer", InitializerFactory.class),
    OPTIMIZER("optimizer", OptimizerFactory.class),
    LOSS("loss", LossFactory.class),
    DATASET("dataset", DatasetSource.class),
    SCHEDULE("schedule", ScheduleFactory.class);

    private final String label;
    private final Class<? extends Plugin> service;

    PluginKind(String label, Class<? extends Plugin> service) {
        this.label = label;
        this.service = service;
    }

    /** Returns the lowercase word used in messages and listings, such as {@code optimizer}. */
    public String label() {
        return label;
    }

    /** Returns the interface that providers of this kind implement. */
    public Class<? extends Plugin> service() {
        return service;
    }
}
