package org.djx.engine.archfixture;

/** Breaks "only the launcher writes to the console": System.err outside the launcher. */
final class WritesToStderr {
    void warn(String message) {
        System.err.println(message);
    }
}
