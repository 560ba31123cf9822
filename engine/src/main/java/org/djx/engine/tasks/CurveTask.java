package org.djx.engine.tasks;

import java.util.List;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.model.Network;
import org.djx.engine.model.NetworkBuilder;
import org.djx.engine.report.Csv;
import org.djx.engine.report.Format;
import org.djx.engine.report.LinePlot;
import org.djx.engine.report.RunOutput;
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

/**
 * A one-input network and its derivative over a grid of x: the forward pass gives y(x), and the
 * backward pass of a gradient of ones gives dy/dx at every point at once, as
 * {@code y.backward(torch.ones_like(x))} does in D2L.
 */
public final class CurveTask implements Task {
    private static final int MAX_POINTS = 1_000_000;
    static final Section CURVE = new Section("curve", "The grid of x values and the legends.", Form.parameters(List.of(
            ParameterSpec.number("start", "First x value (inclusive).").asRequired(),
            ParameterSpec.number("stop", "End of the x range (exclusive).").asRequired(),
            ParameterSpec.number("step", "Distance between x values.").asRequired().greaterThan(0),
            ParameterSpec.string("value-label", "Legend of the network's output.").withDefault("value"),
            ParameterSpec.string("gradient-label", "Legend of the gradient.").withDefault("gradient"))),
            "{\"start\": -8, \"stop\": 8, \"step\": 0.1}");

    /**
     * x runs from {@code start} (inclusive) towards {@code stop} (exclusive) in steps of {@code step}, as
     * {@code torch.arange(start, stop, step)} does.
     *
     * @param valueLabel    the legend of the network's output
     * @param gradientLabel the legend of its gradient
     */
    public record Spec(ModelSpec model, double start, double stop, double step, String valueLabel, String gradientLabel) {
        /** Returns the number of x values: ceil((stop - start) / step). */
        int points() {
            return (int) Math.ceil((stop - start) / step);
        }

        /** Returns x value {@code i}, computed as start + i * step so that errors do not accumulate. */
        double x(int i) {
            return start + i * step;
        }
    }

    @Override
    public String name() {
        return "gradient-curve";
    }

    @Override
    public String description() {
        return "Evaluates a one-input network and its gradient over a grid of x values (D2L 4.8's sigmoid plot).";
    }

    @Override
    public List<Section> sections() {
        return List.of(Sections.MODEL, CURVE);
    }

    @Override
    public Job read(TaskInput in) {
        Bound model = in.section("model");
        Bound curve = in.section("curve");
        if (model != null && model.model().inputs() != ModelSpec.FROM_DATA && model.model().inputs() != 1) {
            in.problem("$.model.inputs", "a gradient curve needs a network of one input, found " + model.model().inputs());
            return null;
        }
        if (model == null || curve == null) {
            return null;
        }
        var c = curve.config();
        Spec spec = new Spec(model.model().withInputs(1), c.number("start"), c.number("stop"), c.number("step"),
                c.string("value-label"), c.string("gradient-label"));
        if (!(spec.stop() > spec.start())) {
            in.problem("$.curve.stop", "stop must exceed start, found start " + spec.start() + ", stop " + spec.stop());
            return null;
        }
        if (spec.points() > MAX_POINTS) {
            in.problem("$.curve.step", "the range has " + spec.points() + " points; at most " + MAX_POINTS
                    + " are allowed, so use a larger step");
            return null;
        }
        return in.probe(spec.model(), 1) == null ? null : Job.of(spec,
                ResultNames.of("points", "max-gradient", "argmax-gradient", "tail-from", "max-tail-gradient"), CurveTask::run);
    }

    private static RunResult run(Spec spec, TaskContext context) {
        Network network = new NetworkBuilder(context.kernels()).build(spec.model(), context.streams());
        int n = spec.points();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = spec.x(i);
        }
        Tensor y = network.forward(Tensor.wrap(Shape.of(n, 1), x.clone()).to(network.dtype()));
        double[] values = y.toArray();
        Tensor ones = Tensor.zeros(network.dtype(), n, network.outputs());
        ones.fill(1);
        double[] gradient = network.backward(ones).toArray();

        int peak = 0;
        for (int i = 1; i < n; i++) {
            if (gradient[i] > gradient[peak]) {
                peak = i;
            }
        }
        RunOutput out = context.out();
        out.line(context.name() + ": " + spec.valueLabel() + " and its " + spec.gradientLabel() + " at "
                + n + " points of [" + Format.number(spec.start()) + ", " + Format.number(spec.stop()) + ") step "
                + Format.number(spec.step()));
        out.result("largest " + spec.gradientLabel() + " " + Format.number(gradient[peak]) + " at x = " + Format.number(x[peak]));
        double tail = 0;
        double tailFrom = Math.min(Math.abs(spec.start()), Math.abs(spec.stop())) - 1;
        for (int i = 0; i < n; i++) {
            if (Math.abs(x[i]) >= tailFrom) {
                tail = Math.max(tail, Math.abs(gradient[i]));
            }
        }
        out.result("largest |" + spec.gradientLabel() + "| where |x| >= " + Format.number(tailFrom) + ": " + Format.number(tail));
        context.writeText("curve.csv", Csv.table(List.of("x", spec.valueLabel(), spec.gradientLabel()), List.of(x, values, gradient)));
        context.writePlot("curve", new LinePlot(context.name(), "x", "value", false)
                .add(spec.valueLabel(), x, values)
                .add(spec.gradientLabel(), x, gradient));
        return RunResult.builder(context.name())
                .metric("points", n)
                .metric("max-gradient", gradient[peak])
                .metric("argmax-gradient", x[peak])
                .metric("tail-from", tailFrom)
                .metric("max-tail-gradient", tail)
                .build();
    }
}
