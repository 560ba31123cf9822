package org.djx.engine.model;

import org.djx.api.ConfigurationException;

/**
 * A model whose parameters cannot fit the heap. Unlike other configuration errors of a probe network built
 * with a stand-in input width, it holds for the real width too: a wider input only needs more.
 */
public final class ModelTooLargeException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    ModelTooLargeException(String message) {
        super(message);
    }
}
