package org.djx.api.spi;

import java.util.List;
import org.djx.api.Parameter;
import org.djx.api.Stability;

/**
 * Creates optimizers of one type, such as {@code sgd} or {@code adam}.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public interface OptimizerFactory extends Plugin {
    /** Creates an optimizer that owns its state (momenta, step count) for these parameters. */
    Optimizer create(Config config, List<Parameter> parameters);
}
