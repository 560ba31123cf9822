package org.djx.engine.plugin.archfixture;

import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.djx.api.spi.LayerFactory;

/** Keeps "only plugin loading touches services and module layers": it lives in the loading package. */
final class LoadsServices {
    long countLayers(Path folder) {
        ModuleLayer boot = ModuleLayer.boot();
        return ServiceLoader.load(boot, LayerFactory.class).stream().count() + ModuleFinder.of(folder).findAll().size();
    }
}
