package org.djx.engine.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.djx.api.data.Dataset;
import org.djx.engine.fit.CrossValidation;
import org.djx.engine.fit.Trials;
import org.djx.api.Tensor;
import org.djx.engine.metric.ClassScores;
import org.djx.engine.metric.Metric;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.report.LinePlot;
import org.djx.engine.report.PanelPlot;
import org.djx.engine.report.RunOutput;
import org.djx.engine.report.RunResult;
import org.djx.engine.spec.ComponentSpec;
import org.djx.engine.spec.PreprocessingSpec;
import org.djx.engine.spec.TrainingSetup;
import org.djx.engine.tabular.Features;
import org.djx.engine.tabular.Preprocessor;
import org.djx.engine.task.Bound;
import org.djx.engine.task.Job;
import org.djx.engine.task.ResultNames;
import org.djx.engine.task.Section;
import org.djx.engine.task.Task;
import org.djx.engine.task.TaskContext;
import org.djx.engine.task.TaskInput;
import org.djx.engine.train.KFold;

/** D2L 4.10: k-fold cross-validation of the model on a tabular dataset, fold by fold, with the averages and every fold's curves. */
public final class KFoldTask implements Task {
    /**
     * What a k-fold run needs.
     *
     * @param dataset       the dataset source plugin
     * @param preprocessing how columns become features
     * @param setup         the model, loss, optimizer and schedule
     * @param metric        what is reported after each epoch
     * @param folds         k
     * @param stratified    whether the folds are stratified by class and shuffled, rather than D2L's contiguous blocks
     * @param seed          the seed of a stratified split's shuffle; null for the experiment's
     * @param outputs       the network's outputs as the probe built it, or 0 when only the data can say
     * @param finalModel    whether a model trained on every row is saved after the folds
     * @param checkpointEvery how many epochs apart each fit saves a checkpoint; 0 for none
     */
    public record Spec(ComponentSpec dataset, PreprocessingSpec preprocessing, TrainingSetup setup, Metric metric, int folds,
            boolean stratified, Integer seed, int outputs, boolean finalModel, int checkpointEvery) {
        /** Returns the sections every tabular task reads. */
        Tabular.Spec tabular() {
            return new Tabular.Spec(dataset, preprocessing, setup, metric, outputs, checkpointEvery);
        }
    }

    @Override
    public String name() {
        return "k-fold";
    }

    @Override
    public String description() {
        return "Trains on a tabular dataset with k-fold cross-validation (D2L 4.10).";
    }

    @Override
    public List<Section> sections() {
        return List.of(Sections.DATASET, Sections.PREPROCESSING, Sections.MODEL, Sections.LOSS, Sections.OPTIMIZER,
                Sections.SCHEDULE, Sections.TABULAR_TRAINING, Sections.VALIDATION);
    }

    @Override
    public Job read(TaskInput in) {
        Spec spec = spec(in);
        return spec == null ? null : Job.of(spec, results(spec), KFoldTask::run).withDataCheck(d -> Tabular.checkData(spec.tabular(), d));
    }

    /** Reads the k-fold sections, as this task and adversarial validation share them; null after a problem. */
    static Spec spec(TaskInput in) {
        Tabular.Spec tabular = Tabular.read(in);
        Bound validation = in.section("validation");
        if (tabular == null || validation == null) {
            return null;
        }
        var v = validation.config();
        // A classification's rows are often sorted by class, which contiguous folds would leave out whole.
        boolean stratified = v.has("stratified") ? v.bool("stratified") : tabular.metric().isClassification();
        if (stratified && !tabular.metric().isClassification()) {
            in.problem("$.validation.stratified", "stratified folds spread each class evenly, but the metric "
                    + tabular.metric().label() + " is a regression's; leave \"stratified\" out, or use a classification metric: "
                    + String.join(", ", Metric.labels(true)));
            return null;
        }
        if (v.has("seed") && !stratified) {
            in.problem("$.validation.seed", "the seed shuffles a stratified split, and this split is not stratified;"
                    + " add \"stratified\": true or leave the seed out");
            return null;
        }
        return new Spec(tabular.dataset(), tabular.preprocessing(), tabular.setup(), tabular.metric(), v.integer("folds"),
                stratified, v.has("seed") ? v.integer("seed") : null, tabular.outputs(), v.bool("final-model"),
                tabular.checkpointEvery());
    }

    /** Returns the k splits of the rows: stratified and shuffled, or D2L's contiguous blocks. */
    private static KFold.Split[] splits(Spec spec, Features features, TaskContext context) {
        int k = spec.folds();
        Tensor y = features.targets();
        KFold.Split[] splits = new KFold.Split[k];
        if (!spec.stratified()) {
            for (int i = 0; i < k; i++) {
                splits[i] = KFold.split(y.rows(), k, i);
            }
            return splits;
        }
        int[] classes = new int[y.rows()];
        for (int r = 0; r < classes.length; r++) {
            classes[r] = (int) y.get(r);
        }
        RandomStreams streams = spec.seed() == null ? context.streams() : new RandomStreams(spec.seed());
        return KFold.stratified(classes, k, streams.stream("folds"));
    }

    /** Preprocesses the dataset with the statistics of fold {@code i}'s training rows. */
    private static Features foldFeatures(PreprocessingSpec preprocessing, Dataset dataset, KFold.Split split, int i) {
        boolean[] fit = new boolean[dataset.train().rows()];
        int[] training = split.train();
        for (int r : training) {
            fit[r] = true;
        }
        return new Preprocessor(preprocessing).apply(dataset, fit, "fold " + (i + 1) + "'s training rows (" + training.length + ")");
    }

    private static ResultNames results(Spec spec) {
        String m = spec.metric().label();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= spec.folds(); i++) {
            names.add("fold-" + i + "/train-" + m);
            names.add("fold-" + i + "/valid-" + m);
            if (spec.preprocessing().fitOn() == PreprocessingSpec.FitOn.TRAIN_FOLD) {
                // Each fold fits its own categories, so its width is a result of its own.
                names.add("fold-" + i + "/features");
            }
        }
        if (spec.finalModel()) {
            names.add("final/train-" + m);
        }
        return Tabular.RESULTS.and(names).and("avg-train-" + m, "avg-valid-" + m, "diverged-epoch");
    }

    private static RunResult run(Spec spec, TaskContext run) {
        TaskContext context = run.checkpointingEvery(spec.checkpointEvery());
        RunOutput out = context.out();
        Tabular.Data data = Tabular.load(spec.dataset(), spec.preprocessing(), spec.metric(), context);
        Tabular.announce(context, spec.dataset(), data);
        var features = data.features();
        var dataset = data.dataset();
        RunResult.Builder result = Tabular.results(context, data);
        String label = spec.metric().label();
        String words = label.replace('-', ' ');
        int k = spec.folds();
        boolean perFold = spec.preprocessing().fitOn() == PreprocessingSpec.FitOn.TRAIN_FOLD;
        List<String> fitted = new ArrayList<>(java.util.Collections.nCopies(k, ""));
        int[] widths = new int[k];
        KFold.Split[] splits = splits(spec, features, context);
        if (spec.stratified()) {
            // A shuffled split is not obvious from the file: written down, other tools can use the same folds.
            StringBuilder folds = new StringBuilder("row,fold\n");
            int[] foldOf = new int[features.train().rows()];
            for (int i = 0; i < k; i++) {
                for (int r : splits[i].valid()) {
                    foldOf[r] = i + 1;
                }
            }
            for (int r = 0; r < foldOf.length; r++) {
                folds.append(r + 1).append(',').append(foldOf[r]).append('\n');
            }
            context.writeText("folds.csv", folds.toString());
        }
        // Each validation row's predicted class, from the model that did not see it: the confusion matrix.
        int[] predicted = new int[features.train().rows()];
        java.util.Arrays.fill(predicted, -1);
        List<Tabular.Curves> folds = Trials.run(k, context.threads(), i -> {
            // With train-fold, every statistic comes from this fold's training rows: its validation rows stay unseen.
            Features own = perFold ? foldFeatures(spec.preprocessing(), dataset, splits[i], i) : features;
            CrossValidation.FoldData f = CrossValidation.split(own.train(), own.targets(), null, splits[i], i);
            Tabular.Fitted fit = Tabular.fit(spec.setup(), spec.metric(), spec.preprocessing().target(), own.classes(), f.trainX(),
                    f.trainY(), null, f.validX(), f.validY(), "fold-" + (i + 1) + "/", "fold " + (i + 1) + " of " + k, i + 1,
                    "fold-" + (i + 1), context.forThread());
            widths[i] = own.width();
            fitted.set(i, "fold " + (i + 1) + ":\n" + (perFold ? String.join("\n", own.statistics()) + "\n" : "")
                    + (own.isClassification() ? "" : fit.target().describe() + "\n"));
            if (own.isClassification() && !fit.curves().diverged()) {
                Tensor p = fit.predict(f.validX());
                int[] rows = splits[i].valid();
                for (int r = 0; r < rows.length; r++) {
                    predicted[rows[r]] = ClassScores.predicted(p, r);
                }
            }
            return fit.curves();
        });
        if (perFold || spec.preprocessing().target() != PreprocessingSpec.TargetTransform.NONE) {
            // What each fold fitted, after what every training row gives (the width and names of a final model).
            context.writeText("preprocessing.txt", Tabular.preprocessingText(features) + "\n" + String.join("\n", fitted));
        }
        double trainSum = 0;
        double validSum = 0;
        for (int i = 0; i < k; i++) {
            Tabular.Curves c = folds.get(i);
            if (c.diverged()) {
                String why = Tabular.divergence("fold " + (i + 1), c.training());
                out.result(why);
                return result.metric("diverged-epoch", c.training().epochs()).diverged(why).build();
            }
            out.line(String.format(Locale.ROOT, "fold %d, train %s %f, valid %s %f", i + 1, words, c.lastTrain(), words, c.lastValid()));
            trainSum += c.lastTrain();
            validSum += c.lastValid();
            result.metric("fold-" + (i + 1) + "/train-" + label, c.lastTrain()).metric("fold-" + (i + 1) + "/valid-" + label, c.lastValid());
            if (perFold) {
                result.metric("fold-" + (i + 1) + "/features", widths[i]);
            }
        }
        out.result(String.format(Locale.ROOT, "%d-fold validation: avg train %s: %f, avg valid %s: %f",
                k, words, trainSum / k, words, validSum / k));
        context.writeMetrics();
        // Every fold's curves, one panel each, on one scale-free log axis per panel.
        PanelPlot curves = new PanelPlot(context.name() + ": train and valid " + words + " per epoch, fold by fold");
        for (int i = 0; i < k; i++) {
            Tabular.Curves c = folds.get(i);
            double[] epochs = Tabular.epochs(c.train().length);
            curves.add(new LinePlot("fold " + (i + 1), "epoch", label, !spec.metric().higherIsBetter()).add("train", epochs, c.train())
                    .add("valid", epochs, c.valid()));
        }
        context.writePlot("folds", curves);
        if (features.isClassification()) {
            Confusion.write(context, features.classes(), features.targets(), predicted,
                    "validation rows, each predicted by the fold's model that did not train on it");
        }
        result.metric("avg-train-" + label, trainSum / k).metric("avg-valid-" + label, validSum / k);
        if (spec.finalModel()) {
            // On every row, preprocessed as the run's features were, from the streams a submission run's model draws
            // from: the same model the submission task of this file would train, bit for bit.
            Tabular.Fitted fit = Tabular.fit(spec.setup(), spec.metric(), spec.preprocessing().target(), features.classes(),
                    features.train(), features.targets(), null, null, null, "", "final model", Tabular.UNRECORDED, "final-model",
                    context);
            if (fit.curves().diverged()) {
                String why = Tabular.divergence("the final model", fit.curves().training());
                out.result(why);
                return result.metric("diverged-epoch", fit.curves().training().epochs()).diverged(why).build();
            }
            out.result(String.format(Locale.ROOT, "final model on all %d rows: train %s %f", features.train().rows(), words,
                    fit.curves().lastTrain()));
            Tabular.save(fit, spec.setup(), data, context);
            result.metric("final/train-" + label, fit.curves().lastTrain());
        }
        return result.build();
    }
}
