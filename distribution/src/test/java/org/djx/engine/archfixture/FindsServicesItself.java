package org.djx.engine.archfixture;

import java.util.ServiceLoader;
import org.djx.api.spi.LayerFactory;

/** Breaks "only plugin loading touches services and module layers": ServiceLoader outside it. */
final class FindsServicesItself {
    long countLayers() {
        return ServiceLoader.load(LayerFactory.class).stream().count();
    }
}
