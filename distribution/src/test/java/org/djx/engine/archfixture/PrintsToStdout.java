package org.djx.engine.archfixture;

/** Breaks "only the launcher writes to the console": System.out outside the launcher. */
final class PrintsToStdout {
    void report(double loss) {
        System.out.println("loss " + loss);
    }
}
