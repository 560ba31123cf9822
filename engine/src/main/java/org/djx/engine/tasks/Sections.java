package org.djx.engine.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.api.DType;
import org.djx.api.spi.Config;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.checkpoint.CheckpointFolder;
import org.djx.engine.metric.Metric;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.spec.ClassifierSpec;
import org.djx.engine.spec.ComponentSpec;
import org.djx.engine.spec.EpochLoss;
import org.djx.engine.spec.LayerSpec;
import org.djx.engine.spec.ModelSpec;
import org.djx.engine.spec.PreprocessingSpec;
import org.djx.engine.spec.TrainerOptions;
import org.djx.engine.spec.TrainingSetup;
import org.djx.engine.spec.TrainingSpec;
import org.djx.engine.task.Bound;
import org.djx.engine.task.Form;
import org.djx.engine.task.Section;
import org.djx.engine.task.TaskInput;

/** The sections several tasks share, declared once, with how each is read into its spec. */
final class Sections {
    private Sections() {
    }

    static final Section MODEL = new Section("model", "The network: inputs, dtype, init and layers.", new Form.Model(),
            "{\"layers\": [{\"type\": \"linear\", \"outputs\": 1}]}");
    static final Section LOSS = new Section("loss", "The loss plugin.", new Form.Plugin(PluginKind.LOSS), "{\"type\": \"mse\"}");
    static final Section OPTIMIZER = new Section("optimizer", "The optimizer plugin.", new Form.Plugin(PluginKind.OPTIMIZER),
            "{\"type\": \"sgd\", \"lr\": 0.1}");
    static final Section DATASET = new Section("dataset", "The dataset source plugin.", new Form.Plugin(PluginKind.DATASET),
            "{\"type\": \"kaggle-house\"}");
    /** Optional: the learning-rate schedule of the optimizer section's optimizer. */
    static final Section SCHEDULE = Schedules.SECTION;

    static final Section SUBMISSION = new Section("submission", "What submission.csv holds besides each row's id and prediction.",
            Form.parameters(List.of(ParameterSpec.bool("probabilities", "For a classification: add one column per class with"
                    + " the predicted probability of that class, after the predicted class.").withDefault(false))),
            "{\"probabilities\": true}").optional();

    static final List<ParameterSpec> TRAINING_KEYS = List.of(
            ParameterSpec.integer("epochs", "The most passes over the training data.").asRequired().atLeast(1),
            ParameterSpec.integer("batch-size", "Examples per minibatch.").withDefault(64).atLeast(1),
            ParameterSpec.bool("shuffle", "Visit the examples in a fresh random order each epoch.").withDefault(true),
            ParameterSpec.number("tolerance", "Stop once the epoch's training loss is below this.").greaterThan(0),
            ParameterSpec.integer("report-every", "Print the loss every this many epochs.").withDefault(1).atLeast(1),
            ParameterSpec.bool("trace-first-step",
                    "Print the first step's deltas (dLoss/dOutput of each layer with parameters), gradients and updated parameters.")
                    .withDefault(false),
            ParameterSpec.string("epoch-loss", "How the loss after each epoch is measured: full-pass evaluates every "
                    + "training example with the epoch's final parameters; batch-mean averages the epoch's batch "
                    + "losses, saving that pass unless a metric needs it.", EpochLoss.FULL_PASS.label(),
                    EpochLoss.BATCH_MEAN.label()).withDefault(EpochLoss.FULL_PASS.label()));
    static final String TRAINING_EXAMPLE = "{\"epochs\": 10, \"batch-size\": 64}";
    static final Section TRAINING = new Section("training", "The schedule of the training.", Form.parameters(TRAINING_KEYS),
            TRAINING_EXAMPLE);
    /** The training section of a task that reports a metric on a tabular dataset. */
    static final Section TABULAR_TRAINING = new Section("training", "The schedule of the training and the metric it reports.",
            Form.parameters(withMetric()), TRAINING_EXAMPLE);

    static final Section PREPROCESSING = new Section("preprocessing", "How the dataset's columns become numeric features.",
            Form.parameters(List.of(
                    ParameterSpec.string("fit-on", "Which rows the statistics are fitted on: train-and-test (D2L), train (every"
                            + " training row), or train-fold (in k-fold each fold's training rows, elsewhere every training row).",
                            Arrays.stream(PreprocessingSpec.FitOn.values()).map(PreprocessingSpec.FitOn::label).toArray(String[]::new))
                            .withDefault(PreprocessingSpec.FitOn.TRAIN_AND_TEST.label()),
                    ParameterSpec.string("target-transform", "How the target is transformed for training: log, standardize (with"
                            + " the mean and standard deviation of the rows a model trains on), or log-standardize (both, in that"
                            + " order); predictions are transformed back, and metrics are on the original scale.",
                            Arrays.stream(PreprocessingSpec.TargetTransform.values()).map(PreprocessingSpec.TargetTransform::label)
                                    .toArray(String[]::new))
                            .withDefault(PreprocessingSpec.TargetTransform.NONE.label())),
                    new Section("steps", "The steps, applied in order.", new Form.Steps("preprocessing step", steps()),
                            "[{\"type\": \"standardize\"}, {\"type\": \"fill-missing\"}, {\"type\": \"one-hot\"}]")),
            "{\"steps\": [{\"type\": \"standardize\"}]}");

    static final Section VALIDATION = new Section("validation", "The cross-validation.", Form.parameters(List.of(
            ParameterSpec.integer("folds", "Number of folds k.").withDefault(5).atLeast(2).atMost(1000),
            ParameterSpec.bool("stratified", "For a classification: shuffle the rows and deal each class evenly over the folds,"
                    + " so every fold has the class shares of the whole set. Without it, fold i is the i-th contiguous block"
                    + " of rows, as in D2L. By default true with a classification metric, false with a regression's."),
            ParameterSpec.integer("seed", "The seed of a stratified split's shuffle; the experiment's seed when left out."
                    + " Fixing it keeps the folds while the seed of the training varies.").atLeast(0),
            ParameterSpec.bool("final-model", "After the folds, train the model once more on every training row and save it"
                    + " (model.json and model.safetensors), for djx predict and for embedding.").withDefault(false))),
            "{\"folds\": 5}");

    static final Section CLASSIFIER = new Section("classifier", "A logistic regression (one linear layer, loss bce-with-logits) "
            + "that tells training rows from test rows, and the importance weights it gives.",
            Form.parameters(List.of(
                    ParameterSpec.integer("folds",
                            "Cross-validation folds: every row is scored by a classifier that did not see it.").withDefault(5).atLeast(2).atMost(100),
                    ParameterSpec.number("max-weight", "Importance weights above this are clipped to it.").withDefault(10.0).atLeast(1)),
                    new Section("optimizer", "The classifier's optimizer.", new Form.Plugin(PluginKind.OPTIMIZER),
                            "{\"type\": \"adam\", \"lr\": 0.05}"),
                    new Section("training", "The classifier's schedule.", Form.parameters(TRAINING_KEYS), TRAINING_EXAMPLE)),
            "{\"optimizer\": {\"type\": \"adam\", \"lr\": 0.05}, \"training\": {\"epochs\": 20}}");
    /** The classifier is a logistic regression: one linear layer trained with this loss on its logit. */
    static final String CLASSIFIER_LOSS = "bce-with-logits";

    private static Map<String, List<ParameterSpec>> steps() {
        Map<String, List<ParameterSpec>> steps = new LinkedHashMap<>();
        steps.put("standardize", List.of());
        steps.put("fill-missing", List.of(
                ParameterSpec.string("with", "What replaces a missing number: the value, or the column's mean or median over"
                        + " the rows the statistics are fitted on.", Arrays.stream(PreprocessingSpec.Fill.values())
                        .map(PreprocessingSpec.Fill::label).toArray(String[]::new)).withDefault(PreprocessingSpec.Fill.VALUE.label()),
                ParameterSpec.number("value", "The value that replaces a missing number when with is value (0 when left out);"
                        + " no value goes with mean or median.")));
        steps.put("log1p", List.of(ParameterSpec.number("min-skew", "Numeric columns whose skew (pandas' adjusted"
                + " Fisher-Pearson coefficient, over the rows the statistics are fitted on) exceeds this in magnitude become"
                + " log(1 + x).")
                .withDefault(0.75).atLeast(0)));
        steps.put("one-hot", List.of(ParameterSpec.bool("dummy-na", "Whether a missing value gets an indicator column of its own.")
                .withDefault(true)));
        return steps;
    }

    private static List<ParameterSpec> withMetric() {
        List<ParameterSpec> keys = new ArrayList<>(TRAINING_KEYS);
        keys.add(ParameterSpec.string("metric", "What is reported after each epoch.", Metric.labels().toArray(String[]::new))
                .withDefault(Metric.LOG_RMSE.label()));
        keys.add(ParameterSpec.integer(CHECKPOINT_EVERY, "Save each fit's state (parameters, optimizer, random streams, curves)"
                + " in the run folder's checkpoints every this many epochs and when it ends, so that djx run --resume"
                + " RUN_FOLDER continues an interrupted run to the numbers it would have given. Off when left out.").atLeast(1));
        return List.copyOf(keys);
    }

    /** Reads a training section (the top-level one or a nested one). */
    static TrainingSpec training(Bound training) {
        Config c = training.config();
        return new TrainingSpec(new TrainerOptions(c.integer("epochs"), c.integer("batch-size"), c.bool("shuffle"),
                c.has("tolerance") ? c.number("tolerance") : Double.NaN, EpochLoss.byLabel(c.string("epoch-loss"))),
                c.integer("report-every"), c.bool("trace-first-step"));
    }

    /** The key of a tabular training section that turns checkpoints on. */
    static final String CHECKPOINT_EVERY = CheckpointFolder.TRAINING_KEY;

    /** Returns how often a tabular training section saves checkpoints: every this many epochs, or 0 for never. */
    static int checkpointEvery(Bound training) {
        return training.config().has(CHECKPOINT_EVERY) ? training.config().integer(CHECKPOINT_EVERY) : 0;
    }

    /** Returns the metric a tabular training section names. */
    static Metric metric(Bound training) {
        return Metric.byLabel(training.config().string("metric"));
    }

    /** Reads the preprocessing section. */
    static PreprocessingSpec preprocessing(Bound section) {
        List<PreprocessingSpec.Step> steps = new ArrayList<>();
        for (Bound step : section.get("steps").steps()) {
            steps.add(switch (step.type()) {
                case "standardize" -> new PreprocessingSpec.Standardize();
                case "fill-missing" -> new PreprocessingSpec.FillMissing(PreprocessingSpec.Fill.byLabel(step.config().string("with")),
                        step.config().has("value") ? step.config().number("value") : 0);
                case "log1p" -> new PreprocessingSpec.Log1p(step.config().number("min-skew"));
                default -> new PreprocessingSpec.OneHot(step.config().bool("dummy-na"));
            });
        }
        return new PreprocessingSpec(PreprocessingSpec.FitOn.byLabel(section.config().string("fit-on")), steps,
                PreprocessingSpec.TargetTransform.byLabel(section.config().string("target-transform")));
    }

    /** Returns the model with the file's optimizer and schedule and {@code loss}, or null when a section had a problem. */
    static TrainingSetup setup(TaskInput in, ComponentSpec loss) {
        Bound model = in.section("model");
        Bound optimizer = in.section("optimizer");
        Bound training = in.section("training");
        if (model == null || loss == null || optimizer == null || training == null) {
            return null;
        }
        return Schedules.with(in, new TrainingSetup(model.model(), loss, optimizer.component(), training(training).trainer()));
    }

    /** Returns the plugin of the file's loss section, or null when it had a problem. */
    static ComponentSpec loss(TaskInput in) {
        Bound loss = in.section("loss");
        return loss == null ? null : loss.component();
    }

    /** Returns {@code bce-with-logits}, which a task trains a logit with, or null after saying it is missing. */
    static ComponentSpec logitLoss(TaskInput in, String path, String why) {
        return in.builtIn(PluginKind.LOSS, CLASSIFIER_LOSS, Map.of(), path, why);
    }

    /** Reads the classifier section, or returns null when it (or a plugin it needs) had a problem. */
    static ClassifierSpec classifier(TaskInput in) {
        Bound section = in.section("classifier");
        String path = "$.classifier";
        ComponentSpec loss = logitLoss(in, path, "the classifier is a logistic regression, trained");
        // Written out as if the file listed them, so the layer and its initializer are checked like any other.
        ComponentSpec linear = in.builtIn(PluginKind.LAYER, "linear", Map.of("outputs", 1), path, "the classifier is one layer");
        ComponentSpec init = in.builtIn(PluginKind.INITIALIZER, "normal", Map.of(), path, "the classifier starts");
        if (section == null || loss == null || linear == null || init == null) {
            return null;
        }
        // float64: the classifier is small, and its AUC and weights are reported to many digits.
        ModelSpec model = new ModelSpec(ModelSpec.FROM_DATA, DType.FLOAT64, init, List.of(new LayerSpec(null, linear, null)));
        return new ClassifierSpec(section.config().integer("folds"), section.config().number("max-weight"),
                new TrainingSetup(model, loss, section.get("optimizer").component(), training(section.get("training")).trainer()));
    }
}
