package org.djx.engine.run;

import java.util.Arrays;
import org.djx.api.ConfigurationException;
import org.djx.api.Tensor;
import org.djx.api.spi.Kernels;
import org.djx.api.spi.Loss;
import org.djx.api.spi.Optimizer;
import org.djx.engine.experiment.ComponentSpec;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.TrainingSpec;
import org.djx.engine.model.Network;
import org.djx.engine.model.NetworkBuilder;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.report.LinePlot;
import org.djx.engine.shift.ShiftDetector;
import org.djx.engine.train.Trainer;
import org.djx.engine.train.TrainingResult;

/** One fit of the experiment's model, optionally with example weights, for the shift tasks. */
final class Fitting {
    private Fitting() {
    }

    /** A trained network and how its training went. */
    record Fitted(Network network, TrainingResult training) {
        /** Returns the network's single output for every row of {@code x}, copied. */
        double[] predict(Tensor x) {
            return network.forward(x.to(network.dtype())).toArray();
        }
    }

    /**
     * Trains a fresh network of the experiment's model on x, y. Its initial parameters come from the
     * streams under {@code prefix} and so does its shuffle, so fits that share a prefix differ only in
     * what they are trained on and with which weights.
     *
     * @param weights one weight per row, or null
     * @param stage   the progress stage, such as {@code repeat 2, weighted}
     */
    static Fitted fit(Experiment experiment, ComponentSpec lossSpec, ComponentSpec optimizerSpec, TrainingSpec training,
            Tensor x, Tensor y, Tensor weights, RandomStreams streams, String prefix, Kernels kernels, RunOutput out, String stage) {
        Network network = new NetworkBuilder(kernels).build(experiment.model(), x.columns(), streams, prefix);
        if (network.outputs() != 1) {
            throw new ConfigurationException(experiment.file() + ": the network's last layer has " + network.outputs()
                    + " outputs; task '" + experiment.task().kind().label() + "' needs 1");
        }
        Loss loss = lossSpec.createLoss();
        Optimizer optimizer = optimizerSpec.createOptimizer(network.parameters());
        TrainingResult result = new Trainer(training).train(network, loss, optimizer, x, y, weights, streams.stream(prefix + "shuffle"),
                (epoch, value, predictions) -> out.progress(stage, epoch, training.epochs(), "loss " + Format.number(value)));
        return new Fitted(network, result);
    }

    /** Returns x from {@code from} to {@code to} in {@code n} even steps. */
    static double[] grid(double from, double to, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = from + (to - from) * i / (n - 1);
        }
        return g;
    }

    /** Returns a histogram's bin centres and densities (fraction per unit of x) over [min, max] in {@code bins} bins. */
    static double[][] density(double[] values, double min, double max, int bins) {
        double width = (max - min) / bins;
        double[] centres = new double[bins];
        double[] density = new double[bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = min + (b + 0.5) * width;
        }
        for (double v : values) {
            int b = (int) Math.floor((v - min) / width);
            if (b >= 0 && b <= bins) {
                density[Math.min(b, bins - 1)] += 1.0 / (values.length * width);
            }
        }
        return new double[][] {centres, density};
    }

    /**
     * Writes classifier-scores: the densities of the out-of-fold logits of the training rows and of the
     * test rows, over their common range (nothing when every logit is the same).
     */
    static void writeScorePlot(TaskContext context, String title, ShiftDetector.Detection d) {
        double[] train = d.trainScores();
        double[] test = d.testScores();
        double lo = Math.min(Arrays.stream(train).min().orElseThrow(), Arrays.stream(test).min().orElseThrow());
        double hi = Math.max(Arrays.stream(train).max().orElseThrow(), Arrays.stream(test).max().orElseThrow());
        if (hi > lo) {
            double[][] a = density(train, lo, hi, 30);
            double[][] b = density(test, lo, hi, 30);
            context.writePlot("classifier-scores", new LinePlot(title, "logit h(x) of 'test'", "density", false)
                    .add("training rows", a[0], a[1]).add("test rows", b[0], b[1]));
        }
    }
}
