package org.djx.api;

/**
 * Thrown when an experiment file or a plugin's configuration is invalid.
 *
 * <p>Plugins raise it through {@link org.djx.api.spi.Config#error(String, String)}, which fills in the
 * file, line:column and JSON path of the offending key.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public class ConfigurationException extends DjxException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
