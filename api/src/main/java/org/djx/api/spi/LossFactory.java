package org.djx.api.spi;

/**
 * Creates losses of one type, such as {@code mse}.
 *
 * @since 0.1
 */
public interface LossFactory extends Plugin {
    Loss create(Config config);
}
