package org.djx.engine.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.api.Tensor;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.model.Network;
import org.djx.engine.model.NetworkBuilder;
import org.djx.engine.report.Format;
import org.djx.engine.report.RunResult;
import org.djx.engine.spec.ModelSpec;
import org.djx.engine.task.Bound;
import org.djx.engine.task.Form;
import org.djx.engine.task.Job;
import org.djx.engine.task.ResultNames;
import org.djx.engine.task.Section;
import org.djx.engine.task.Task;
import org.djx.engine.task.TaskContext;
import org.djx.engine.task.TaskInput;

/** One forward pass, printing the outputs of the named layers (all layers when none is named). */
public final class ForwardTask implements Task {
    static final Section DATA = new Section("data", "The examples, written inline.", Form.parameters(List.of(
            ParameterSpec.matrix("inputs", "The examples, one per row.").asRequired())), "{\"inputs\": [[1.0, 0.5]]}");

    /** A forward pass of the model over inline examples. */
    public record Spec(ModelSpec model, Tensor inputs) {
        public Spec {
            inputs = inputs.copy();
        }

        /** Returns a copy of the examples, so the spec stays as read. */
        @Override
        public Tensor inputs() {
            return inputs.copy();
        }
    }

    @Override
    public String name() {
        return "forward";
    }

    @Override
    public String description() {
        return "Runs one forward pass over the given inputs and prints the outputs of the named layers.";
    }

    @Override
    public List<Section> sections() {
        return List.of(Sections.MODEL, DATA);
    }

    @Override
    public Job read(TaskInput in) {
        Bound model = in.section("model");
        Bound data = in.section("data");
        if (model == null || data == null) {
            return null;
        }
        double[][] inputs = data.config().matrix("inputs");
        ModelSpec m = InlineData.fit(in, model.model(), inputs[0].length);
        Network probe = m == null ? null : in.probe(m, m.inputs());
        if (probe == null) {
            return null;
        }
        // The inputs are written in the file, so one pass names every reported value exactly as the run will.
        probe.forward(Tensor.matrix(inputs).to(probe.dtype()));
        return Job.of(new Spec(m, Tensor.matrix(inputs)), ResultNames.of().and(valueNames(reportedOutputs(probe)).keySet()),
                ForwardTask::run);
    }

    private static RunResult run(Spec spec, TaskContext context) {
        Network network = new NetworkBuilder(context.kernels()).build(spec.model(), context.streams());
        Tensor inputs = spec.inputs();
        context.out().line(context.name() + ": forward pass of " + Format.count(inputs.rows(), "example")
                + " through " + network.depth() + " layers");
        network.forward(inputs.to(network.dtype()));
        Map<String, Tensor> reported = reportedOutputs(network);
        int width = reported.keySet().stream().mapToInt(String::length).max().orElse(0);
        reported.forEach((label, value) -> context.out().result(Format.pad(label, width) + " = " + Format.tensor(value)));
        RunResult.Builder result = RunResult.builder(context.name()).outputs(reported);
        valueNames(reported).forEach(result::metric);
        return result.build();
    }

    /** Every reported value is a result of its own, Z1[0] or Y[2][1], so expectations can pin them. */
    private static Map<String, Double> valueNames(Map<String, Tensor> reported) {
        Map<String, Double> values = new LinkedHashMap<>();
        reported.forEach((label, value) -> {
            double[][] rows = value.toRows();
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    values.put(rows.length == 1 ? label + "[" + c + "]" : label + "[" + r + "][" + c + "]", rows[r][c]);
                }
            }
        });
        return values;
    }

    private static Map<String, Tensor> reportedOutputs(Network network) {
        Map<String, Tensor> labelled = new LinkedHashMap<>();
        Map<String, Tensor> all = new LinkedHashMap<>();
        for (int i = 0; i < network.depth(); i++) {
            all.put(network.label(i) != null ? network.label(i) : "layer " + (i + 1), network.output(i));
            if (network.label(i) != null) {
                labelled.put(network.label(i), network.output(i));
            }
        }
        return labelled.isEmpty() ? all : labelled;
    }
}
