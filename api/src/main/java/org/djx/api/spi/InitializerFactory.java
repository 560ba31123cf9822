package org.djx.api.spi;

/**
 * Creates initializers of one type, such as {@code xavier-normal}.
 *
 * @since 0.1
 */
public interface InitializerFactory extends Plugin {
    Initializer create(Config config);
}
