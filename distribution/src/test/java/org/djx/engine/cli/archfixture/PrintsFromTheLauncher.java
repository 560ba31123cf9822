package org.djx.engine.cli.archfixture;

/** Keeps "only the launcher writes to the console": it lives in the launcher's package. */
final class PrintsFromTheLauncher {
    void report(Exception e) {
        System.out.println("done");
        System.err.println("failed");
        e.printStackTrace();
    }
}
