package org.djx.engine.archfixture;

import java.lang.module.ModuleFinder;
import java.nio.file.Path;

/** Breaks "only plugin loading touches services and module layers": a ModuleFinder outside it. */
final class FindsModulesItself {
    int moduleCount(Path folder) {
        return ModuleFinder.of(folder).findAll().size();
    }
}
