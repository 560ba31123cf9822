package org.djx.engine.report;

/**
 * Where a run reports what it does. The launcher prints it; tests collect it. Keeping output behind
 * this interface leaves the launcher the only code that writes to the console.
 *
 * <p>Three kinds of report: {@link #line} tells what happens, {@link #result} gives a result (all
 * that {@code --quiet} shows), and {@link #progress} says how far a long stage has come, which a
 * terminal shows as one live line and a log shows now and then.
 */
@FunctionalInterface
public interface RunOutput {
    /** Reports one line of text, without a line terminator. */
    void line(String text);

    /** Reports a line that states a result; by default like any other line. */
    default void result(String text) {
        line(text);
    }

    /**
     * Reports that {@code done} of {@code total} steps of {@code stage} are finished; ignored by default.
     *
     * @param detail the latest figure worth watching, such as {@code valid log rmse 0.18}; may be empty
     */
    default void progress(String stage, int done, int total, String detail) {
    }
}
