package org.djx.engine.archfixture;

import org.djx.api.spi.LayerFactory;
import org.djx.plugins.nn.LinearLayerFactory;

/** Breaks "the engine never depends on a plugin": it names a built-in plugin's class. */
final class CreatesAPluginDirectly {
    LayerFactory linear() {
        return new LinearLayerFactory();
    }
}
