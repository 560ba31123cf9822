package org.djx.engine.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.djx.engine.report.RunOutput;

/**
 * Prints a run's reports to the console in one of three modes: on a terminal, progress is one live
 * line redrawn in place with an estimate of the time left; in a log or a pipe, progress is a plain
 * line now and then; quiet, only results are printed. Trials on several threads may report at once.
 */
final class ConsoleOutput implements RunOutput {
    /** How progress is shown. */
    enum Mode { TERMINAL, LOG, QUIET }

    /** Redraws of the live line at most this often, so that printing never slows a run down. */
    private static final long REDRAW_NANOS = 100_000_000L;
    /** A log gets a progress line at most this often. */
    private static final long LOG_NANOS = 10_000_000_000L;

    private final PrintWriter out;
    private final Mode mode;
    private String stage;
    private long stageStart;
    private long lastShown;
    private int liveWidth;

    ConsoleOutput(PrintWriter out, Mode mode) {
        this.out = out;
        this.mode = mode;
    }

    @Override
    public synchronized void line(String text) {
        if (mode != Mode.QUIET) {
            clearLive();
            out.println(text);
        }
    }

    @Override
    public synchronized void result(String text) {
        clearLive();
        out.println(text);
    }

    @Override
    public synchronized void progress(String stage, int done, int total, String detail) {
        if (mode == Mode.QUIET) {
            return;
        }
        long now = System.nanoTime();
        if (!stage.equals(this.stage)) {
            this.stage = stage;
            stageStart = now;
            lastShown = now;
        }
        boolean last = done >= total;
        if (mode == Mode.TERMINAL) {
            if (now - lastShown >= REDRAW_NANOS || last) {
                lastShown = now;
                String text = describe(stage, done, total, detail, now);
                out.print("\r" + text + " ".repeat(Math.max(0, liveWidth - text.length())));
                out.flush();
                liveWidth = text.length();
            }
        } else if (now - lastShown >= LOG_NANOS) {
            lastShown = now;
            out.println(describe(stage, done, total, detail, now));
        }
    }

    /** Finishes the live line, if one is shown, so the next output starts on a fresh line. */
    private void clearLive() {
        if (liveWidth > 0) {
            out.print("\r" + " ".repeat(liveWidth) + "\r");
            liveWidth = 0;
        }
    }

    private String describe(String stage, int done, int total, String detail, long now) {
        int width = 20;
        int filled = total == 0 ? width : (int) ((long) width * done / total);
        StringBuilder sb = new StringBuilder(stage).append(" [").append("#".repeat(filled)).append(" ".repeat(width - filled))
                .append("] ").append(done).append('/').append(total);
        if (!detail.isEmpty()) {
            sb.append("  ").append(detail);
        }
        if (done > 0 && done < total) {
            double secondsLeft = (now - stageStart) / 1e9 * (total - done) / done;
            sb.append(String.format(Locale.ROOT, "  ETA %.0fs", Math.ceil(secondsLeft)));
        }
        return sb.toString();
    }
}
