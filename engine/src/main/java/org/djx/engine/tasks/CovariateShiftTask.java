package org.djx.engine.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.fit.Fit;
import org.djx.engine.fit.Trials;
import org.djx.engine.metric.Metric;
import org.djx.engine.model.Network;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.report.Format;
import org.djx.engine.report.LinePlot;
import org.djx.engine.report.RunOutput;
import org.djx.engine.report.RunResult;
import org.djx.engine.shift.ShiftDetector;
import org.djx.engine.shift.ShiftedRegression;
import org.djx.engine.spec.ClassifierSpec;
import org.djx.engine.spec.ModelSpec;
import org.djx.engine.spec.TrainingSetup;
import org.djx.engine.task.Bound;
import org.djx.engine.task.Form;
import org.djx.engine.task.Job;
import org.djx.engine.task.ResultNames;
import org.djx.engine.task.Section;
import org.djx.engine.task.Task;
import org.djx.engine.task.TaskContext;
import org.djx.engine.task.TaskInput;
import org.djx.engine.train.StopReason;

/**
 * D2L 4.9's covariate shift, measured and corrected: on each of several generated data sets, detect the
 * shift with the classifier, then fit the model three times from the same initial parameters: unweighted,
 * with the estimated importance weights, and with the true density ratio (clipped alike) as the best the
 * weights could do. The test error of each fit is measured on the shifted test rows.
 */
public final class CovariateShiftTask implements Task {
    static final Section SHIFT = new Section("shift", "The generated regression and its shifted test inputs.", Form.parameters(List.of(
            ParameterSpec.integer("inputs", "Input features per example.").withDefault(1).atLeast(1).atMost(100),
            ParameterSpec.integer("train-rows", "Training rows per data set, drawn from N(0, I).").withDefault(500).atLeast(10)
                    .atMost(1_000_000),
            ParameterSpec.integer("test-rows", "Test rows per data set: x_1 ~ N(shift, 1), the other inputs N(0, 1).")
                    .withDefault(500).atLeast(10).atMost(1_000_000),
            ParameterSpec.number("shift", "The mean of x_1 at test time; 0 means no shift.").withDefault(1.0).atLeast(-10).atMost(10),
            ParameterSpec.number("noise", "Standard deviation of the noise added to y = sum_j (x_j + x_j^2 / 2).")
                    .withDefault(0.1).atLeast(0),
            ParameterSpec.integer("repeats", "How many data sets are drawn, each from its own random streams.")
                    .withDefault(5).atLeast(1).atMost(100))), "{\"shift\": 1.5, \"repeats\": 5}");

    /**
     * A generated regression problem whose test inputs come from a shifted distribution, fitted unweighted
     * and with importance weights from the classifier, on several independently drawn data sets.
     *
     * <p>Training inputs are N(0, I); test inputs the same except x_1 ~ N(shift, 1). The target is
     * {@code y = sum_j (x_j + x_j^2 / 2) + noise * N(0, 1)}, which a linear model fits only locally, so
     * where the inputs lie decides which linear fit is best.
     *
     * @param setup      the regression's model, loss, optimizer and schedule
     * @param classifier the shift detector and the importance weights
     */
    public record Spec(int inputs, int trainRows, int testRows, double shift, double noise, int repeats, TrainingSetup setup,
            ClassifierSpec classifier) {
    }

    /** One data set with its detection and fits; {@code divergence} says why it stopped, or is null. */
    private record Drawn(ShiftedRegression data, ShiftDetector.Detection detection, Fit.Fitted[] fits, double[] rmse,
            String divergence) {
    }

    /** Draws data set {@code i}, detects its shift and fits it unweighted, with the estimated and with the true weights. */
    private static Drawn draw(Spec spec, int i, TaskContext context) {
        RunOutput out = context.out();
        RandomStreams streams = context.streams();
        String prefix = "repeat-" + (i + 1) + "/";
        String stage = "data set " + (i + 1) + " of " + spec.repeats();
        ShiftedRegression data = ShiftedRegression.generate(spec.inputs(), spec.trainRows(), spec.testRows(), spec.shift(),
                spec.noise(), streams, prefix);
        ShiftDetector.Detection d = ShiftDetector.detect(spec.classifier(), data.trainInputs(), data.testInputs(), streams, prefix,
                context.kernels(), (fold, epoch, epochs) -> out.progress(stage + ", classifier fold " + fold, epoch, epochs, ""));
        if (d.diverged()) {
            return new Drawn(data, d, null, null, "diverged: the classifier's loss became NaN or infinite on " + stage
                    + ". Lower its learning rate.");
        }
        double[] oracleWeights = new double[spec.trainRows()];
        for (int r = 0; r < oracleWeights.length; r++) {
            oracleWeights[r] = Math.min(data.densityRatio(data.trainInputs().get(r * spec.inputs())), spec.classifier().maxWeight());
        }
        Fit.Fitted[] fits = new Fit.Fitted[3];
        Tensor[] weights = {null, Tensor.vector(d.weights()), Tensor.vector(oracleWeights)};
        String[] names = {"unweighted", "weighted", "oracle-weighted"};
        double[] rmse = new double[3];
        for (int f = 0; f < 3; f++) {
            // The same prefix for all three: the same initial parameters and order, only the weights differ.
            fits[f] = Fitting.fit(spec.setup(), data.trainInputs(), data.trainTargets(), weights[f], prefix + "regression/", context,
                    stage + ", " + names[f] + " fit");
            if (fits[f].training().reason() == StopReason.DIVERGED) {
                return new Drawn(data, d, fits, rmse, "diverged: the " + names[f] + " fit's loss became "
                        + fits[f].training().loss(fits[f].training().epochs()) + " on " + stage + ". Lower the learning rate.");
            }
            rmse[f] = Metric.RMSE.compute(fits[f].network().forward(data.testInputs().to(fits[f].network().dtype())), data.testTargets());
        }
        return new Drawn(data, d, fits, rmse, null);
    }

    @Override
    public String name() {
        return "covariate-shift";
    }

    @Override
    public String description() {
        return "Detects a generated covariate shift with a classifier and corrects for it with importance weights, comparing"
                + " the test error of unweighted and weighted fits (D2L 4.9).";
    }

    @Override
    public List<Section> sections() {
        return List.of(SHIFT, Sections.CLASSIFIER, Sections.MODEL, Sections.LOSS, Sections.OPTIMIZER, Sections.TRAINING);
    }

    @Override
    public Job read(TaskInput in) {
        Bound shift = in.section("shift");
        ClassifierSpec classifier = Sections.classifier(in);
        TrainingSetup setup = Sections.setup(in, Sections.loss(in));
        if (shift == null) {
            return null;
        }
        var c = shift.config();
        int inputs = c.integer("inputs");
        Bound model = in.section("model");
        if (model != null && model.model().inputs() != ModelSpec.FROM_DATA && model.model().inputs() != inputs) {
            in.problem("$.model.inputs", "the model takes " + model.model().inputs() + " inputs but the shift section generates "
                    + inputs + "; leave model.inputs out or make them agree");
        } else if (model != null) {
            Network network = in.probe(model.model(), inputs);
            if (network != null && network.outputs() != 1) {
                in.problem("$.model.layers", "the network's last layer has " + network.outputs()
                        + " outputs; the regression has one target, so it needs 1");
            }
        }
        if (classifier != null) {
            for (String key : List.of("train-rows", "test-rows")) {
                if (c.integer(key) < classifier.folds()) {
                    in.problem("$.shift." + key, key + " is " + c.integer(key) + ", fewer than the classifier's "
                            + classifier.folds() + " folds; every fold needs rows of both kinds");
                }
            }
        }
        if (classifier == null || setup == null || in.problems() > 0) {
            return null;
        }
        Spec spec = new Spec(inputs, c.integer("train-rows"), c.integer("test-rows"), c.number("shift"), c.number("noise"),
                c.integer("repeats"), setup, classifier);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= spec.repeats(); i++) {
            for (String r : List.of("auc", "auc-lower95", "auc-upper95", "effective-sample-size", "clipped-weights", "unweighted-test-rmse",
                    "weighted-test-rmse", "oracle-weighted-test-rmse", "improvement")) {
                names.add("repeat-" + i + "/" + r);
            }
        }
        return Job.of(spec, ResultNames.of().and(names).and("auc", "auc-min", "unweighted-test-rmse", "weighted-test-rmse",
                "oracle-weighted-test-rmse", "improvement", "improvement-min", "weighted-wins", "diverged-repeat"),
                CovariateShiftTask::run);
    }

    /** One data set's figures. */
    private record Repeat(ShiftDetector.Detection detection, double unweighted, double weighted, double oracle) {
        double improvement() {
            return 1 - weighted / unweighted;
        }
    }

    private static RunResult run(Spec spec, TaskContext context) {
        RunOutput out = context.out();
        out.line(String.format(Locale.ROOT, "%s: y = sum_j (x_j + x_j^2 / 2) + %s N(0, 1) on %d input%s; %d training rows from N(0, I),"
                + " %d test rows with x_1 ~ N(%s, 1); %s", context.name(), Format.number(spec.noise()), spec.inputs(),
                spec.inputs() == 1 ? "" : "s", spec.trainRows(), spec.testRows(), Format.number(spec.shift()),
                Format.count(spec.repeats(), "data set")));
        RandomStreams streams = context.streams();
        RunResult.Builder result = RunResult.builder(context.name());
        Repeat[] repeats = new Repeat[spec.repeats()];
        StringBuilder csv = new StringBuilder("repeat,auc,auc-lower95,auc-upper95,effective-sample-size,clipped-weights,"
                + "unweighted-test-rmse,weighted-test-rmse,oracle-weighted-test-rmse\n");
        // Data sets are independent (each draws from its own named streams), so they run at once; lines come in order.
        List<Drawn> drawn = Trials.run(spec.repeats(), context.threads(), i -> draw(spec, i, context.forThread()));
        ShiftedRegression first = drawn.get(0).data();
        Fit.Fitted[] firstFits = drawn.get(0).fits();
        for (int i = 0; i < spec.repeats(); i++) {
            Drawn dr = drawn.get(i);
            if (dr.divergence() != null) {
                out.result(dr.divergence());
                return result.metric("diverged-repeat", i + 1).diverged(dr.divergence()).build();
            }
            ShiftDetector.Detection d = dr.detection();
            Repeat rep = new Repeat(d, dr.rmse()[0], dr.rmse()[1], dr.rmse()[2]);
            repeats[i] = rep;
            out.line(String.format(Locale.ROOT, "data set %d: classifier AUC %.4f (95%% CI %.4f to %.4f); weights mean %.3f, %d clipped"
                    + " at %s, effective sample size %.1f of %d; test rmse unweighted %.4f, weighted %.4f (%.1f%% lower), true weights %.4f",
                    i + 1, d.auc().value(), d.auc().lower95(), d.auc().upper95(), Arrays.stream(d.weights()).average().orElse(0),
                    d.clipped(), Format.number(spec.classifier().maxWeight()), d.effectiveSampleSize(), spec.trainRows(),
                    rep.unweighted, rep.weighted, 100 * rep.improvement(), rep.oracle));
            String p = "repeat-" + (i + 1) + "/";
            result.metric(p + "auc", d.auc().value()).metric(p + "auc-lower95", d.auc().lower95()).metric(p + "auc-upper95", d.auc().upper95())
                    .metric(p + "effective-sample-size", d.effectiveSampleSize()).metric(p + "clipped-weights", d.clipped())
                    .metric(p + "unweighted-test-rmse", rep.unweighted).metric(p + "weighted-test-rmse", rep.weighted)
                    .metric(p + "oracle-weighted-test-rmse", rep.oracle).metric(p + "improvement", rep.improvement());
            csv.append(i + 1).append(',').append(d.auc().value()).append(',').append(d.auc().lower95()).append(',')
                    .append(d.auc().upper95()).append(',').append(d.effectiveSampleSize()).append(',').append(d.clipped()).append(',')
                    .append(rep.unweighted).append(',').append(rep.weighted).append(',').append(rep.oracle).append('\n');
        }
        double auc = Arrays.stream(repeats).mapToDouble(r -> r.detection.auc().value()).average().orElseThrow();
        double aucMin = Arrays.stream(repeats).mapToDouble(r -> r.detection.auc().value()).min().orElseThrow();
        double unweighted = Arrays.stream(repeats).mapToDouble(Repeat::unweighted).average().orElseThrow();
        double weighted = Arrays.stream(repeats).mapToDouble(Repeat::weighted).average().orElseThrow();
        double oracle = Arrays.stream(repeats).mapToDouble(Repeat::oracle).average().orElseThrow();
        double improvement = 1 - weighted / unweighted;
        double worst = Arrays.stream(repeats).mapToDouble(Repeat::improvement).min().orElseThrow();
        long wins = Arrays.stream(repeats).filter(r -> r.weighted < r.unweighted).count();
        out.result(String.format(Locale.ROOT, "over %s: classifier AUC mean %.4f (lowest %.4f); mean test rmse unweighted %.4f,"
                + " importance-weighted %.4f (%.1f%% lower; lower in %d of %d, by at least %.1f%%), true density ratio %.4f",
                Format.count(spec.repeats(), "data set"), auc, aucMin, unweighted, weighted, 100 * improvement, wins, spec.repeats(),
                100 * worst, oracle));
        context.writeText("repeats.csv", csv.toString());
        writePlots(spec, repeats, first, firstFits, context);
        return result.metric("auc", auc).metric("auc-min", aucMin).metric("unweighted-test-rmse", unweighted)
                .metric("weighted-test-rmse", weighted).metric("oracle-weighted-test-rmse", oracle).metric("improvement", improvement)
                .metric("improvement-min", worst).metric("weighted-wins", wins).build();
    }

    private static void writePlots(Spec spec, Repeat[] repeats, ShiftedRegression data,
            Fit.Fitted[] fits, TaskContext context) {
        double[] index = new double[repeats.length];
        Arrays.setAll(index, i -> i + 1);
        LinePlot errors = new LinePlot(context.name() + ": test rmse per data set", "data set", "test rmse", false)
                .addPoints("unweighted", index, Arrays.stream(repeats).mapToDouble(Repeat::unweighted).toArray())
                .addPoints("importance-weighted", index, Arrays.stream(repeats).mapToDouble(Repeat::weighted).toArray())
                .addPoints("true density ratio", index, Arrays.stream(repeats).mapToDouble(Repeat::oracle).toArray());
        context.writePlot("test-rmse", errors);

        ShiftDetector.Detection d = repeats[0].detection;
        Fitting.writeScorePlot(context, String.format(Locale.ROOT, "%s: out-of-fold classifier logits, data set 1 (AUC %.3f)",
                context.name(), d.auc().value()), d);

        int columns = spec.inputs();
        double[] x1 = new double[spec.trainRows()];
        for (int r = 0; r < x1.length; r++) {
            x1[r] = data.trainInputs().get(r * columns);
        }
        double[] grid = Fitting.grid(Arrays.stream(x1).min().orElseThrow(), Arrays.stream(x1).max().orElseThrow(), 200);
        double[] truth = new double[grid.length];
        Arrays.setAll(truth, i -> Math.min(data.densityRatio(grid[i]), spec.classifier().maxWeight()));
        context.writePlot("importance-weights", new LinePlot(context.name() + ": importance weights of the training rows, data set 1",
                "x_1", "weight", false).addPoints("estimated exp(h(x)) n_train / n_test, clipped", x1, d.weights())
                .addReference("true p_test(x) / p_train(x), clipped", grid, truth));

        double[] line = Fitting.grid(-3, 3 + Math.ceil(Math.max(0, spec.shift())), 20 * (6 + (int) Math.ceil(Math.max(0, spec.shift()))) + 1);
        double[] rows = new double[line.length * columns];
        double[] target = new double[line.length];
        for (int i = 0; i < line.length; i++) {
            rows[i * columns] = line[i];
            double[] row = new double[columns];
            row[0] = line[i];
            target[i] = ShiftedRegression.target(row);
        }
        Tensor along = Tensor.wrap(Shape.of(line.length, columns), rows);
        // The fit with true weights is what the estimated weights aim at and lies almost on the importance-weighted
        // fit: dashed, it lets that one show through.
        context.writePlot("fits", new LinePlot(context.name() + ": fits along x_1 (other inputs 0), data set 1", "x_1", "y", false)
                .addReference("true y", line, target).add("unweighted fit", line, fits[0].predict(along))
                .add("importance-weighted fit", line, fits[1].predict(along))
                .addReference("fit with true weights", line, fits[2].predict(along)));
    }
}
