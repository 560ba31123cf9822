package org.djx.engine.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.djx.api.DType;
import org.djx.api.Parameter;
import org.djx.api.Tensor;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.model.Network;
import org.djx.engine.model.NetworkBuilder;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.report.Csv;
import org.djx.engine.report.Format;
import org.djx.engine.report.LinePlot;
import org.djx.engine.report.PanelPlot;
import org.djx.engine.report.RunOutput;
import org.djx.engine.report.RunResult;
import org.djx.engine.spec.ComponentSpec;
import org.djx.engine.spec.LayerSpec;
import org.djx.engine.spec.ModelSpec;
import org.djx.engine.task.Bound;
import org.djx.engine.task.Form;
import org.djx.engine.task.Job;
import org.djx.engine.task.ResultNames;
import org.djx.engine.task.Section;
import org.djx.engine.task.Task;
import org.djx.engine.task.TaskContext;
import org.djx.engine.task.TaskInput;

/**
 * D2L 4.8 measured: how the spread of activations and of gradients changes through a deep stack,
 * under each initializer and activation. Every stack sees the same N(0, 1) input batch and the same
 * N(0, 1) output gradient, so the stacks differ only in their initializer and activation.
 */
public final class DepthTask implements Task {
    static final Section STACK = new Section("stack", "The stacks: depth, width, batch, and every activation and initializer to try.",
            Form.parameters(List.of(
                    ParameterSpec.integer("depth", "Number of linear-activation pairs.").withDefault(30).atLeast(1).atMost(1000),
                    ParameterSpec.integer("width", "Features of every layer.").withDefault(256).atLeast(1).atMost(8192),
                    ParameterSpec.integer("batch", "Examples in the measured batch.").withDefault(256).atLeast(2).atMost(65536)),
                    new Section("activations", "The activation layers to try.", new Form.PluginNames(PluginKind.LAYER),
                            "[\"tanh\", \"relu\"]"),
                    new Section("initializers", "The initializers to try.", new Form.Plugins(PluginKind.INITIALIZER),
                            "[{\"type\": \"xavier-normal\"}]")),
            "{\"activations\": [\"tanh\"], \"initializers\": [{\"type\": \"xavier-normal\"}]}");

    /**
     * Deep stacks of {@code linear(width) -> activation} layers, one per pair of activation and initializer,
     * each fed one batch of N(0, 1) inputs.
     *
     * @param depth    the number of linear-activation pairs
     * @param width    the features of every layer
     * @param batch    the examples in the measured batch
     * @param variants one network per activation and initializer
     */
    public record Spec(int depth, int width, int batch, List<Variant> variants) {
    }

    /**
     * One stack.
     *
     * @param activation  the activation layer's name
     * @param initializer the initializer as the file wrote it, such as {@code normal(std=1.0)}
     * @param model       the network
     */
    public record Variant(String activation, String initializer, ModelSpec model) {
    }

    @Override
    public String name() {
        return "depth-statistics";
    }

    @Override
    public String description() {
        return "Measures activation and gradient spread through deep stacks under several initializers.";
    }

    @Override
    public List<Section> sections() {
        return List.of(STACK);
    }

    @Override
    public Job read(TaskInput in) {
        Bound stack = in.section("stack");
        if (stack == null) {
            return null;
        }
        int depth = stack.config().integer("depth");
        int width = stack.config().integer("width");
        // The stack is written out as if the file listed every layer, so its layers are checked the same way.
        ComponentSpec linear = in.builtIn(PluginKind.LAYER, "linear", Map.of("outputs", width, "bias", false), "$.stack",
                "a stack is made of linear layers");
        // Results and legends are named after each initializer's label, so two alike would collide.
        List<String> labels = new ArrayList<>();
        List<ComponentSpec> initializers = stack.get("initializers").components();
        for (int i = 0; i < initializers.size(); i++) {
            String label = initializers.get(i).label();
            if (labels.contains(label)) {
                in.problem("$.stack.initializers[" + i + "]", "this initializer is labelled '" + label + "', as initializer "
                        + labels.indexOf(label) + " is, and their results would share names; list each setting once");
            }
            labels.add(label);
        }
        List<Variant> variants = new ArrayList<>();
        for (String activation : stack.get("activations").names()) {
            ComponentSpec act = in.builtIn(PluginKind.LAYER, activation, Map.of(), "$.stack.activations", "the stack is activated");
            for (ComponentSpec init : stack.get("initializers").components()) {
                if (linear == null || act == null) {
                    continue;
                }
                List<LayerSpec> layers = new ArrayList<>();
                for (int d = 0; d < depth; d++) {
                    layers.add(new LayerSpec(null, linear, null));
                    layers.add(new LayerSpec(null, act, null));
                }
                variants.add(new Variant(activation, init.label(), new ModelSpec(width, DType.FLOAT64, init, layers)));
            }
        }
        if (in.problems() > 0) {
            return null;
        }
        Spec spec = new Spec(depth, width, stack.config().integer("batch"), variants);
        List<String> names = new ArrayList<>();
        for (Variant v : variants) {
            for (String measure : List.of("activation-std-first", "activation-std-last", "gradient-std-first", "gradient-std-last",
                    "gradient-ratio")) {
                names.add(v.activation() + "/" + v.initializer() + "/" + measure);
            }
        }
        return Job.of(spec, ResultNames.of().and(names), DepthTask::run);
    }

    /** Plotted in place of a spread that underflowed to zero, which a log axis cannot show. */
    private static final double PLOT_FLOOR = 1e-300;

    private static RunResult run(Spec spec, TaskContext context) {
        RunOutput out = context.out();
        RandomStreams streams = context.streams();
        Tensor input = gaussian(streams.stream("data"), spec.batch(), spec.width());
        Tensor outputGradient = gaussian(streams.stream("gradient"), spec.batch(), spec.width());
        out.line(context.name() + ": " + spec.depth() + " x (linear " + spec.width() + " -> activation), batch of "
                + spec.batch() + " N(0, 1) inputs; standard deviation of each activation layer's output and of each weight gradient");
        double[] layer = new double[spec.depth()];
        for (int d = 0; d < layer.length; d++) {
            layer[d] = d + 1;
        }
        List<String> header = new ArrayList<>(List.of("layer"));
        List<double[]> columns = new ArrayList<>(List.of(layer));
        // One panel per activation, one line per initializer in each: a legend of every pairing would not fit.
        Map<String, LinePlot> activations = new LinkedHashMap<>();
        Map<String, LinePlot> gradients = new LinkedHashMap<>();
        RunResult.Builder result = RunResult.builder(context.name());
        int measured = 0;
        for (Variant v : spec.variants()) {
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
            activations.computeIfAbsent(v.activation(), a -> new LinePlot(a, "layer", "std of the activation output", true))
                    .add(v.initializer(), layer, floored(actStd));
            gradients.computeIfAbsent(v.activation(), a -> new LinePlot(a, "layer", "std of dLoss/dW", true))
                    .add(v.initializer(), layer, floored(gradStd));
            result.metric(key + "/activation-std-first", actStd[0])
                    .metric(key + "/activation-std-last", actStd[spec.depth() - 1])
                    .metric(key + "/gradient-std-first", gradStd[0])
                    .metric(key + "/gradient-std-last", gradStd[spec.depth() - 1])
                    .metric(key + "/gradient-ratio", ratio);
        }
        context.writeText("depth.csv", Csv.table(header, columns));
        context.writePlot("activations", panels(context.name() + ": spread of activations", activations));
        context.writePlot("gradients", panels(context.name() + ": spread of weight gradients", gradients));
        return result.build();
    }

    private static PanelPlot panels(String title, Map<String, LinePlot> byActivation) {
        PanelPlot plot = new PanelPlot(title);
        byActivation.values().forEach(plot::add);
        return plot;
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
