package org.djx.engine.run;

import java.util.Arrays;
import java.util.Locale;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.engine.experiment.CovariateShiftSpec;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.metric.Metric;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.report.LinePlot;
import org.djx.engine.shift.ShiftDetector;
import org.djx.engine.shift.ShiftedRegression;
import org.djx.engine.train.StopReason;

/**
 * D2L 4.9's covariate shift, measured and corrected: on each of several generated data sets, detect the
 * shift with the classifier, then fit the model three times from the same initial parameters: unweighted,
 * with the estimated importance weights, and with the true density ratio (clipped alike) as the best the
 * weights could do. The test error of each fit is measured on the shifted test rows.
 */
final class CovariateShiftTask {
    private CovariateShiftTask() {
    }

    /** One data set's figures. */
    private record Repeat(ShiftDetector.Detection detection, double unweighted, double weighted, double oracle) {
        double improvement() {
            return 1 - weighted / unweighted;
        }
    }

    static RunResult run(Experiment experiment, CovariateShiftSpec spec, TaskContext context) {
        RunOutput out = context.out();
        out.line(String.format(Locale.ROOT, "%s: y = sum_j (x_j + x_j^2 / 2) + %s N(0, 1) on %d input%s; %d training rows from N(0, I),"
                + " %d test rows with x_1 ~ N(%s, 1); %s", experiment.name(), Format.number(spec.noise()), spec.inputs(),
                spec.inputs() == 1 ? "" : "s", spec.trainRows(), spec.testRows(), Format.number(spec.shift()),
                Format.count(spec.repeats(), "data set")));
        RandomStreams streams = new RandomStreams(experiment.seed());
        RunResult.Builder result = RunResult.builder(experiment.name());
        Repeat[] repeats = new Repeat[spec.repeats()];
        StringBuilder csv = new StringBuilder("repeat,auc,auc-lower95,auc-upper95,effective-sample-size,clipped-weights,"
                + "unweighted-test-rmse,weighted-test-rmse,oracle-weighted-test-rmse\n");
        ShiftedRegression first = null;
        Fitting.Fitted[] firstFits = null;
        for (int i = 0; i < spec.repeats(); i++) {
            String prefix = "repeat-" + (i + 1) + "/";
            String stage = "data set " + (i + 1) + " of " + spec.repeats();
            ShiftedRegression data = ShiftedRegression.generate(spec.inputs(), spec.trainRows(), spec.testRows(), spec.shift(),
                    spec.noise(), streams, prefix);
            ShiftDetector.Detection d = ShiftDetector.detect(spec.classifier(), data.trainInputs(), data.testInputs(), streams, prefix,
                    context.kernels(), (fold, epoch, epochs) -> out.progress(stage + ", classifier fold " + fold, epoch, epochs, ""));
            if (d.diverged()) {
                out.result("diverged: the classifier's loss became NaN or infinite on " + stage + ". Lower its learning rate.");
                return result.metric("diverged-repeat", i + 1).diverged().build();
            }
            double[] oracleWeights = new double[spec.trainRows()];
            for (int r = 0; r < oracleWeights.length; r++) {
                oracleWeights[r] = Math.min(data.densityRatio(data.trainInputs().get(r * spec.inputs())), spec.classifier().maxWeight());
            }
            Fitting.Fitted[] fits = new Fitting.Fitted[3];
            Tensor[] weights = {null, Tensor.vector(d.weights()), Tensor.vector(oracleWeights)};
            String[] names = {"unweighted", "weighted", "oracle-weighted"};
            double[] rmse = new double[3];
            for (int f = 0; f < 3; f++) {
                // The same prefix for all three: the same initial parameters and order, only the weights differ.
                fits[f] = Fitting.fit(experiment, spec.loss(), spec.optimizer(), spec.training(), data.trainInputs(), data.trainTargets(),
                        weights[f], streams, prefix + "regression/", context.kernels(), out, stage + ", " + names[f] + " fit");
                if (fits[f].training().reason() == StopReason.DIVERGED) {
                    out.result("diverged: the " + names[f] + " fit's loss became " + fits[f].training().loss(fits[f].training().epochs())
                            + " on " + stage + ". Lower the learning rate.");
                    return result.metric("diverged-repeat", i + 1).diverged().build();
                }
                rmse[f] = Metric.RMSE.compute(fits[f].network().forward(data.testInputs().to(fits[f].network().dtype())), data.testTargets());
            }
            Repeat rep = new Repeat(d, rmse[0], rmse[1], rmse[2]);
            repeats[i] = rep;
            if (i == 0) {
                first = data;
                firstFits = fits;
            }
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
        writePlots(experiment, spec, repeats, first, firstFits, context);
        return result.metric("auc", auc).metric("auc-min", aucMin).metric("unweighted-test-rmse", unweighted)
                .metric("weighted-test-rmse", weighted).metric("oracle-weighted-test-rmse", oracle).metric("improvement", improvement)
                .metric("improvement-min", worst).metric("weighted-wins", wins).build();
    }

    private static void writePlots(Experiment experiment, CovariateShiftSpec spec, Repeat[] repeats, ShiftedRegression data,
            Fitting.Fitted[] fits, TaskContext context) {
        double[] index = new double[repeats.length];
        Arrays.setAll(index, i -> i + 1);
        LinePlot errors = new LinePlot(experiment.name() + ": test rmse per data set", "data set", "test rmse", false)
                .addPoints("unweighted", index, Arrays.stream(repeats).mapToDouble(Repeat::unweighted).toArray())
                .addPoints("importance-weighted", index, Arrays.stream(repeats).mapToDouble(Repeat::weighted).toArray())
                .addPoints("true density ratio", index, Arrays.stream(repeats).mapToDouble(Repeat::oracle).toArray());
        context.writePlot("test-rmse", errors);

        ShiftDetector.Detection d = repeats[0].detection;
        Fitting.writeScorePlot(context, String.format(Locale.ROOT, "%s: out-of-fold classifier logits, data set 1 (AUC %.3f)",
                experiment.name(), d.auc().value()), d);

        int columns = spec.inputs();
        double[] x1 = new double[spec.trainRows()];
        for (int r = 0; r < x1.length; r++) {
            x1[r] = data.trainInputs().get(r * columns);
        }
        double[] grid = Fitting.grid(Arrays.stream(x1).min().orElseThrow(), Arrays.stream(x1).max().orElseThrow(), 200);
        double[] truth = new double[grid.length];
        Arrays.setAll(truth, i -> Math.min(data.densityRatio(grid[i]), spec.classifier().maxWeight()));
        context.writePlot("importance-weights", new LinePlot(experiment.name() + ": importance weights of the training rows, data set 1",
                "x_1", "weight", false).addPoints("estimated exp(h(x)) n_train / n_test, clipped", x1, d.weights())
                .add("true p_test(x) / p_train(x), clipped", grid, truth));

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
        context.writePlot("fits", new LinePlot(experiment.name() + ": fits along x_1 (other inputs 0), data set 1", "x_1", "y", false)
                .add("true y", line, target).add("unweighted fit", line, fits[0].predict(along))
                .add("importance-weighted fit", line, fits[1].predict(along))
                .add("fit with true weights", line, fits[2].predict(along)));
    }
}
