package org.djx.engine.weights;

import java.nio.file.Path;
import org.djx.api.DataException;

/** Builds the errors of one file being read, each starting with the file's name. */
final class Refusal {
    /** Names longer than this are cut in messages: a damaged header may hold megabytes in one string. */
    private static final int MAX_QUOTED = 200;

    private final Path file;

    Refusal(Path file) {
        this.file = file;
    }

    DataException because(String what) {
        return new DataException("cannot read safetensors file " + file + ": " + what);
    }

    DataException because(String what, Throwable cause) {
        return new DataException("cannot read safetensors file " + file + ": " + what, cause);
    }

    /** Returns {@code text} in single quotes, made printable as {@link #printable} does. */
    static String quote(String text) {
        String quoted = "'" + escaped(text) + "'";
        return text.length() > MAX_QUOTED ? quoted + cut(text) : quoted;
    }

    /**
     * Returns {@code text} with control characters escaped as in JSON strings and cut after a few hundred
     * characters, saying so, so that a damaged header cannot put line breaks or megabytes into a message.
     */
    static String printable(String text) {
        return text.length() > MAX_QUOTED ? escaped(text) + cut(text) : escaped(text);
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        int end = Math.min(text.length(), MAX_QUOTED);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String cut(String text) {
        return " (cut at " + MAX_QUOTED + " of " + text.length() + " characters)";
    }
}
