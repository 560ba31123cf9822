package org.djx.api;

/**
 * Thrown when a dataset is missing, corrupt or malformed; the message names the file and the place.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public class DataException extends DjxException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
