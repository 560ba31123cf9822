package org.djx.engine.archfixture;

/** Breaks "only plugin loading touches services and module layers": ModuleLayer outside it. */
final class WalksTheBootLayer {
    int moduleCount() {
        return ModuleLayer.boot().modules().size();
    }
}
