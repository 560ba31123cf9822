package org.djx.engine.tasks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.djx.api.ConfigurationException;
import org.djx.api.DataException;
import org.djx.api.PluginException;
import org.djx.api.Tensor;
import org.djx.api.data.Dataset;
import org.djx.api.spi.DatasetSource;
import org.djx.engine.fit.Fit;
import org.djx.engine.metric.ClassScores;
import org.djx.engine.metric.Metric;
import org.djx.engine.model.Network;
import org.djx.engine.plugin.Plugins;
import org.djx.engine.report.Format;
import org.djx.engine.report.RunResult;
import org.djx.engine.saving.ModelFiles;
import org.djx.engine.saving.TrainedModel;
import org.djx.engine.spec.ComponentSpec;
import org.djx.engine.spec.ModelSpec;
import org.djx.engine.spec.PreprocessingSpec;
import org.djx.engine.spec.PreprocessingSpec.TargetTransform;
import org.djx.engine.spec.TrainingSetup;
import org.djx.engine.tabular.Features;
import org.djx.engine.tabular.ClassTargets;
import org.djx.engine.tabular.Preprocessor;
import org.djx.engine.tabular.TargetTransformer;
import org.djx.engine.task.Bound;
import org.djx.engine.task.ResultNames;
import org.djx.engine.task.TaskContext;
import org.djx.engine.task.TaskInput;
import org.djx.engine.train.Checkpoints;
import org.djx.engine.train.EpochValues;
import org.djx.engine.train.StopReason;
import org.djx.engine.train.Trainer;
import org.djx.engine.train.TrainingResult;

/** What the tasks on a tabular dataset share: loading it, and fitting with the metric after every epoch. */
final class Tabular {
    private Tabular() {
    }

    /** The metric after each epoch of one fit; valid is empty without validation rows. */
    record Curves(double[] train, double[] valid, TrainingResult training) {
        double lastTrain() {
            return train[train.length - 1];
        }

        double lastValid() {
            return valid[valid.length - 1];
        }

        boolean diverged() {
            return training.reason() == StopReason.DIVERGED;
        }
    }

    /**
     * A trained network, how its training went, and how its outputs are read: on the scale of the target transform,
     * or as the probabilities of {@code classes} classes.
     */
    record Fitted(Network network, Curves curves, TargetTransformer target, int classes) {
        /**
         * Returns the predictions for the rows of {@code x}, in a tensor of their own: numbers on the target's own
         * scale (one column), or one probability per class.
         */
        Tensor predict(Tensor x) {
            Tensor outputs = network.forward(x.to(network.dtype()));
            if (classes > 0) {
                return ClassScores.probabilities(outputs, Tensor.zeros(outputs.rows(), classes));
            }
            return target.isIdentity() ? outputs.copy() : target.inverse(outputs);
        }
    }

    /**
     * What every task on a tabular dataset reads from its file.
     *
     * @param dataset       the dataset source plugin
     * @param preprocessing how columns become features
     * @param setup         the model, loss, optimizer and schedule
     * @param metric        what is reported after each epoch
     * @param outputs       the network's outputs as the probe built it, or 0 when only the data can say
     * @param checkpointEvery how many epochs apart each fit saves a checkpoint; 0 for none
     */
    record Spec(ComponentSpec dataset, PreprocessingSpec preprocessing, TrainingSetup setup, Metric metric, int outputs,
            int checkpointEvery) {
    }

    /** Reads the dataset, preprocessing, model, loss, optimizer and training sections; null after a problem. */
    static Spec read(TaskInput in) {
        Bound training = in.section("training");
        int outputs = probe(in, training != null && Sections.metric(training).isClassification());
        Bound dataset = in.section("dataset");
        Bound preprocessing = in.section("preprocessing");
        TrainingSetup setup = Sections.setup(in, Sections.loss(in));
        if (dataset == null || preprocessing == null || training == null || setup == null) {
            return null;
        }
        List<Bound> steps = preprocessing.get("steps").steps();
        for (int i = 0; i < steps.size(); i++) {
            Bound step = steps.get(i);
            if (step.type().equals("fill-missing") && !step.config().string("with").equals(PreprocessingSpec.Fill.VALUE.label())
                    && step.config().has("value")) {
                // A value that would be ignored is a contradiction in the file, not a default to fill in.
                in.problem("$.preprocessing.steps[" + i + "].value", "fill-missing with " + step.config().string("with")
                        + " takes no value; remove \"value\", or fill with it: \"with\": \"value\"");
                return null;
            }
        }
        int checkpointEvery = Sections.checkpointEvery(training);
        if (checkpointEvery > 0 && !exportsItsState(in, setup)) {
            return null;
        }
        return new Spec(dataset.component(), Sections.preprocessing(preprocessing), setup, Sections.metric(training), outputs,
                checkpointEvery);
    }

    /**
     * Checks that the optimizer can hand its state to a checkpoint, on a network the model's layers make for one input
     * feature; says where and why it cannot.
     */
    private static boolean exportsItsState(TaskInput in, TrainingSetup setup) {
        Network network = in.tryProbe(setup.model(), 1);
        if (network == null) {
            return true;
        }
        try {
            setup.optimizer().createOptimizer(network.parameters()).exportState();
            return true;
        } catch (PluginException e) {
            // The plugin's call is guarded: its refusal arrives as the cause. Any other failure is the plugin's to report.
            if (!(e.getCause() instanceof UnsupportedOperationException refusal)) {
                throw e;
            }
            in.problem("$.training." + Sections.CHECKPOINT_EVERY, "a checkpoint saves the optimizer's state, and the optimizer '"
                    + setup.optimizer().type() + "' cannot export it (" + refusal.getMessage() + "); leave "
                    + Sections.CHECKPOINT_EVERY + " out, or use an optimizer that can, such as sgd or adam");
            return false;
        }
    }

    /** A dataset as loaded and as preprocessed. */
    record Data(Dataset dataset, Features features) {
    }

    /**
     * Checks that the model's layers accept their configuration and that the network ends in the one output
     * a regression needs (a classification's outputs are checked against its classes once they are known). The
     * data decides the width, so one input feature stands in for it; a layer whose configuration fixes the width
     * (explicit weights) is checked when the data is loaded.
     */
    private static int probe(TaskInput in, boolean classification) {
        var model = in.section("model");
        if (model == null) {
            return 0;
        }
        ModelSpec m = model.model();
        Network network = m.inputs() == ModelSpec.FROM_DATA ? in.tryProbe(m, 1) : in.probe(m, m.inputs());
        if (network != null && network.outputs() != 1 && !classification) {
            in.problem("$.model.layers", outputsMessage(network.outputs()));
        }
        return network == null ? 0 : network.outputs();
    }

    /**
     * Checks what only the dataset can tell: that it is the kind of problem the metric scores, and that a
     * classification's network has an output per class (or one logit for two classes, with bce-with-logits).
     */
    static void checkData(Spec spec, Dataset dataset) {
        checkProblem(spec.dataset(), spec.preprocessing(), spec.metric(), dataset);
        if (dataset.isClassification() && spec.outputs() > 0) {
            checkClassOutputs(spec.outputs(), spec.setup().loss().type(), dataset.classes());
        }
    }

    private static void checkClassOutputs(int outputs, String loss, List<String> classes) {
        int k = classes.size();
        if (outputs != k && !(k == 2 && outputs == 1)) {
            throw new ConfigurationException(classOutputsMessage(outputs, classes));
        }
        if (outputs == 1 && loss.equals(SOFTMAX)) {
            throw new ConfigurationException("the network ends in 1 output, the logit of '" + classes.get(1) + "', but the loss "
                    + SOFTMAX + " needs an output per class; use the loss bce-with-logits, or end the model with 2 outputs");
        }
    }

    /** The loss that reads an output per class. */
    private static final String SOFTMAX = "softmax-cross-entropy";

    private static String outputsMessage(int outputs) {
        return "the network's last layer has " + outputs + " outputs; a regression on a tabular dataset fits one target,"
                + " so it needs 1 (for classes, use a classification metric: " + String.join(", ", Metric.labels(true)) + ")";
    }

    private static String classOutputsMessage(int outputs, List<String> classes) {
        return "the network's last layer has " + outputs + " outputs, but the dataset has " + classes.size() + " classes "
                + Format.list(classes) + "; end the model with " + classes.size() + " outputs, one per class (loss"
                + " softmax-cross-entropy)" + (classes.size() == 2 ? ", or with 1 output, the logit of '" + classes.get(1)
                + "' (loss bce-with-logits)" : "");
    }

    /**
     * Refuses a dataset and a run that disagree on what is predicted: a classification metric on numbers, a
     * regression metric or a target transform on classes.
     */
    private static void checkProblem(ComponentSpec source, PreprocessingSpec preprocessing, Metric metric, Dataset dataset) {
        if (dataset.isClassification() && !metric.isClassification()) {
            throw new ConfigurationException("dataset '" + source.type() + "' is a classification (classes "
                    + Format.list(dataset.classes()) + "), but the metric " + metric.label() + " scores numbers; use"
                    + " \"metric\": one of " + String.join(", ", Metric.labels(true)) + " in the training section");
        }
        if (!dataset.isClassification() && metric.isClassification()) {
            throw new ConfigurationException("the metric " + metric.label() + " scores classes, but dataset '" + source.type()
                    + "' is a regression (its target '" + dataset.target() + "' is a number); use one of "
                    + String.join(", ", Metric.labels(false)) + ", or make the dataset a classification"
                    + (source.type().equals("csv") ? " (\"problem\": \"classification\")" : ""));
        }
        if (dataset.isClassification() && preprocessing.target() != TargetTransform.NONE) {
            throw new ConfigurationException("target-transform " + preprocessing.target().label() + " transforms numbers, but"
                    + " dataset '" + source.type() + "' predicts classes; leave target-transform out of the preprocessing section");
        }
        if (dataset.isClassification() && metric == Metric.AUC && dataset.classes().size() != 2) {
            throw new ConfigurationException("the metric auc scores two classes, but dataset '" + source.type() + "' has "
                    + dataset.classes().size() + " " + Format.list(dataset.classes()) + "; use accuracy, log-loss or macro-f1");
        }
    }

    /**
     * Refuses targets the metric cannot take, before any fit: log-rmse takes the logarithm of every target.
     *
     * @throws DataException naming the first target that is not positive
     */
    private static void checkTargets(Metric metric, Data data) {
        if (metric != Metric.LOG_RMSE) {
            return;
        }
        Tensor y = data.features().targets();
        for (int r = 0; r < y.rows(); r++) {
            if (!(y.get(r) > 0)) {
                throw new DataException("the metric log-rmse takes the logarithm of each target, but the target column '"
                        + data.dataset().target() + "' is " + y.get(r) + " in training row " + (r + 1)
                        + "; use \"metric\": \"rmse\" in the training section");
            }
        }
    }

    /**
     * Loads the dataset through its plugin, preprocesses it, writes preprocessing.txt, and checks that
     * {@code metric} can score its targets.
     */
    static Data load(ComponentSpec source, PreprocessingSpec preprocessing, Metric metric, TaskContext context) {
        Dataset dataset = Plugins.call(source.plugin(),
                () -> ((DatasetSource) source.plugin().plugin()).load(source.config(), context.data()));
        checkProblem(source, preprocessing, metric, dataset);
        Features features = new Preprocessor(preprocessing).apply(dataset);
        context.writeText("preprocessing.txt", preprocessingText(features));
        Data data = new Data(dataset, features);
        checkTargets(metric, data);
        TargetTransformer.requireTakes(preprocessing.target(), features.targets(), "training row");
        return data;
    }

    /** Returns what preprocessing fitted and the feature names, as preprocessing.txt says it. */
    static String preprocessingText(Features features) {
        return String.join("\n", features.statistics()) + "\n" + "feature names: " + String.join(", ", features.names()) + "\n"
                + (features.isClassification() ? "classes (output order): " + String.join(", ", features.classes()) + "\n" : "");
    }

    /** Says what was loaded: the raw tables' shapes and the features' width. */
    static void announce(TaskContext context, ComponentSpec source, Data data) {
        Dataset dataset = data.dataset();
        Features features = data.features();
        int rows = features.train().rows() + (features.test() == null ? 0 : features.test().rows());
        context.out().line(context.name() + ": " + source.type() + " train " + shape(dataset.train().rows(), dataset.train().columns().size())
                + (dataset.test() == null ? "" : ", test " + shape(dataset.test().rows(), dataset.test().columns().size()))
                + "; features after preprocessing " + shape(rows, features.width()));
    }

    /** The results every tabular run has. */
    static final ResultNames RESULTS = ResultNames.of("train-rows", "features");

    /** Starts a tabular run's results with the rows and features it has. */
    static RunResult.Builder results(TaskContext context, Data data) {
        return RunResult.builder(context.name()).metric("train-rows", data.dataset().train().rows())
                .metric("features", data.features().width());
    }

    private static String shape(int rows, int columns) {
        return rows + " x " + columns;
    }

    /** The fold of a fit whose figures are not kept in metrics.csv. */
    static final int UNRECORDED = -1;

    /**
     * Trains a fresh network on x, y and reports the metric on them and, if given, on the validation rows
     * after every epoch. Its draws come from the streams under {@code prefix}.
     *
     * @param weights one weight per row of x for the loss, or null
     * @param stage   the progress stage, such as {@code fold 2 of 5}
     * @param fold    the fold under which metrics.csv records each epoch's figures, or {@link #UNRECORDED}
     * @param target  how y is transformed for training, fitted on y; the metric is on y's own scale
     * @param classes a classification's classes, whose indices y holds; empty for a regression
     * @param name    the fit's name in the run, unique, under which it keeps its checkpoints if the task does
     */
    static Fitted fit(TrainingSetup setup, Metric metric, TargetTransform target, List<String> classes, Tensor x, Tensor y,
            Tensor weights, Tensor xValid, Tensor yValid, String prefix, String stage, int fold, String name, TaskContext context) {
        Checkpoints checkpoints = context.checkpoints(name);
        int epochs = setup.trainer().epochs();
        int k = classes.size();
        TargetTransformer transformer = TargetTransformer.fit(k > 0 ? TargetTransform.NONE : target, y);
        // The metric sees predictions on y's scale, or class probabilities; these take them without an allocation per epoch.
        Tensor trainScale = Tensor.zeros(y.rows(), Math.max(1, k));
        Tensor validScale = yValid == null ? null : Tensor.zeros(yValid.rows(), Math.max(1, k));
        EpochValues train = new EpochValues();
        EpochValues valid = new EpochValues();
        Network network = Fit.network(setup, x.columns(), context.streams(), prefix, context.kernels());
        if (k == 0 && network.outputs() != 1) {
            // The probe at validation stood in one input feature; a layer fixed to the real width is only built now.
            throw new ConfigurationException(outputsMessage(network.outputs()));
        }
        if (k > 0) {
            // The probe stood in one input feature; a layer fixed to the real width is only built now.
            checkClassOutputs(network.outputs(), setup.loss().type(), classes);
        }
        Tensor trainedOn = k > 0 ? ClassTargets.encode(y, k, network.outputs()) : transformer.forward(y);
        Tensor trainInputs = x.to(network.dtype());
        Tensor validInputs = xValid == null ? null : xValid.to(network.dtype());
        Trainer.Listener listener = new Trainer.Listener() {
            @Override
            public void epochEnded(int epoch, double value, Tensor predictions) {
                // The trainer hands over its full pass, if it made one.
                Tensor outputs = predictions != null ? predictions : network.forward(trainInputs);
                double t = metric.compute(scored(outputs, transformer, k, trainScale), y);
                double v = xValid == null ? Double.NaN : metric.compute(scored(network.forward(validInputs), transformer, k,
                        validScale), yValid);
                record(epoch, t, v);
                context.out().progress(stage, epoch, epochs, String.format(Locale.ROOT, "%s %s %.4f",
                        xValid == null ? "train" : "valid", metric.label(), xValid == null ? t : v));
            }

            private void record(int epoch, double t, double v) {
                train.set(epoch, t);
                if (xValid != null) {
                    valid.set(epoch, v);
                }
                if (fold != UNRECORDED) {
                    context.metrics().record(fold, epoch, "train", metric.label(), t);
                    if (xValid != null) {
                        context.metrics().record(fold, epoch, "valid", metric.label(), v);
                    }
                }
            }

            @Override
            public Map<String, double[]> history() {
                // In this order in every JVM (Map.of's order is not), so that checkpoint files are the same bytes.
                Map<String, double[]> curves = new java.util.LinkedHashMap<>();
                curves.put(TRAIN, train.toArray());
                curves.put(VALID, valid.toArray());
                return curves;
            }

            @Override
            public void resumed(int done, double[] losses, Map<String, double[]> history, StopReason ended) {
                double[] t = history.getOrDefault(TRAIN, new double[0]);
                double[] v = history.getOrDefault(VALID, new double[0]);
                if (t.length != done || v.length != (xValid == null ? 0 : done)) {
                    throw new DataException(checkpoints.where() + ": the checkpoint holds " + t.length + " training and "
                            + v.length + " validation figures for " + done + " epochs; it belongs to another fit");
                }
                for (int e = 1; e <= done; e++) {
                    record(e, t[e - 1], xValid == null ? Double.NaN : v[e - 1]);
                }
                context.out().line(stage + (ended == null ? ": goes on from its checkpoint after epoch " + done + " of " + epochs
                        : ": ended at epoch " + done + " of " + epochs + " (" + ended.explanation() + "), as its checkpoint says"));
            }
        };
        TrainingResult training = Fit.train(setup, network, x, trainedOn, weights, context.streams(), prefix, listener, checkpoints);
        return new Fitted(network, new Curves(train.toArray(), valid.toArray(), training), transformer, k);
    }

    /** The names of the curves a checkpoint keeps. */
    private static final String TRAIN = "train";
    private static final String VALID = "valid";

    /** Returns what the metric scores: outputs on the target's scale, or the probabilities of {@code k} classes. */
    private static Tensor scored(Tensor outputs, TargetTransformer transformer, int k, Tensor into) {
        return k > 0 ? ClassScores.probabilities(outputs, into) : transformer.inverse(outputs, into);
    }
    /** Saves a model trained on every row of {@code data} into the run folder, with what predicting from raw rows needs. */
    static void save(Fitted fitted, TrainingSetup setup, Data data, TaskContext context) {
        Features features = data.features();
        Dataset dataset = data.dataset();
        context.writeInto(folder -> ModelFiles.write(folder, new TrainedModel(setup.model(), fitted.network(), features.fitted(),
                fitted.target(), features.classes(), dataset.target(), dataset.id(), dataset.targetRule())),
                ModelFiles.DESCRIPTION + " and " + ModelFiles.WEIGHTS);
    }

    /** Returns the line that reports a diverged fit: where, the loss it reached, and the last finite one. */
    static String divergence(String where, TrainingResult t) {
        return "diverged in " + where + ": the loss became " + t.loss(t.epochs()) + " in epoch " + t.epochs()
                + "; " + lastFiniteLoss(t) + ". Lower the learning rate.";
    }

    /** Returns how a diverged fit's last finite loss reads in a message, or that no epoch had one. */
    static String lastFiniteLoss(TrainingResult t) {
        double last = t.lastFiniteLoss();
        return Double.isNaN(last) ? "no epoch ended with a finite loss" : "last finite loss " + Format.number(last);
    }

    /** Returns 1, 2, ..., n. */
    static double[] epochs(int n) {
        double[] e = new double[n];
        Arrays.setAll(e, i -> i + 1);
        return e;
    }
}
