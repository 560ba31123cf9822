package org.djx.api;

/**
 * Thrown when a plugin cannot be loaded, is named twice, or fails while it is created.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public class PluginException extends DjxException {
    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
