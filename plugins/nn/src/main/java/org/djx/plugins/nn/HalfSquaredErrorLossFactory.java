package org.djx.plugins.nn;

import org.djx.api.spi.Config;
import org.djx.api.spi.Loss;
import org.djx.api.spi.LossFactory;

/** D2L's J = sum_j 1/2 (a_j - y_j)^2 per example, averaged over the batch. */
public final class HalfSquaredErrorLossFactory implements LossFactory {
    @Override
    public String name() {
        return "half-squared-error";
    }

    @Override
    public String description() {
        return "Half the sum of squared errors per example, J = sum_j 1/2 (a_j - y_j)^2, averaged over examples.";
    }

    @Override
    public Loss create(Config config) {
        return new SquaredError(false);
    }
}
