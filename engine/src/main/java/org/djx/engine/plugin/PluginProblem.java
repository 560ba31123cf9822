package org.djx.engine.plugin;

import java.util.Objects;

/**
 * A plugin that could not be used: where it was found and why. Problems never stop other plugins.
 *
 * @param source the jar, folder or module concerned
 * @param reason what went wrong and what to do about it
 */
public record PluginProblem(String source, String reason) {
    public PluginProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return source + ": " + reason;
    }
}
