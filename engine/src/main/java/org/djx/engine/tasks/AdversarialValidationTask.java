package org.djx.engine.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.djx.api.DataException;
import org.djx.api.Tensor;
import org.djx.api.data.Dataset;
import org.djx.engine.fit.CrossValidation;
import org.djx.engine.fit.Trials;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.report.Csv;
import org.djx.engine.report.BarPlot;
import org.djx.engine.report.Format;
import org.djx.engine.report.LinePlot;
import org.djx.engine.report.RunOutput;
import org.djx.engine.report.RunResult;
import org.djx.engine.shift.ShiftDetector;
import org.djx.engine.spec.ClassifierSpec;
import org.djx.engine.spec.PreprocessingSpec;
import org.djx.engine.tabular.Features;
import org.djx.engine.task.Job;
import org.djx.engine.task.Section;
import org.djx.engine.task.Task;
import org.djx.engine.task.TaskContext;
import org.djx.engine.task.TaskInput;

/**
 * Adversarial validation of a tabular dataset (D2L 4.9 on D2L 4.10's data): can a classifier tell the
 * training rows from the test rows? The cross-validated AUC with its 95% interval answers, the
 * single-feature AUCs name the columns that differ most, and the k-fold regression run unweighted and with
 * the importance weights shows whether correcting for the difference changes the validation error.
 */
public final class AdversarialValidationTask implements Task {
    /** How many of the most separating features are reported. */
    static final int TOP_FEATURES = 10;

    /**
     * What adversarial validation needs.
     *
     * @param regression the k-fold task it runs twice, unweighted and weighted
     * @param classifier the shift detector and the importance weights
     */
    public record Spec(KFoldTask.Spec regression, ClassifierSpec classifier) {
    }

    @Override
    public String name() {
        return "adversarial-validation";
    }

    @Override
    public String description() {
        return "Tells a tabular dataset's training rows from its test rows (the AUC, the most separating features) and"
                + " cross-validates the regression with and without importance weights (D2L 4.9 on D2L 4.10's data).";
    }

    @Override
    public List<Section> sections() {
        return List.of(Sections.DATASET, Sections.PREPROCESSING, Sections.CLASSIFIER, Sections.MODEL, Sections.LOSS,
                Sections.OPTIMIZER, Sections.TABULAR_TRAINING, Sections.VALIDATION);
    }

    @Override
    public Job read(TaskInput in) {
        // The regression's sections read exactly as a k-fold task's.
        KFoldTask.Spec regression = KFoldTask.spec(in);
        ClassifierSpec classifier = Sections.classifier(in);
        if (regression == null || classifier == null) {
            return null;
        }
        if (regression.metric().isClassification()) {
            in.problem("$.training.metric", "adversarial-validation weighs a regression's errors, so it takes a regression"
                    + " metric: " + String.join(", ", org.djx.engine.metric.Metric.labels(false)));
            return null;
        }
        if (regression.preprocessing().fitOn() == PreprocessingSpec.FitOn.TRAIN_FOLD) {
            // Its classifier needs one feature matrix for the training and test rows alike.
            in.problem("$.preprocessing.fit-on", "adversarial-validation compares the training and test rows in one set of"
                    + " features, so it fits them once: use train-and-test or train, not train-fold");
            return null;
        }
        Spec spec = new Spec(regression, classifier);
        String m = regression.metric().label();
        List<String> names = new ArrayList<>(List.of("test-rows", "auc", "auc-lower95", "auc-upper95", "auc-standard-error",
                "top-feature-auc-distance", "weight-mean", "weight-max", "clipped-weights", "effective-sample-size",
                "unweighted/avg-valid-" + m, "weighted/avg-valid-" + m, "unweighted/avg-importance-weighted-valid-" + m,
                "weighted/avg-importance-weighted-valid-" + m, "avg-valid-" + m + "-change", "avg-valid-" + m + "-change-t"));
        for (int i = 1; i <= regression.folds(); i++) {
            for (String fit : List.of("unweighted", "weighted")) {
                names.add("fold-" + i + "/" + fit + "/valid-" + m);
                names.add("fold-" + i + "/" + fit + "/importance-weighted-valid-" + m);
            }
        }
        // The data names the features, so their AUCs are declared by the prefix they share.
        return Job.of(spec, Tabular.RESULTS.and(names).andAnyStartingWith("feature-auc/"), AdversarialValidationTask::run);
    }

    /** One fold's regressions: index 0 unweighted, 1 weighted. */
    private record FoldFits(double[] plain, double[] importance, Tabular.Curves[] curves) {
    }

    private static RunResult run(Spec spec, TaskContext run) {
        TaskContext context = run.checkpointingEvery(spec.regression().checkpointEvery());
        RunOutput out = context.out();
        KFoldTask.Spec regression = spec.regression();
        Tabular.Data data = Tabular.load(regression.dataset(), regression.preprocessing(), regression.metric(), context);
        Dataset dataset = data.dataset();
        if (dataset.test() == null) {
            throw new DataException("dataset '" + regression.dataset().type() + "' has no test rows, so there is nothing to tell the training rows from");
        }
        Features features = data.features();
        Tensor train = features.train();
        Tensor test = features.test();
        out.line(context.name() + ": " + regression.dataset().type() + " train " + train.rows() + " rows, test " + test.rows()
                + " rows; features after preprocessing " + features.width());
        RunResult.Builder result = RunResult.builder(context.name()).metric("train-rows", train.rows())
                .metric("test-rows", test.rows()).metric("features", features.width());

        RandomStreams streams = context.streams();
        int folds = spec.classifier().folds();
        ShiftDetector.Detection d = ShiftDetector.detect(spec.classifier(), train, test, streams, "", context.kernels(),
                (fold, epoch, epochs) -> out.progress("classifier fold " + fold + " of " + folds, epoch, epochs, ""));
        if (d.diverged()) {
            String why = "diverged: the classifier's loss became NaN or infinite. Lower its learning rate.";
            out.result(why);
            return result.diverged(why).build();
        }
        out.result(String.format(Locale.ROOT, "training vs test rows: %d-fold cross-validated AUC %.4f, 95%% CI %.4f to %.4f"
                + " (DeLong standard error %.4f); 0.5 means the classifier cannot tell them apart", folds, d.auc().value(),
                d.auc().lower95(), d.auc().upper95(), d.auc().standardError()));
        result.metric("auc", d.auc().value()).metric("auc-lower95", d.auc().lower95()).metric("auc-upper95", d.auc().upper95())
                .metric("auc-standard-error", d.auc().standardError());

        double[] aucs = ShiftDetector.featureAucs(train, test);
        Integer[] order = new Integer[aucs.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -Math.abs(aucs[j] - 0.5)).thenComparing(j -> j));
        StringBuilder featureCsv = new StringBuilder("rank,feature,auc,mean-train,mean-test\n");
        double[][] means = {columnMeans(train), columnMeans(test)};
        out.line("the " + TOP_FEATURES + " features that separate them most, each alone (single-feature AUC of test against training rows;"
                + " above 0.5: larger in the test rows):");
        for (int rank = 0; rank < order.length; rank++) {
            int j = order[rank];
            String name = features.names().get(j);
            featureCsv.append(rank + 1).append(',').append(Csv.field(name)).append(',').append(aucs[j]).append(',')
                    .append(means[0][j]).append(',').append(means[1][j]).append('\n');
            if (rank < TOP_FEATURES) {
                out.line(String.format(Locale.ROOT, "  %2d. %-24s AUC %.4f  (mean %.4f in training rows, %.4f in test rows)", rank + 1,
                        name, aucs[j], means[0][j], means[1][j]));
                result.metric("feature-auc/" + name, aucs[j]);
            }
        }
        result.metric("top-feature-auc-distance", Math.abs(aucs[order[0]] - 0.5));
        double[] w = d.weights();
        double ess = d.effectiveSampleSize();
        out.line(String.format(Locale.ROOT, "importance weights of the training rows: mean %.4f, min %.4f, max %.4f, %d clipped at %s;"
                + " effective sample size %.1f of %d", mean(w), Arrays.stream(w).min().orElseThrow(), Arrays.stream(w).max().orElseThrow(),
                d.clipped(), Format.number(spec.classifier().maxWeight()), ess, w.length));
        result.metric("weight-mean", mean(w)).metric("weight-max", Arrays.stream(w).max().orElseThrow())
                .metric("clipped-weights", d.clipped()).metric("effective-sample-size", ess);

        // The regression: k-fold as the k-fold task runs it (same streams, so the unweighted fit is that
        // task's), then again with each training row weighted. Both are scored plainly on the validation
        // rows and with the validation rows' importance weights, which estimates the error on the test rows.
        String metric = regression.metric().label();
        int k = regression.folds();
        Tensor weights = Tensor.vector(w);
        String[] fits = {"unweighted", "weighted"};
        List<FoldFits> outcomes = Trials.run(k, context.threads(), i -> {
            CrossValidation.FoldData f = CrossValidation.split(train, features.targets(), weights, k, i);
            TaskContext own = context.forThread();
            FoldFits fold = new FoldFits(new double[2], new double[2], new Tabular.Curves[2]);
            for (int fit = 0; fit < 2; fit++) {
                Tabular.Fitted fitted = Tabular.fit(regression.setup(), regression.metric(), regression.preprocessing().target(),
                        List.of(), f.trainX(), f.trainY(),
                        fit == 0 ? null : f.trainWeights(), f.validX(), f.validY(), "fold-" + (i + 1) + "/",
                        "fold " + (i + 1) + " of " + k + ", " + fits[fit] + " fit", Tabular.UNRECORDED,
                        "fold-" + (i + 1) + "-" + fits[fit], own);
                fold.curves()[fit] = fitted.curves();
                if (fitted.curves().diverged()) {
                    return fold;
                }
                Tensor predictions = fitted.predict(f.validX());
                fold.plain()[fit] = regression.metric().compute(predictions, f.validY());
                fold.importance()[fit] = regression.metric().compute(predictions, f.validY(), f.validWeights());
            }
            return fold;
        });
        double[][] plain = new double[2][k];
        double[][] importance = new double[2][k];
        StringBuilder foldCsv = new StringBuilder("fold,fit,valid-" + metric + ",importance-weighted-valid-" + metric + "\n");
        for (int i = 0; i < k; i++) {
            FoldFits ff = outcomes.get(i);
            for (int f = 0; f < 2; f++) {
                Tabular.Curves c = ff.curves()[f];
                if (c.diverged()) {
                    String why = "diverged: the " + fits[f] + " fit of fold " + (i + 1) + " reached a loss of "
                            + c.training().loss(c.training().epochs()) + ". Lower the learning rate.";
                    out.result(why);
                    return result.diverged(why).build();
                }
                plain[f][i] = ff.plain()[f];
                importance[f][i] = ff.importance()[f];
                result.metric("fold-" + (i + 1) + "/" + fits[f] + "/valid-" + metric, plain[f][i])
                        .metric("fold-" + (i + 1) + "/" + fits[f] + "/importance-weighted-valid-" + metric, importance[f][i]);
                foldCsv.append(i + 1).append(',').append(fits[f]).append(',').append(plain[f][i]).append(',').append(importance[f][i])
                        .append('\n');
            }
            out.line(String.format(Locale.ROOT, "fold %d, valid %s unweighted fit %.6f, weighted fit %.6f", i + 1, metric.replace('-', ' '),
                    plain[0][i], plain[1][i]));
        }
        String words = metric.replace('-', ' ');
        double t = pairedT(plain[1], plain[0]);
        out.result(String.format(Locale.ROOT, "%d-fold avg valid %s: unweighted fit %.6f, weighted fit %.6f (change %+.6f,"
                + " paired t %.2f over the folds); importance-weighted valid %s: unweighted fit %.6f, weighted fit %.6f", k, words,
                mean(plain[0]), mean(plain[1]), mean(plain[1]) - mean(plain[0]), t, words, mean(importance[0]), mean(importance[1])));
        result.metric("unweighted/avg-valid-" + metric, mean(plain[0])).metric("weighted/avg-valid-" + metric, mean(plain[1]))
                .metric("unweighted/avg-importance-weighted-valid-" + metric, mean(importance[0]))
                .metric("weighted/avg-importance-weighted-valid-" + metric, mean(importance[1]))
                .metric("avg-valid-" + metric + "-change", mean(plain[1]) - mean(plain[0]))
                .metric("avg-valid-" + metric + "-change-t", t);
        context.writeText("feature-aucs.csv", featureCsv.toString());
        context.writeText("folds.csv", foldCsv.toString());
        writePlots(d, features.names(), aucs, order, plain, metric, context);
        return result.build();
    }

    private static void writePlots(ShiftDetector.Detection d, List<String> names, double[] aucs, Integer[] order,
            double[][] plain, String metric, TaskContext context) {
        Fitting.writeScorePlot(context, String.format(Locale.ROOT, "%s: out-of-fold classifier logits (AUC %.3f)",
                context.name(), d.auc().value()), d);
        double[] w = d.weights();
        double max = Arrays.stream(w).max().orElseThrow();
        double min = Arrays.stream(w).min().orElseThrow();
        if (max > min) {
            double[][] h = Fitting.density(w, min, max, 40);
            context.writePlot("importance-weights", new LinePlot(context.name() + ": importance weights of the training rows",
                    "weight", "density", false).add("training rows", h[0], h[1]));
        }
        BarPlot features = new BarPlot(context.name() + ": the most separating features, each alone",
                "single-feature AUC, test vs training rows (above 0.5: larger in the test rows)", "no separation (0.5)", 0.5);
        for (int i = 0; i < Math.min(order.length, 2 * TOP_FEATURES); i++) {
            features.add(names.get(order[i]), aucs[order[i]]);
        }
        context.writePlot("feature-aucs", features);
        double[] folds = new double[plain[0].length];
        Arrays.setAll(folds, i -> i + 1);
        context.writePlot("folds", new LinePlot(context.name() + ": valid " + metric + " per fold", "fold", "valid " + metric, false)
                .addPoints("unweighted fit", folds, plain[0]).addPoints("importance-weighted fit", folds, plain[1]));
    }

    private static double[] columnMeans(Tensor t) {
        int columns = t.columns();
        double[] m = new double[columns];
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < columns; j++) {
                m[j] += t.get(i * columns + j) / t.rows();
            }
        }
        return m;
    }

    /**
     * Returns the paired t statistic of {@code a - b} over the folds: the mean difference over its standard error,
     * which a t distribution with k - 1 degrees of freedom bounds when weighting changes nothing.
     */
    static double pairedT(double[] a, double[] b) {
        int k = a.length;
        double[] d = new double[k];
        for (int i = 0; i < k; i++) {
            d[i] = a[i] - b[i];
        }
        double mean = mean(d);
        double squares = 0;
        for (double v : d) {
            squares += (v - mean) * (v - mean);
        }
        return k < 2 ? Double.NaN : mean / Math.sqrt(squares / (k - 1) / k);
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }
}
