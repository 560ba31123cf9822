package org.djx.api.archfixture;

/**
 * Breaks "exceptions djx defines are DjxExceptions"; it keeps "no class creates a bare exception",
 * since calling {@code super(...)} is how a specific exception is made.
 */
public class StandaloneException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StandaloneException(String message) {
        super(message);
    }
}
