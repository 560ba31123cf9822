package org.djx.plugins.nn;

import org.djx.api.spi.Config;
import org.djx.api.spi.Loss;
import org.djx.api.spi.LossFactory;

/** Mean squared error over every element, as PyTorch's MSELoss computes it. */
public final class MseLossFactory implements LossFactory {
    @Override
    public String name() {
        return "mse";
    }

    @Override
    public String description() {
        return "Mean squared error over all outputs and examples (PyTorch's MSELoss).";
    }

    @Override
    public Loss create(Config config) {
        return new SquaredError(true);
    }
}
