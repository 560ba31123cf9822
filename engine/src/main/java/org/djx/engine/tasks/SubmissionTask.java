package org.djx.engine.tasks;

import java.util.List;
import java.util.Locale;
import org.djx.api.DataException;
import org.djx.api.Tensor;
import org.djx.api.data.Dataset;
import org.djx.engine.metric.Metric;
import org.djx.engine.report.LinePlot;
import org.djx.engine.report.RunOutput;
import org.djx.engine.report.RunResult;
import org.djx.engine.serving.Predictions;
import org.djx.engine.tabular.Features;
import org.djx.engine.task.Bound;
import org.djx.engine.task.Job;
import org.djx.engine.task.Section;
import org.djx.engine.task.Task;
import org.djx.engine.task.TaskContext;
import org.djx.engine.task.TaskInput;

/** D2L 4.10's last step: train on every training row of a tabular dataset and predict its test rows into submission.csv. */
public final class SubmissionTask implements Task {
    @Override
    public String name() {
        return "submission";
    }

    @Override
    public String description() {
        return "Trains on every training row of a tabular dataset and predicts its test rows into submission.csv.";
    }

    @Override
    public List<Section> sections() {
        return List.of(Sections.DATASET, Sections.PREPROCESSING, Sections.MODEL, Sections.LOSS, Sections.OPTIMIZER,
                Sections.SCHEDULE, Sections.TABULAR_TRAINING, Sections.SUBMISSION);
    }

    /** What a submission run needs: the tabular sections, and whether it writes class probabilities. */
    record Spec(Tabular.Spec tabular, boolean probabilities) {
    }

    @Override
    public Job read(TaskInput in) {
        Tabular.Spec spec = Tabular.read(in);
        Bound submission = in.section("submission");
        if (spec == null) {
            return null;
        }
        boolean probabilities = submission != null && submission.config().bool("probabilities");
        if (probabilities && !spec.metric().isClassification()) {
            in.problem("$.submission.probabilities", "probabilities are a classification's, and the metric "
                    + spec.metric().label() + " is a regression's; leave \"probabilities\" out, or use a classification metric");
            return null;
        }
        return Job.of(new Spec(spec, probabilities), Tabular.RESULTS.and("train-" + spec.metric().label(), "predictions",
                "diverged-epoch"), SubmissionTask::run).withDataCheck(d -> Tabular.checkData(spec, d));
    }

    private static RunResult run(Spec submission, TaskContext run) {
        Tabular.Spec spec = submission.tabular();
        TaskContext context = run.checkpointingEvery(spec.checkpointEvery());
        RunOutput out = context.out();
        Tabular.Data data = Tabular.load(spec.dataset(), spec.preprocessing(), spec.metric(), context);
        Tabular.announce(context, spec.dataset(), data);
        var features = data.features();
        var dataset = data.dataset();
        RunResult.Builder result = Tabular.results(context, data);
        if (features.test() == null) {
            throw new DataException("dataset '" + spec.dataset().type() + "' has no test rows to predict");
        }
        String label = spec.metric().label();
        Tabular.Fitted fitted = Tabular.fit(spec.setup(), spec.metric(), spec.preprocessing().target(), features.classes(),
                features.train(),
                features.targets(), null, null, null,
                "", "training", 0, "model", context);
        Tabular.Curves c = fitted.curves();
        if (c.diverged()) {
            String why = Tabular.divergence("training", c.training());
            out.result(why);
            return result.metric("diverged-epoch", c.training().epochs()).diverged(why).build();
        }
        out.result(String.format(Locale.ROOT, "train %s %f", label.replace('-', ' '), c.lastTrain()));
        Tensor predictions = fitted.predict(features.test());
        // The dataset names the columns and says which predictions are valid ones.
        String id = dataset.id() == null ? "row" : dataset.id();
        context.writeText("submission.csv", PredictionsCsv.of(id, features.testIds(), dataset.target(),
                checked(predictions, features, dataset, id), submission.probabilities()));
        // Only a model whose submission was written is saved: a run that refused its predictions leaves none to serve.
        Tabular.save(fitted, spec.setup(), data, context);
        return finish(context, result, label, c, predictions);
    }

    /**
     * Returns the predictions once every one is valid: finite probabilities of a classification, numbers the dataset's
     * target rule accepts.
     *
     * @throws DataException naming the first test row whose prediction is not, so that no submission is written
     */
    private static Predictions checked(Tensor predictions, Features features, Dataset dataset, String id) {
        int k = features.classes().size();
        double[][] probabilities = new double[predictions.rows()][Math.max(k, 1)];
        double[] values = new double[predictions.rows()];
        for (int r = 0; r < predictions.rows(); r++) {
            String which = "the prediction for test row " + (r + 1) + " (" + id + " " + features.testIds().get(r) + ")";
            if (k == 0) {
                values[r] = predictions.get(r);
                if (!dataset.targetRule().accepts(values[r])) {
                    throw new DataException(which + " is " + values[r] + "; " + dataset.targetRule().describe()
                            + ", so no submission was written");
                }
                continue;
            }
            for (int c = 0; c < k; c++) {
                probabilities[r][c] = predictions.get(r, c);
                if (!Double.isFinite(probabilities[r][c])) {
                    throw new DataException(which + " is not a number: the network's outputs overflowed on its features, so no"
                            + " submission was written; check the row's values, or use \"dtype\": \"float64\"");
                }
            }
        }
        return k == 0 ? Predictions.ofValues(values) : Predictions.ofClasses(features.classes(), probabilities);
    }

    private static RunResult finish(TaskContext context, RunResult.Builder result, String label, Tabular.Curves c, Tensor predictions) {
        context.writeMetrics();
        double[] epochs = Tabular.epochs(c.train().length);
        context.writePlot("training", new LinePlot(context.name() + ": training", "epoch", label, !Metric.byLabel(label).higherIsBetter())
                .add("train", epochs, c.train()));
        return result.metric("train-" + label, c.lastTrain()).metric("predictions", predictions.rows()).build();
    }
}
