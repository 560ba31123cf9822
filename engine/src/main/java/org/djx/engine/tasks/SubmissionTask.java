package org.djx.engine.tasks;

import java.util.List;
import java.util.Locale;
import org.djx.api.DataException;
import org.djx.api.Tensor;
import org.djx.engine.report.LinePlot;
import org.djx.engine.report.RunOutput;
import org.djx.engine.report.RunResult;
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
                Sections.SCHEDULE, Sections.TABULAR_TRAINING);
    }

    @Override
    public Job read(TaskInput in) {
        Tabular.Spec spec = Tabular.read(in);
        if (spec == null) {
            return null;
        }
        return Job.of(spec, Tabular.RESULTS.and("train-" + spec.metric().label(), "predictions",
                "diverged-epoch"), SubmissionTask::run);
    }

    private static RunResult run(Tabular.Spec spec, TaskContext context) {
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
        Tabular.Fitted fitted = Tabular.fit(spec.setup(), spec.metric(), spec.preprocessing().target(), features.train(),
                features.targets(), null, null, null,
                "", "training", 0, context);
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
        StringBuilder csv = new StringBuilder(id + "," + dataset.target() + "\n");
        double[] p = predictions.toArray();
        for (int r = 0; r < predictions.rows(); r++) {
            if (!dataset.targetRule().accepts(p[r])) {
                throw new DataException("the prediction for test row " + (r + 1) + " (" + id + " " + features.testIds().get(r)
                        + ") is " + p[r] + "; " + dataset.targetRule().describe() + ", so no submission was written");
            }
            csv.append(features.testIds().get(r)).append(',').append(p[r]).append('\n');
        }
        context.writeText("submission.csv", csv.toString());
        context.writeMetrics();
        double[] epochs = Tabular.epochs(c.train().length);
        context.writePlot("training", new LinePlot(context.name() + ": training", "epoch", label, true)
                .add("train", epochs, c.train()));
        return result.metric("train-" + label, c.lastTrain()).metric("predictions", predictions.rows()).build();
    }
}
