package org.djx.api;

/**
 * The base of every exception that djx raises on purpose.
 *
 * <p>Subclasses that describe a user's mistake (a bad file, an unknown plugin, bad data) return
 * {@code true} from {@link #isUserError()}: the launcher then prints the message alone, without a
 * stack trace, and exits with status 2.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public abstract class DjxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected DjxException(String message) {
        super(message);
    }

    protected DjxException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Returns whether the user can fix the cause by changing their input. */
    public boolean isUserError() {
        return true;
    }
}
