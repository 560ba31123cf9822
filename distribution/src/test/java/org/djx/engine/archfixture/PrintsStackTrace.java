package org.djx.engine.archfixture;

/** Breaks "only the launcher writes to the console": a stack trace dumped outside the launcher. */
final class PrintsStackTrace {
    void attempt(Runnable action) {
        try {
            action.run();
        } catch (IllegalStateException e) {
            e.printStackTrace();
        }
    }
}
