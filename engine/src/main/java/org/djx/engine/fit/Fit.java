package org.djx.engine.fit;

import java.util.OptionalDouble;
import org.djx.api.ConfigurationException;
import org.djx.api.Tensor;
import org.djx.api.spi.Kernels;
import org.djx.api.spi.Optimizer;
import org.djx.engine.model.Network;
import org.djx.engine.model.NetworkBuilder;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.spec.ComponentSpec;
import org.djx.engine.spec.ModelSpec;
import org.djx.engine.spec.TrainingSetup;
import org.djx.engine.train.Checkpoints;
import org.djx.engine.train.Trainer;
import org.djx.engine.train.TrainingResult;

/**
 * One fit, the way every task that trains makes it: build a fresh network, create its loss and optimizer,
 * take each epoch's learning rate from the schedule if there is one, train. The initial parameters come
 * from the streams {@code <prefix>init/layer-I/PARAM} and the order of the examples from
 * {@code <prefix>shuffle}, so fits that share a prefix differ only in their data and weights, and fits
 * under different prefixes (folds, repeats) draw independently. A model with initial weights
 * ({@code "weights-from"}) starts every fit, whatever its prefix, from the same parameters.
 */
public final class Fit {
    private Fit() {
    }

    /** A trained network and how its training went. */
    public record Fitted(Network network, TrainingResult training) {
        /** Returns the network's outputs for every row of {@code x}, copied, row after row. */
        public double[] predict(Tensor x) {
            return network.forward(x.to(network.dtype())).toArray();
        }
    }

    /**
     * Trains a fresh network of {@code setup}'s model on rows of x and y.
     *
     * @param weights  one weight per row, or null for equal weights
     * @param listener hears every epoch; the network is in evaluation mode while it listens
     */
    public static Fitted fit(TrainingSetup setup, Tensor x, Tensor y, Tensor weights, RandomStreams streams, String prefix,
            Kernels kernels, Trainer.Listener listener) {
        Network network = network(setup, x.columns(), streams, prefix, kernels);
        return new Fitted(network, train(setup, network, x, y, weights, streams, prefix, listener));
    }

    /**
     * Builds a fresh network of {@code setup}'s model for {@code inputs} features, as {@link #fit} does.
     *
     * @throws ConfigurationException if the model names a width of its own and the data has another, or its
     *                                initial weights do not fit the network the data's width makes
     */
    public static Network network(TrainingSetup setup, int inputs, RandomStreams streams, String prefix, Kernels kernels) {
        int declared = setup.model().inputs();
        if (declared != ModelSpec.FROM_DATA && declared != inputs) {
            throw new ConfigurationException("model.inputs is " + declared + " but the data has " + inputs
                    + " features; leave model.inputs out and the data decides the width");
        }
        return new NetworkBuilder(kernels).build(setup.model(), inputs, streams, prefix);
    }

    /** Trains {@code network}, built from {@code setup}'s model, as {@link #fit} does. */
    public static TrainingResult train(TrainingSetup setup, Network network, Tensor x, Tensor y, Tensor weights,
            RandomStreams streams, String prefix, Trainer.Listener listener) {
        return train(setup, network, x, y, weights, streams, prefix, listener, null);
    }

    /**
     * Trains {@code network} as {@link #fit} does, saving checkpoints to {@code checkpoints} and going on from the
     * last one there.
     *
     * @param checkpoints the fit's checkpoints, or null for none
     */
    public static TrainingResult train(TrainingSetup setup, Network network, Tensor x, Tensor y, Tensor weights,
            RandomStreams streams, String prefix, Trainer.Listener listener, Checkpoints checkpoints) {
        Optimizer optimizer = setup.optimizer().createOptimizer(network.parameters());
        return new Trainer(setup.trainer(), learningRates(setup, optimizer)).train(network, setup.loss().createLoss(),
                optimizer, x, y, weights, streams.stream(prefix + "shuffle"), listener, checkpoints);
    }

    /**
     * Returns the learning rate of each epoch that {@code setup}'s schedule gives {@code optimizer}, or null
     * without a schedule.
     *
     * @throws ConfigurationException if the optimizer has no learning rate, or the schedule refuses its
     *                                configuration for this run
     * @throws org.djx.api.PluginException if the schedule fails or gives a rate that is not finite and >= 0
     */
    public static double[] learningRates(TrainingSetup setup, Optimizer optimizer) {
        ComponentSpec schedule = setup.schedule();
        if (schedule == null) {
            return null;
        }
        OptionalDouble base = optimizer.baseLearningRate();
        if (base.isEmpty()) {
            throw new ConfigurationException("the optimizer '" + setup.optimizer().type() + "' has no learning rate"
                    + " (its baseLearningRate() is empty), so the schedule '" + schedule.type() + "' has none to set;"
                    + " leave the schedule out or choose an optimizer with a learning rate");
        }
        return schedule.learningRates(setup.trainer().epochs(), base.getAsDouble());
    }
}
