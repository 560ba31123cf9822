package org.djx.api.spi;

import java.util.List;
import org.djx.api.Stability;

/**
 * What every plugin has in common: the name an experiment file refers to it by, a description, and
 * the configuration keys it accepts.
 *
 * <p>Implementations are discovered with {@link java.util.ServiceLoader} through one of the
 * kind-specific interfaces ({@link LayerFactory}, {@link InitializerFactory}, {@link OptimizerFactory},
 * {@link LossFactory}, {@link DatasetSource}). They must be public final classes with a public
 * no-argument constructor, and should be stateless: {@code create} is called once per use.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public interface Plugin {
    /** Returns the kebab-case name, unique within the plugin's kind, such as {@code xavier-normal}. */
    String name();

    /** Returns one sentence saying what the plugin does. */
    String description();

    /** Returns the configuration keys this plugin accepts; an empty list if none. */
    default List<ParameterSpec> parameters() {
        return List.of();
    }
}
