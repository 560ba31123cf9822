package org.djx.engine.archfixture;

/** Breaks "no class creates a bare exception". */
final class ThrowsABareRuntimeException {
    void check(int epochs) {
        if (epochs < 1) {
            throw new RuntimeException("epochs must be positive, found " + epochs);
        }
    }
}
