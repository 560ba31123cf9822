package org.djx.plugins.init.archfixture;

import org.djx.api.spi.LayerFactory;
import org.djx.plugins.nn.LinearLayerFactory;

/** Breaks "plugins see only the JDK and the api": the init plugin using a class of the nn plugin. */
final class BorrowsFromAnotherPlugin {
    LayerFactory linear() {
        return new LinearLayerFactory();
    }
}
