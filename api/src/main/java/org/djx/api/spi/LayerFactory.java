package org.djx.api.spi;

/**
 * Creates layers of one type, such as {@code linear} or {@code sigmoid}.
 *
 * @since 0.1
 */
public interface LayerFactory extends Plugin {
    /**
     * Creates a layer.
     *
     * @throws org.djx.api.ConfigurationException if the values do not fit together or with the input
     */
    Layer create(Config config, LayerContext context);
}
