package org.djx.engine.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.api.Parameter;
import org.djx.api.Tensor;
import org.djx.api.spi.Loss;
import org.djx.api.spi.Optimizer;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.TrainSpec;
import org.djx.engine.experiment.TrainingSpec;
import org.djx.engine.model.Network;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.report.LinePlot;
import org.djx.engine.train.StopReason;
import org.djx.engine.train.Trainer;
import org.djx.engine.train.TrainingResult;

/** Training on inline examples: the loss per epoch, why it stopped, and optionally the first step. */
final class TrainTask {
    private TrainTask() {
    }

    static RunResult run(Experiment experiment, TrainSpec task, Network network, TaskContext context) {
        RunOutput out = context.out();
        TrainingSpec spec = task.training();
        Loss loss = task.loss().createLoss();
        Optimizer optimizer = task.optimizer().createOptimizer(network.parameters());
        Tensor inputs = task.data().inputs();
        Tensor targets = task.data().targets();
        out.line(experiment.name() + ": training on " + Format.count(inputs.rows(), "example") + " with "
                + task.loss().type() + " loss and " + task.optimizer().type() + ", at most "
                + Format.count(spec.epochs(), "epoch") + ", batch size " + Math.min(spec.batchSize(), inputs.rows()));
        Map<String, Tensor> firstStep = new LinkedHashMap<>();
        TrainingResult result = new Trainer(spec).train(network, loss, optimizer, inputs, targets,
                new RandomStreams(experiment.seed()).stream("shuffle"), new Trainer.Listener() {
                    @Override
                    public void epochEnded(int epoch, double value, Tensor predictions) {
                        out.progress("training", epoch, spec.epochs(), "loss " + Format.number(value));
                        if (epoch == 1 || epoch % spec.reportEvery() == 0 || !Double.isFinite(value)) {
                            out.line("epoch " + epoch + ", loss " + Format.number(value));
                        }
                    }

                    @Override
                    public void firstStepTaken(double batchLoss, Network net) {
                        if (spec.traceFirstStep()) {
                            firstStep.putAll(traceFirstStep(batchLoss, net, out));
                        }
                    }
                });
        int epochs = result.epochs();
        if (result.reason() == StopReason.DIVERGED) {
            out.result("diverged: the loss became " + result.loss(epochs) + " in epoch " + epochs
                    + "; last finite loss " + Format.number(result.lastFiniteLoss())
                    + ". Lower the learning rate or change the initialization.");
        } else {
            if (epochs % spec.reportEvery() != 0 && epochs != 1) {
                out.line("epoch " + epochs + ", loss " + Format.number(result.loss(epochs)));
            }
            out.result("stopped after " + Format.count(epochs, "epoch") + ": " + result.reason().explanation()
                    + (result.reason() == StopReason.TOLERANCE ? " (" + Format.number(spec.tolerance()) + ")" : "")
                    + "; final loss " + Format.number(result.loss(epochs)));
        }
        writeLossCurve(experiment, result, context);
        return RunResult.builder(experiment.name()).training(result).firstStep(firstStep)
                .metric("epochs", epochs).metric("final-loss", result.loss(epochs)).build();
    }

    private static void writeLossCurve(Experiment experiment, TrainingResult result, TaskContext context) {
        double[] epochs = new double[result.epochs()];
        for (int i = 0; i < epochs.length; i++) {
            epochs[i] = i + 1;
        }
        double[] losses = result.losses();
        // The run folder's common metrics layout (fold, epoch, split, metric, value); a single fit is fold 0.
        StringBuilder metrics = new StringBuilder("fold,epoch,split,metric,value\n");
        for (int e = 0; e < losses.length; e++) {
            metrics.append("0,").append(e + 1).append(",train,loss,").append(losses[e]).append('\n');
        }
        context.writeText("metrics.csv", metrics.toString());
        boolean positive = java.util.Arrays.stream(losses).allMatch(v -> v > 0 && Double.isFinite(v));
        if (positive) {
            context.writePlot("loss", new LinePlot(experiment.name() + ": training loss", "epoch", "loss", true)
                    .add("training loss", epochs, losses));
        }
    }

    /**
     * Prints and returns the first step in D2L's notation: layers with parameters are numbered from 1,
     * the input being layer 1, so the k-th of them maps layer k to layer k + 1 with W(k) and b(k), and
     * its output gradient is delta(k + 1). Deltas are listed from the output back, as backpropagation
     * computes them.
     */
    private static Map<String, Tensor> traceFirstStep(double batchLoss, Network network, RunOutput out) {
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
        trace.forEach((label, value) -> out.line("  " + Format.pad(label, width) + " = " + Format.tensor(value)));
        Map<String, Tensor> copies = new LinkedHashMap<>();
        trace.forEach((label, value) -> copies.put(label, value.copy()));
        return copies;
    }
}
