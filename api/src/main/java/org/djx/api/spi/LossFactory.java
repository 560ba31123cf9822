package org.djx.api.spi;

import org.djx.api.Stability;

/**
 * Creates losses of one type, such as {@code mse}.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public interface LossFactory extends Plugin {
    Loss create(Config config);
}
