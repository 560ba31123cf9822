package org.djx.api.spi;

import org.djx.api.Stability;

/**
 * Creates layers of one type, such as {@code linear} or {@code sigmoid}.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public interface LayerFactory extends Plugin {
    /**
     * Creates a layer.
     *
     * @throws org.djx.api.ConfigurationException if the values do not fit together or with the input
     */
    Layer create(Config config, LayerContext context);
}
