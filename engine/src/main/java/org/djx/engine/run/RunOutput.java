package org.djx.engine.run;

/**
 * Where a run reports what it does, line by line. The launcher prints the lines; tests collect them.
 * Keeping output behind this interface leaves the launcher the only code that writes to the console.
 */
@FunctionalInterface
public interface RunOutput {
    /** Reports one line of text, without a line terminator. */
    void line(String text);
}
