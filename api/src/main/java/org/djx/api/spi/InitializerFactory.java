package org.djx.api.spi;

import org.djx.api.Stability;

/**
 * Creates initializers of one type, such as {@code xavier-normal}.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public interface InitializerFactory extends Plugin {
    Initializer create(Config config);
}
