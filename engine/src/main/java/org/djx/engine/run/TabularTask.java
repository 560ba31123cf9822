package org.djx.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.djx.api.DataException;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.api.data.Dataset;
import org.djx.api.spi.DatasetSource;
import org.djx.api.spi.Loss;
import org.djx.api.spi.Optimizer;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.TabularSpec;
import org.djx.engine.experiment.TaskKind;
import org.djx.engine.model.Network;
import org.djx.engine.model.NetworkBuilder;
import org.djx.engine.plugin.Plugins;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.report.LinePlot;
import org.djx.engine.tabular.Features;
import org.djx.engine.tensor.CpuKernels;
import org.djx.engine.tabular.Preprocessor;
import org.djx.engine.train.KFold;
import org.djx.engine.train.StopReason;
import org.djx.engine.train.Trainer;
import org.djx.engine.train.TrainingResult;

/**
 * D2L 4.10 on any tabular dataset: load, preprocess, then either k-fold cross-validation (fold lines,
 * averages, fold 1's curves) or one fit on every training row that predicts the test rows.
 */
final class TabularTask {
    private TabularTask() {
    }

    /** The metric after each epoch of one fit; valid is empty without validation rows. */
    record Curves(double[] train, double[] valid, TrainingResult training) {
    }

    static RunResult run(Experiment experiment, TabularSpec spec, TaskContext context) {
        RunOutput out = context.out();
        Dataset dataset = Plugins.call(spec.dataset().plugin(),
                () -> ((DatasetSource) spec.dataset().plugin().plugin()).load(spec.dataset().config(), context.data()));
        Features features = new Preprocessor(spec.preprocessing()).apply(dataset);
        int rows = features.train().rows() + (features.test() == null ? 0 : features.test().rows());
        out.line(experiment.name() + ": " + spec.dataset().type() + " train " + shape(dataset.train().rows(), dataset.train().columns().size())
                + (dataset.test() == null ? "" : ", test " + shape(dataset.test().rows(), dataset.test().columns().size()))
                + "; features after preprocessing " + shape(rows, features.width()));
        context.writeText("preprocessing.txt", String.join("\n", features.statistics()) + "\n"
                + "feature names: " + String.join(", ", features.names()) + "\n");
        RunResult.Builder result = RunResult.builder(experiment.name())
                .metric("train-rows", dataset.train().rows())
                .metric("features", features.width());
        return spec.kind() == TaskKind.K_FOLD
                ? kFold(experiment, spec, features, context, result)
                : submission(experiment, spec, features, context, result);
    }

    private static RunResult kFold(Experiment experiment, TabularSpec spec, Features features, TaskContext context,
            RunResult.Builder result) {
        RunOutput out = context.out();
        String metric = spec.metric().label().replace('-', ' ');
        int k = spec.folds();
        double trainSum = 0;
        double validSum = 0;
        StringBuilder metrics = new StringBuilder("fold,epoch,split,metric,value\n");
        Curves first = null;
        // Folds are independent: each draws from its own named streams and computes with kernels of its
        // own, so running them at once changes no bit of the result. Lines still come in fold order.
        List<Future<Curves>> folds = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(k, context.threads()), runnable -> {
            Thread t = new Thread(runnable, "djx-fold");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < k; i++) {
                int fold = i;
                folds.add(pool.submit(() -> {
                    KFold.Split split = KFold.split(features.train().rows(), k, fold);
                    return fit(experiment, spec, rows(features.train(), split.train()), rows(features.targets(), split.train()),
                            rows(features.train(), split.valid()), rows(features.targets(), split.valid()),
                            "fold-" + (fold + 1) + "/", context.withKernels(new CpuKernels()));
                }));
            }
            for (int i = 0; i < k; i++) {
                Curves c = outcome(folds.get(i));
                if (c.training().reason() == StopReason.DIVERGED) {
                    return diverged(experiment, "fold " + (i + 1), c, context, result);
                }
                double train = c.train()[c.train().length - 1];
                double valid = c.valid()[c.valid().length - 1];
                out.line(String.format(Locale.ROOT, "fold %d, train %s %f, valid %s %f", i + 1, metric, train, metric, valid));
                trainSum += train;
                validSum += valid;
                appendMetrics(metrics, i + 1, spec.metric().label(), c);
                result.metric("fold-" + (i + 1) + "/train-" + spec.metric().label(), train)
                        .metric("fold-" + (i + 1) + "/valid-" + spec.metric().label(), valid);
                if (i == 0) {
                    first = c;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        out.result(String.format(Locale.ROOT, "%d-fold validation: avg train %s: %f, avg valid %s: %f",
                k, metric, trainSum / k, metric, validSum / k));
        context.writeText("metrics.csv", metrics.toString());
        double[] epochs = epochs(first.train().length);
        context.writePlot("fold-1", new LinePlot(experiment.name() + ": fold 1", "epoch", spec.metric().label(), true)
                .add("train", epochs, first.train()).add("valid", epochs, first.valid()));
        return result.metric("avg-train-" + spec.metric().label(), trainSum / k)
                .metric("avg-valid-" + spec.metric().label(), validSum / k).build();
    }

    private static RunResult submission(Experiment experiment, TabularSpec spec, Features features, TaskContext context,
            RunResult.Builder result) {
        RunOutput out = context.out();
        if (features.test() == null) {
            throw new DataException("dataset '" + spec.dataset().type() + "' has no test rows to predict");
        }
        NetworkAndCurves fitted = fitNetwork(experiment, spec, features.train(), features.targets(), null, null, null, "", context);
        Curves c = fitted.curves();
        if (c.training().reason() == StopReason.DIVERGED) {
            return diverged(experiment, "training", c, context, result);
        }
        double train = c.train()[c.train().length - 1];
        out.result(String.format(Locale.ROOT, "train %s %f", spec.metric().label().replace('-', ' '), train));
        Tensor predictions = fitted.network().forward(features.test().to(fitted.network().dtype()));
        StringBuilder csv = new StringBuilder("Id,SalePrice\n");
        double[] p = predictions.toArray();
        for (int r = 0; r < predictions.rows(); r++) {
            if (!(Double.isFinite(p[r]) && p[r] > 0)) {
                throw new DataException("the prediction for test row " + (r + 1) + " (Id " + features.testIds().get(r) + ") is "
                        + p[r] + "; a price must be finite and positive, so no submission was written");
            }
            csv.append(features.testIds().get(r)).append(',').append(p[r]).append('\n');
        }
        context.writeText("submission.csv", csv.toString());
        StringBuilder metrics = new StringBuilder("fold,epoch,split,metric,value\n");
        appendMetrics(metrics, 0, spec.metric().label(), c);
        context.writeText("metrics.csv", metrics.toString());
        double[] epochs = epochs(c.train().length);
        context.writePlot("training", new LinePlot(experiment.name() + ": training", "epoch", spec.metric().label(), true)
                .add("train", epochs, c.train()));
        return result.metric("train-" + spec.metric().label(), train).metric("predictions", predictions.rows()).build();
    }

    record NetworkAndCurves(Network network, Curves curves) {
    }

    /** Waits for a fold and passes on whatever stopped it, as if it had run on this thread. */
    private static Curves outcome(Future<Curves> fold) {
        try {
            return fold.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a fold failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a fold", e);
        }
    }

    private static Curves fit(Experiment experiment, TabularSpec spec, Tensor x, Tensor y, Tensor xValid, Tensor yValid,
            String streamPrefix, TaskContext context) {
        return fitNetwork(experiment, spec, x, y, null, xValid, yValid, streamPrefix, context).curves();
    }

    /**
     * Trains a fresh network on x, y; reports the metric on them and, if given, the validation rows.
     *
     * @param weights one weight per row of x for the loss, or null
     */
    static NetworkAndCurves fitNetwork(Experiment experiment, TabularSpec spec, Tensor x, Tensor y, Tensor weights, Tensor xValid,
            Tensor yValid, String streamPrefix, TaskContext context) {
        String stage = streamPrefix.isEmpty() ? "training" : streamPrefix.replace("/", "").replace("-", " ")
                + (spec.folds() > 0 ? " of " + spec.folds() : "");
        RandomStreams streams = new RandomStreams(experiment.seed());
        Network network = new NetworkBuilder(context.kernels()).build(experiment.model(), x.columns(), streams, streamPrefix);
        if (network.outputs() != 1) {
            throw new org.djx.api.ConfigurationException(experiment.file() + ": the network's last layer has "
                    + network.outputs() + " outputs; regression on '" + spec.dataset().type() + "' needs 1");
        }
        Loss loss = spec.loss().createLoss();
        Optimizer optimizer = spec.optimizer().createOptimizer(network.parameters());
        int epochs = spec.training().epochs();
        Tensor validInputs = xValid == null ? null : xValid.to(network.dtype());
        Tensor trainInputs = x.to(network.dtype());
        double[] train = new double[epochs];
        double[] valid = new double[xValid == null ? 0 : epochs];
        TrainingResult training = new Trainer(spec.training()).train(network, loss, optimizer, trainInputs, y, weights,
                streams.stream(streamPrefix + "shuffle"), (epoch, value, predictions) -> {
                    // The trainer hands over its full pass, if it made one.
                    train[epoch - 1] = spec.metric().compute(predictions != null ? predictions : network.forward(trainInputs), y);
                    if (xValid != null) {
                        valid[epoch - 1] = spec.metric().compute(network.forward(validInputs), yValid);
                    }
                    context.out().progress(stage, epoch, epochs, String.format(Locale.ROOT, "%s %s %.4f",
                            xValid == null ? "train" : "valid", spec.metric().label(), xValid == null ? train[epoch - 1] : valid[epoch - 1]));
                });
        int done = training.epochs();
        return new NetworkAndCurves(network, new Curves(java.util.Arrays.copyOf(train, done),
                java.util.Arrays.copyOf(valid, xValid == null ? 0 : done), training));
    }

    private static RunResult diverged(Experiment experiment, String where, Curves c, TaskContext context, RunResult.Builder result) {
        TrainingResult t = c.training();
        context.out().result("diverged in " + where + ": the loss became " + t.loss(t.epochs()) + " in epoch " + t.epochs()
                + "; last finite loss " + Format.number(t.lastFiniteLoss()) + ". Lower the learning rate.");
        return result.metric("diverged-epoch", t.epochs()).diverged().build();
    }

    private static void appendMetrics(StringBuilder csv, int fold, String metric, Curves c) {
        for (int e = 0; e < c.train().length; e++) {
            csv.append(fold).append(',').append(e + 1).append(",train,").append(metric).append(',').append(c.train()[e]).append('\n');
            if (c.valid().length > 0) {
                csv.append(fold).append(',').append(e + 1).append(",valid,").append(metric).append(',').append(c.valid()[e]).append('\n');
            }
        }
    }

    private static double[] epochs(int n) {
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = i + 1;
        }
        return e;
    }

    static Tensor rows(Tensor source, int[] indices) {
        int columns = source.columns();
        double[] data = new double[indices.length * columns];
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(source.data(), indices[r] * columns, data, r * columns, columns);
        }
        return Tensor.wrap(Shape.of(indices.length, columns), data);
    }

    private static String shape(int rows, int columns) {
        return rows + " x " + columns;
    }
}
