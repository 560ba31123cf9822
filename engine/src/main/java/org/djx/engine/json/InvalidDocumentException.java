package org.djx.engine.json;

import java.util.List;
import org.djx.api.ConfigurationException;

/**
 * Thrown when a JSON document breaks one or more rules; it carries every problem found, not just the
 * first.
 */
public final class InvalidDocumentException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidDocumentException(List<Problem> problems) {
        super(format(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems to report");
        }
        this.problems = List.copyOf(problems);
    }

    /** Returns the problems, in the order they were found. */
    public List<Problem> problems() {
        return problems;
    }

    private static String format(List<Problem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder sb = new StringBuilder(problems.get(0).file()).append(": ").append(problems.size())
                .append(" problems");
        for (Problem p : problems) {
            sb.append(System.lineSeparator()).append("  ").append(p);
        }
        return sb.toString();
    }
}
