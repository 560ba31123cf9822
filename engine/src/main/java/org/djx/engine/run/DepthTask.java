package org.djx.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.djx.api.Parameter;
import org.djx.api.Tensor;
import org.djx.engine.experiment.DepthSpec;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.model.Network;
import org.djx.engine.model.NetworkBuilder;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.report.Csv;
import org.djx.engine.report.LinePlot;

/**
 * D2L 4.8 measured: how the spread of activations and of gradients changes through a deep stack,
 * under each initializer and activation. Every stack sees the same N(0, 1) input batch and the same
 * N(0, 1) output gradient, so the stacks differ only in their initializer and activation.
 */
final class DepthTask {
    /** Plotted in place of a spread that underflowed to zero, which a log axis cannot show. */
    private static final double PLOT_FLOOR = 1e-300;

    private DepthTask() {
    }

    static RunResult run(Experiment experiment, DepthSpec spec, TaskContext context) {
        RunOutput out = context.out();
        RandomStreams streams = new RandomStreams(experiment.seed());
        Tensor input = gaussian(streams.stream("data"), spec.batch(), spec.width());
        Tensor outputGradient = gaussian(streams.stream("gradient"), spec.batch(), spec.width());
        out.line(experiment.name() + ": " + spec.depth() + " x (linear " + spec.width() + " -> activation), batch of "
                + spec.batch() + " N(0, 1) inputs; standard deviation of each activation layer's output and of each weight gradient");
        double[] layer = new double[spec.depth()];
        for (int d = 0; d < layer.length; d++) {
            layer[d] = d + 1;
        }
        List<String> header = new ArrayList<>(List.of("layer"));
        List<double[]> columns = new ArrayList<>(List.of(layer));
        LinePlot activations = new LinePlot(experiment.name() + ": spread of activations", "layer",
                "std of the activation output", true);
        LinePlot gradients = new LinePlot(experiment.name() + ": spread of weight gradients", "layer",
                "std of dLoss/dW", true);
        RunResult.Builder result = RunResult.builder(experiment.name());
        int measured = 0;
        for (DepthSpec.Variant v : spec.variants()) {
            out.progress("stacks", measured++, spec.variants().size(), v.activation() + ", " + v.initializer());
            Network network = new NetworkBuilder(context.kernels()).build(v.model(), streams);
            network.forward(input);
            network.backward(outputGradient);
            double[] actStd = new double[spec.depth()];
            double[] gradStd = new double[spec.depth()];
            for (int d = 0; d < spec.depth(); d++) {
                actStd[d] = std(network.output(2 * d + 1));
                List<Parameter> params = network.parameters(2 * d);
                gradStd[d] = std(params.get(0).gradient());
            }
            String key = v.activation() + "/" + v.initializer();
            double ratio = gradStd[spec.depth() - 1] / gradStd[0];
            out.result(String.format(Locale.ROOT, "%-28s activation std %s -> %s, gradient std %s -> %s (last/first %s)",
                    v.activation() + ", " + v.initializer() + ":", Format.number(actStd[0]), Format.number(actStd[spec.depth() - 1]),
                    Format.number(gradStd[0]), Format.number(gradStd[spec.depth() - 1]), Format.number(ratio)));
            header.add(columnName(key, "activation_std"));
            columns.add(actStd);
            header.add(columnName(key, "gradient_std"));
            columns.add(gradStd);
            activations.add(v.activation() + ", " + v.initializer(), layer, floored(actStd));
            gradients.add(v.activation() + ", " + v.initializer(), layer, floored(gradStd));
            result.metric(key + "/activation-std-first", actStd[0])
                    .metric(key + "/activation-std-last", actStd[spec.depth() - 1])
                    .metric(key + "/gradient-std-first", gradStd[0])
                    .metric(key + "/gradient-std-last", gradStd[spec.depth() - 1])
                    .metric(key + "/gradient-ratio", ratio);
        }
        context.writeText("depth.csv", Csv.table(header, columns));
        context.writePlot("activations", activations);
        context.writePlot("gradients", gradients);
        return result.build();
    }

    private static String columnName(String key, String measure) {
        return key.replaceAll("[^A-Za-z0-9.=-]+", "_") + "_" + measure;
    }

    private static double[] floored(double[] values) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (!(out[i] > PLOT_FLOOR)) {
                out[i] = PLOT_FLOOR;
            }
        }
        return out;
    }

    private static Tensor gaussian(RandomGenerator random, int rows, int columns) {
        Tensor t = Tensor.zeros(rows, columns);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, random.nextGaussian());
        }
        return t;
    }

    /** Population standard deviation of all elements. */
    private static double std(Tensor t) {
        double[] d = t.toArray();
        int n = t.size();
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += d[i];
        }
        mean /= n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += (d[i] - mean) * (d[i] - mean);
        }
        return Math.sqrt(ss / n);
    }
}
