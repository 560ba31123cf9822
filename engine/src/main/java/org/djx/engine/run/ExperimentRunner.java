package org.djx.engine.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.api.Parameter;
import org.djx.api.Tensor;
import org.djx.api.spi.Kernels;
import org.djx.api.spi.Loss;
import org.djx.api.spi.LossFactory;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.TaskKind;
import org.djx.engine.experiment.TrainingSpec;
import org.djx.engine.json.InvalidDocumentException;
import org.djx.engine.model.Network;
import org.djx.engine.model.NetworkBuilder;
import org.djx.engine.plugin.Plugins;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.train.StopReason;
import org.djx.engine.train.Trainer;
import org.djx.engine.train.TrainingResult;

/** Runs a checked experiment and reports what it computes. */
public final class ExperimentRunner {
    private final Kernels kernels;
    private final RunOutput out;

    public ExperimentRunner(Kernels kernels, RunOutput out) {
        this.kernels = kernels;
        this.out = out;
    }

    /**
     * Builds the experiment's network and checks that it fits the data, without running anything;
     * this is the part of validation that needs the plugins to create their layers.
     *
     * @throws org.djx.api.ConfigurationException if a layer rejects its configuration or the data
     */
    public Network prepare(Experiment experiment) {
        Network network = new NetworkBuilder(kernels).build(experiment.model(), new RandomStreams(experiment.seed()));
        if (experiment.data().hasTargets() && experiment.data().targets().columns() != network.outputs()) {
            throw new InvalidDocumentException(List.of(experiment.source().problem("$.data.targets",
                    "each target row has " + experiment.data().targets().columns() + " values but the network's last layer has "
                            + network.outputs() + " outputs; they must agree")));
        }
        return network;
    }

    /** Runs the experiment's task. */
    public RunResult run(Experiment experiment) {
        Network network = prepare(experiment);
        return switch (experiment.task()) {
            case FORWARD -> forward(experiment, network);
            case TRAIN -> train(experiment, network);
        };
    }

    private RunResult forward(Experiment experiment, Network network) {
        Tensor inputs = experiment.data().inputs();
        out.line(experiment.name() + ": forward pass of " + inputs.rows() + " example" + (inputs.rows() == 1 ? "" : "s")
                + " through " + network.depth() + " layers");
        network.forward(inputs);
        Map<String, Tensor> reported = reportedOutputs(network);
        int width = reported.keySet().stream().mapToInt(String::length).max().orElse(0);
        reported.forEach((label, value) -> out.line(pad(label, width) + " = " + Format.tensor(value)));
        return new RunResult(experiment.name(), reported, null, Map.of());
    }

    /** Returns the outputs of the labelled layers, or of every layer when none is labelled. */
    private static Map<String, Tensor> reportedOutputs(Network network) {
        Map<String, Tensor> labelled = new LinkedHashMap<>();
        Map<String, Tensor> all = new LinkedHashMap<>();
        for (int i = 0; i < network.depth(); i++) {
            all.put(network.label(i) != null ? network.label(i) : "layer " + (i + 1), network.output(i));
            if (network.label(i) != null) {
                labelled.put(network.label(i), network.output(i));
            }
        }
        return labelled.isEmpty() ? all : labelled;
    }

    private RunResult train(Experiment experiment, Network network) {
        TrainingSpec spec = experiment.training();
        Loss loss = Plugins.call(experiment.loss().plugin(),
                () -> ((LossFactory) experiment.loss().plugin().plugin()).create(experiment.loss().config()));
        Optimizer optimizer = Plugins.call(experiment.optimizer().plugin(),
                () -> ((OptimizerFactory) experiment.optimizer().plugin().plugin())
                        .create(experiment.optimizer().config(), network.parameters()));
        Tensor inputs = experiment.data().inputs();
        Tensor targets = experiment.data().targets();
        out.line(experiment.name() + ": training on " + inputs.rows() + " example" + (inputs.rows() == 1 ? "" : "s")
                + " with " + experiment.loss().type() + " loss and " + experiment.optimizer().type()
                + ", at most " + spec.epochs() + " epochs, batch size " + Math.min(spec.batchSize(), inputs.rows()));
        RandomStreams random = new RandomStreams(experiment.seed());
        Map<String, Tensor> firstStep = new LinkedHashMap<>();
        TrainingResult result = new Trainer(spec).train(network, loss, optimizer, inputs, targets,
                random.stream("shuffle"), new Trainer.Listener() {
                    @Override
                    public void epochEnded(int epoch, double value) {
                        if (epoch == 1 || epoch % spec.reportEvery() == 0 || !Double.isFinite(value)) {
                            out.line("epoch " + epoch + ", loss " + Format.number(value));
                        }
                    }

                    @Override
                    public void firstStepTaken(double batchLoss, Network net) {
                        if (spec.traceFirstStep()) {
                            firstStep.putAll(traceFirstStep(batchLoss, net));
                        }
                    }
                });
        int epochs = result.epochs();
        if (result.reason() == StopReason.DIVERGED) {
            out.line("diverged: the loss became " + result.loss(epochs) + " in epoch " + epochs
                    + "; last finite loss " + Format.number(result.lastFiniteLoss())
                    + ". Lower the learning rate or change the initialization.");
        } else {
            if (epochs % spec.reportEvery() != 0 && epochs != 1) {
                out.line("epoch " + epochs + ", loss " + Format.number(result.loss(epochs)));
            }
            out.line("stopped after " + epochs + " epoch" + (epochs == 1 ? "" : "s") + ": "
                    + result.reason().explanation() + (result.reason() == StopReason.TOLERANCE
                    ? " (" + Format.number(spec.tolerance()) + ")" : "")
                    + "; final loss " + Format.number(result.loss(epochs)));
        }
        return new RunResult(experiment.name(), Map.of(), result, firstStep);
    }

    /**
     * Prints and returns the first step in D2L's notation: layers with parameters are numbered from 1,
     * the input being layer 1, so the k-th of them maps layer k to layer k + 1 with W(k) and b(k), and
     * its output gradient is delta(k + 1). Deltas are listed from the output back, as backpropagation
     * computes them.
     */
    private Map<String, Tensor> traceFirstStep(double batchLoss, Network network) {
        Map<String, Tensor> trace = new LinkedHashMap<>();
        out.line("first step: loss " + Format.number(batchLoss) + " before the update");
        List<Integer> withParameters = new ArrayList<>();
        for (int i = 0; i < network.depth(); i++) {
            if (!network.parameters(i).isEmpty()) {
                withParameters.add(i);
            }
        }
        for (int k = withParameters.size(); k >= 1; k--) {
            trace.put("delta(" + (k + 1) + ")", network.outputGradient(withParameters.get(k - 1)));
        }
        for (int k = withParameters.size(); k >= 1; k--) {
            for (Parameter p : network.parameters(withParameters.get(k - 1))) {
                String symbol = p.role() == Parameter.Role.WEIGHT ? "W" : "b";
                trace.put("dLoss/d" + symbol + "(" + k + ")", p.gradient());
                trace.put(symbol + "(" + k + ") updated", p.value());
            }
        }
        int width = trace.keySet().stream().mapToInt(String::length).max().orElse(0);
        trace.forEach((label, value) -> out.line("  " + pad(label, width) + " = " + Format.tensor(value)));
        Map<String, Tensor> copies = new LinkedHashMap<>();
        trace.forEach((label, value) -> copies.put(label, value.copy()));
        return copies;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
