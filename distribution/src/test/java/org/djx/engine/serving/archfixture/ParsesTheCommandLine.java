package org.djx.engine.serving.archfixture;

import picocli.CommandLine;

/** Breaks rule 12: serving code that reaches for the launcher's command-line library. */
public final class ParsesTheCommandLine {
    public CommandLine line;
}
