package org.djx.engine.json;

import java.util.Objects;

/**
 * One thing wrong with a JSON document, placed by file, line:column and JSON path.
 *
 * @param file     the file as the user named it
 * @param location where in the file, or null when the problem concerns the file as a whole
 * @param path     the JSON path, such as {@code $.model.layers[0].type}, or null before parsing
 * @param message  what is wrong, what was expected, and what is valid
 */
public record Problem(String file, Location location, String path, String message) {
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** Returns {@code file:line:column: at $.path: message}, leaving out what is unknown. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (location != null) {
            sb.append(':').append(location);
        }
        sb.append(": ");
        if (path != null) {
            sb.append("at ").append(path).append(": ");
        }
        return sb.append(message).toString();
    }
}
