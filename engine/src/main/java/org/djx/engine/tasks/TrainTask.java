package org.djx.engine.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.api.Parameter;
import org.djx.api.Tensor;
import org.djx.api.spi.Loss;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.fit.Fit;
import org.djx.engine.model.Network;
import org.djx.engine.metric.ClassScores;
import org.djx.engine.report.Format;
import org.djx.engine.report.LinePlot;
import org.djx.engine.report.RunOutput;
import org.djx.engine.report.RunResult;
import org.djx.engine.spec.ComponentSpec;
import org.djx.engine.spec.ModelSpec;
import org.djx.engine.spec.TrainingSetup;
import org.djx.engine.spec.TrainingSpec;
import org.djx.engine.task.Bound;
import org.djx.engine.task.Form;
import org.djx.engine.task.Job;
import org.djx.engine.task.ResultNames;
import org.djx.engine.task.Section;
import org.djx.engine.task.Task;
import org.djx.engine.task.TaskContext;
import org.djx.engine.task.TaskInput;
import org.djx.engine.train.StopReason;
import org.djx.engine.train.Trainer;
import org.djx.engine.train.TrainingResult;

/** Training on inline examples: the loss per epoch, why it stopped, and optionally the first step. */
public final class TrainTask implements Task {
    static final Section DATA = new Section("data", "The examples and their targets, written inline.", Form.parameters(List.of(
            ParameterSpec.matrix("inputs", "The examples, one per row.").asRequired(),
            ParameterSpec.matrix("targets", "The targets, one row per example.").asRequired())),
            "{\"inputs\": [[0.05, 0.1]], \"targets\": [[0.01, 0.99]]}");

    /**
     * Training on inline examples; {@code schedule} is null without a learning-rate schedule, and {@code holdout} is
     * the share of examples kept out of training to score the network on (0 for none).
     */
    public record Spec(ModelSpec model, Tensor inputs, Tensor targets,
            ComponentSpec loss, ComponentSpec optimizer,
            TrainingSpec training, ComponentSpec schedule, double holdout) {
        public Spec {
            inputs = inputs.copy();
            targets = targets.copy();
        }

        /** Returns a copy of the examples, so the spec stays as read. */
        @Override
        public Tensor inputs() {
            return inputs.copy();
        }

        /** Returns a copy of the targets. */
        @Override
        public Tensor targets() {
            return targets.copy();
        }
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String description() {
        return "Trains the network on the given inputs and targets with a loss and an optimizer.";
    }

    private static final Section HOLDOUT = new Section("validation", "Examples kept out of training, to score the trained"
            + " network on examples it has not seen.", Form.parameters(List.of(ParameterSpec.number("holdout",
                    "The share of the examples held out, drawn at random with the experiment's seed.").asRequired()
                    .greaterThan(0).lessThan(1))), "{\"holdout\": 0.2}").optional();

    @Override
    public List<Section> sections() {
        return List.of(Sections.MODEL, DATA, Sections.LOSS, Sections.OPTIMIZER, Sections.SCHEDULE, Sections.TRAINING, HOLDOUT);
    }

    @Override
    public Job read(TaskInput in) {
        Bound model = in.section("model");
        Bound data = in.section("data");
        Bound loss = in.section("loss");
        Bound optimizer = in.section("optimizer");
        Bound training = in.section("training");
        if (data == null) {
            return null;
        }
        double[][] inputs = data.config().matrix("inputs");
        double[][] targets = data.config().matrix("targets");
        if (targets.length != inputs.length) {
            in.problem("$.data.targets", "there are " + targets.length + " target rows for " + inputs.length
                    + " examples; give one target row per example");
        }
        ModelSpec m = model == null ? null : InlineData.fit(in, model.model(), inputs[0].length);
        Network network = m == null ? null : in.probe(m, m.inputs());
        if (network != null && network.outputs() != targets[0].length) {
            in.problem("$.data.targets", "each target row has " + targets[0].length + " values but the network's last layer has "
                    + network.outputs() + " outputs; they must agree");
        }
        TrainingSpec trainingSpec = training == null ? null : Sections.training(training);
        TrainingSetup setup = m == null || loss == null || optimizer == null || trainingSpec == null ? null
                : Schedules.with(in, new TrainingSetup(m, loss.component(), optimizer.component(), trainingSpec.trainer()));
        if (network == null || setup == null || in.problems() > 0) {
            return null;
        }
        double holdout = 0;
        if (in.has("validation")) {
            Bound validation = in.section("validation");
            if (validation == null) {
                return null;
            }
            holdout = validation.config().number("holdout");
            int held = heldOut(inputs.length, holdout);
            if (held < 1 || held >= inputs.length) {
                in.problem("$.validation.holdout", "a holdout of " + holdout + " of " + inputs.length + " examples keeps " + held
                        + " out; it must keep at least one out and one in");
                return null;
            }
        }
        Spec spec = new Spec(m, Tensor.matrix(inputs), Tensor.matrix(targets), loss.component(), optimizer.component(),
                trainingSpec, setup.schedule(), holdout);
        ResultNames names = ResultNames.of("epochs", "final-loss");
        if (holdout > 0) {
            names = names.and("holdout-loss");
            if (classifies(spec.loss().type())) {
                names = names.and("holdout-accuracy");
            }
        }
        if (spec.training().traceFirstStep()) {
            // The probe's first batch has the first step's shapes: its outputs stand in for the deltas.
            int batch = Math.min(spec.training().trainer().batchSize(), inputs.length - (holdout > 0 ? heldOut(inputs.length, holdout) : 0));
            network.forward(Tensor.matrix(java.util.Arrays.copyOf(inputs, batch)).to(network.dtype()));
            names = names.and(firstStepResults(0, trace(network, network::output)).keySet());
        }
        names = names.and(predictionNames(inputs.length, targets[0].length));
        if (classifies(spec.loss().type())) {
            names = names.and("accuracy");
        }
        return Job.of(spec, names, TrainTask::run);
    }

    /** Returns how many of {@code rows} examples a holdout share keeps out: the share, rounded. */
    private static int heldOut(int rows, double share) {
        return (int) Math.round(rows * share);
    }

    /**
     * Marks the examples held out: a random subset of {@link #heldOut} examples, drawn from the stream {@code holdout},
     * so the same seed holds out the same ones.
     */
    private static boolean[] holdoutRows(int rows, double share, TaskContext context) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        org.djx.engine.random.RandomStreams.permute(order, context.streams().stream("holdout"));
        boolean[] held = new boolean[rows];
        for (int i = 0; i < heldOut(rows, share); i++) {
            held[order[i]] = true;
        }
        return held;
    }

    /** Returns the rows of {@code t} whose mark equals {@code which}, in their order. */
    private static Tensor rows(Tensor t, boolean[] marks, boolean which) {
        int count = 0;
        for (boolean m : marks) {
            count += m == which ? 1 : 0;
        }
        int[] indices = new int[count];
        for (int r = 0, k = 0; r < marks.length; r++) {
            if (marks[r] == which) {
                indices[k++] = r;
            }
        }
        return org.djx.engine.fit.CrossValidation.rows(t, indices);
    }

    /** The loss whose outputs are logits of binary labels, for which the run also reports its accuracy. */
    private static final String CLASSIFYING_LOSS = "bce-with-logits";

    /** The loss whose outputs are the logits of one class each, for which the run also reports its accuracy. */
    private static final String MULTI_CLASS_LOSS = "softmax-cross-entropy";

    private static boolean classifies(String loss) {
        return CLASSIFYING_LOSS.equals(loss) || MULTI_CLASS_LOSS.equals(loss);
    }
    /** Up to this many examples, each prediction is a result of its own; a larger set has predictions.csv alone. */
    static final int LISTED_PREDICTIONS = 10;

    private static List<String> predictionNames(int rows, int outputs) {
        List<String> names = new ArrayList<>();
        for (int r = 0; r < rows && rows <= LISTED_PREDICTIONS; r++) {
            for (int c = 0; c < outputs; c++) {
                names.add(predictionName(r, c, outputs));
            }
        }
        return names;
    }

    private static String predictionName(int row, int column, int outputs) {
        return "prediction[" + row + "]" + (outputs == 1 ? "" : "[" + column + "]");
    }

    /**
     * Says what the trained network does on the data: predictions.csv (each example's targets and outputs), the
     * predictions themselves as results for a handful of examples, and the accuracy of a logit classifier.
     */
    private static void reportPredictions(Network network, Spec task, boolean[] held, TaskContext context,
            RunResult.Builder result) {
        Tensor outputs = network.forward(task.inputs().to(network.dtype()));
        Tensor targets = task.targets();
        int rows = targets.rows();
        int width = targets.columns();
        StringBuilder csv = new StringBuilder("example");
        if (held != null) {
            csv.append(",split");
        }
        for (int c = 0; c < width; c++) {
            csv.append(",target").append(width == 1 ? "" : "_" + (c + 1));
        }
        for (int c = 0; c < width; c++) {
            csv.append(",prediction").append(width == 1 ? "" : "_" + (c + 1));
        }
        csv.append('\n');
        // Labels right among the training examples and among the held-out ones, and how many labels each has.
        int[] correct = new int[2];
        int[] labels = new int[2];
        boolean multiClass = MULTI_CLASS_LOSS.equals(task.loss().type());
        for (int r = 0; r < rows; r++) {
            int part = held != null && held[r] ? 1 : 0;
            csv.append(r + 1);
            if (held != null) {
                csv.append(part == 1 ? ",holdout" : ",train");
            }
            for (int c = 0; c < width; c++) {
                csv.append(',').append(targets.get(r, c));
            }
            for (int c = 0; c < width; c++) {
                double p = outputs.get(r, c);
                csv.append(',').append(p);
                if (rows <= LISTED_PREDICTIONS) {
                    result.metric(predictionName(r, c, width), p);
                }
                if (!multiClass) {
                    // A logit above 0 says label 1; a target of 0.5 or more is label 1.
                    correct[part] += (p > 0) == (targets.get(r, c) >= 0.5) ? 1 : 0;
                    labels[part]++;
                }
            }
            if (multiClass) {
                // One label per example: the class of the largest logit against the class of the largest target.
                correct[part] += ClassScores.predicted(outputs, r) == ClassScores.predicted(targets, r) ? 1 : 0;
                labels[part]++;
            }
            csv.append('\n');
        }
        context.writeText("predictions.csv", csv.toString());
        if (rows <= LISTED_PREDICTIONS) {
            context.out().result("predictions after training: " + Format.tensor(outputs));
        }
        if (classifies(task.loss().type())) {
            double accuracy = (double) correct[0] / labels[0];
            result.metric("accuracy", accuracy);
            context.out().result("accuracy on the training examples: " + Format.number(accuracy) + " (" + correct[0] + " of "
                    + labels[0] + " labels)");
            if (held != null) {
                double heldAccuracy = (double) correct[1] / labels[1];
                result.metric("holdout-accuracy", heldAccuracy);
                context.out().result("accuracy on the held-out examples: " + Format.number(heldAccuracy) + " (" + correct[1]
                        + " of " + labels[1] + " labels)");
            }
        }
    }

    private static RunResult run(Spec task, TaskContext context) {
        RunOutput out = context.out();
        TrainingSpec spec = task.training();
        TrainingSetup setup = new TrainingSetup(task.model(), task.loss(), task.optimizer(), task.schedule(), spec.trainer());
        boolean[] held = task.holdout() > 0 ? holdoutRows(task.inputs().rows(), task.holdout(), context) : null;
        Tensor inputs = held == null ? task.inputs() : rows(task.inputs(), held, false);
        Tensor targets = held == null ? task.targets() : rows(task.targets(), held, false);
        Tensor heldInputs = held == null ? null : rows(task.inputs(), held, true);
        Tensor heldTargets = held == null ? null : rows(task.targets(), held, true);
        Loss scoring = held == null ? null : setup.loss().createLoss();
        double[] heldLoss = {Double.NaN};
        if (held != null) {
            out.line(context.name() + ": " + Format.count(heldInputs.rows(), "example") + " of " + task.inputs().rows()
                    + " held out to score the trained network on");
        }
        out.line(context.name() + ": training on " + Format.count(inputs.rows(), "example") + " with "
                + task.loss().type() + " loss and " + task.optimizer().type()
                + (task.schedule() == null ? "" : " under the " + task.schedule().type() + " schedule") + ", at most "
                + Format.count(spec.epochs(), "epoch") + ", batch size " + Math.min(spec.trainer().batchSize(), inputs.rows()));
        Map<String, Tensor> firstStep = new LinkedHashMap<>();
        double[] firstStepLoss = {Double.NaN};
        Network network = Fit.network(setup, inputs.columns(), context.streams(), "", context.kernels());
        TrainingResult result = Fit.train(setup, network, inputs, targets, null, context.streams(), "", new Trainer.Listener() {
                    @Override
                    public void epochEnded(int epoch, double value, Tensor predictions) {
                        // A single fit is fold 0.
                        context.metrics().record(0, epoch, "train", "loss", value);
                        if (scoring != null) {
                            heldLoss[0] = scoring.evaluate(network.forward(heldInputs.to(network.dtype())), heldTargets, null, null);
                            context.metrics().record(0, epoch, "valid", "loss", heldLoss[0]);
                        }
                        out.progress("training", epoch, spec.epochs(), "loss " + Format.number(value));
                        if (epoch == 1 || epoch % spec.reportEvery() == 0 || !Double.isFinite(value)) {
                            out.line("epoch " + epoch + ", loss " + Format.number(value));
                        }
                    }

                    @Override
                    public void firstStepTaken(double batchLoss, Network net) {
                        if (spec.traceFirstStep()) {
                            firstStep.putAll(traceFirstStep(batchLoss, net, out));
                            firstStepLoss[0] = batchLoss;
                        }
                    }
                });
        int epochs = result.epochs();
        if (result.reason() == StopReason.DIVERGED) {
            out.result("diverged: the loss became " + result.loss(epochs) + " in epoch " + epochs
                    + "; " + Tabular.lastFiniteLoss(result)
                    + ". Lower the learning rate or change the initialization.");
        } else {
            if (epochs % spec.reportEvery() != 0 && epochs != 1) {
                out.line("epoch " + epochs + ", loss " + Format.number(result.loss(epochs)));
            }
            out.result("stopped after " + Format.count(epochs, "epoch") + ": " + result.reason().explanation()
                    + (result.reason() == StopReason.TOLERANCE ? " (" + Format.number(spec.trainer().tolerance()) + ")" : "")
                    + "; final loss " + Format.number(result.loss(epochs)));
        }
        writeLossCurve(result, context);
        RunResult.Builder built = RunResult.builder(context.name()).training(result).firstStep(firstStep)
                .metric("epochs", epochs).metric("final-loss", result.loss(epochs));
        if (held != null) {
            built.metric("holdout-loss", heldLoss[0]);
            out.result("loss on the " + Format.count(heldInputs.rows(), "held-out example") + ": " + Format.number(heldLoss[0]));
        }
        if (result.reason() != StopReason.DIVERGED) {
            reportPredictions(network, task, held, context, built);
        }
        if (!firstStep.isEmpty()) {
            firstStepResults(firstStepLoss[0], firstStep).forEach(built::metric);
        }
        return built.build();
    }

    private static void writeLossCurve(TrainingResult result, TaskContext context) {
        double[] epochs = new double[result.epochs()];
        for (int i = 0; i < epochs.length; i++) {
            epochs[i] = i + 1;
        }
        double[] losses = result.losses();
        context.writeMetrics();
        boolean positive = java.util.Arrays.stream(losses).allMatch(v -> v > 0 && Double.isFinite(v));
        if (positive) {
            context.writePlot("loss", new LinePlot(context.name() + ": training loss", "epoch", "loss", true)
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
        out.line("first step: loss " + Format.number(batchLoss) + " before the update");
        Map<String, Tensor> trace = trace(network, network::outputGradient);
        int width = trace.keySet().stream().mapToInt(String::length).max().orElse(0);
        trace.forEach((label, value) -> out.line("  " + Format.pad(label, width) + " = " + Format.tensor(value)));
        Map<String, Tensor> copies = new LinkedHashMap<>();
        trace.forEach((label, value) -> copies.put(label, value.copy()));
        return copies;
    }

    /** Labels the first step's tensors: {@code delta} gives layer i's output gradient (or a tensor of its shape). */
    private static Map<String, Tensor> trace(Network network, java.util.function.IntFunction<Tensor> delta) {
        Map<String, Tensor> trace = new LinkedHashMap<>();
        List<Integer> withParameters = new ArrayList<>();
        for (int i = 0; i < network.depth(); i++) {
            if (!network.parameters(i).isEmpty()) {
                withParameters.add(i);
            }
        }
        for (int k = withParameters.size(); k >= 1; k--) {
            trace.put("delta(" + (k + 1) + ")", delta.apply(withParameters.get(k - 1)));
        }
        for (int k = withParameters.size(); k >= 1; k--) {
            for (Parameter p : network.parameters(withParameters.get(k - 1))) {
                String symbol = p.role() == Parameter.Role.WEIGHT ? "W" : "b";
                trace.put("dLoss/d" + symbol + "(" + k + ")", p.gradient());
                trace.put(symbol + "(" + k + ") updated", p.value());
            }
        }
        return trace;
    }

    /**
     * Returns the first step's figures that are results of their own, so expectations can pin them as D2L
     * derives them: {@code first-step/loss}, each delta ({@code first-step/delta(3)[1]}) and each updated
     * parameter ({@code first-step/W(2)[0][1]}); gradients are printed only.
     */
    private static Map<String, Double> firstStepResults(double loss, Map<String, Tensor> trace) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("first-step/loss", loss);
        trace.forEach((label, value) -> {
            String name = label.startsWith("delta(") ? label
                    : label.endsWith(" updated") ? label.substring(0, label.length() - " updated".length()) : null;
            if (name == null) {
                return;
            }
            double[][] rows = value.toRows();
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    values.put("first-step/" + name + (rows.length == 1 ? "[" + c + "]" : "[" + r + "][" + c + "]"), rows[r][c]);
                }
            }
        });
        return values;
    }
}
