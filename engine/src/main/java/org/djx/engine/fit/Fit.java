package org.djx.engine.fit;

import org.djx.api.ConfigurationException;
import org.djx.api.Tensor;
import org.djx.api.spi.Kernels;
import org.djx.engine.model.Network;
import org.djx.engine.model.NetworkBuilder;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.spec.ModelSpec;
import org.djx.engine.spec.TrainingSetup;
import org.djx.engine.train.Trainer;
import org.djx.engine.train.TrainingResult;

/**
 * One fit, the way every task that trains makes it: build a fresh network, create its loss and optimizer,
 * train. The initial parameters come from the streams {@code <prefix>init/layer-I/PARAM} and the order of
 * the examples from {@code <prefix>shuffle}, so fits that share a prefix differ only in their data and
 * weights, and fits under different prefixes (folds, repeats) draw independently.
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
     * @throws ConfigurationException if the model names a width of its own and the data has another
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
        return new Trainer(setup.trainer()).train(network, setup.loss().createLoss(),
                setup.optimizer().createOptimizer(network.parameters()), x, y, weights, streams.stream(prefix + "shuffle"), listener);
    }
}
