package org.djx.engine.run;

import java.util.List;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.engine.experiment.CurveSpec;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.model.Network;
import org.djx.engine.report.Csv;
import org.djx.engine.report.LinePlot;

/**
 * A one-input network and its derivative over a grid of x: the forward pass gives y(x), and the
 * backward pass of a gradient of ones gives dy/dx at every point at once, as
 * {@code y.backward(torch.ones_like(x))} does in D2L.
 */
final class CurveTask {
    private CurveTask() {
    }

    static RunResult run(Experiment experiment, CurveSpec spec, Network network, TaskContext context) {
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
        out.line(experiment.name() + ": " + spec.valueLabel() + " and its " + spec.gradientLabel() + " at "
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
        context.writePlot("curve", new LinePlot(experiment.name(), "x", "value", false)
                .add(spec.valueLabel(), x, values)
                .add(spec.gradientLabel(), x, gradient));
        return RunResult.builder(experiment.name())
                .metric("points", n)
                .metric("max-gradient", gradient[peak])
                .metric("argmax-gradient", x[peak])
                .metric("tail-from", tailFrom)
                .metric("max-tail-gradient", tail)
                .build();
    }
}
