package org.djx.engine.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.djx.api.Tensor;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ForwardSpec;
import org.djx.engine.model.Network;

/** One forward pass, printing the outputs of the named layers (all layers when none is named). */
final class ForwardTask {
    private ForwardTask() {
    }

    static RunResult run(Experiment experiment, ForwardSpec spec, Network network, TaskContext context) {
        Tensor inputs = spec.data().inputs();
        context.out().line(experiment.name() + ": forward pass of " + Format.count(inputs.rows(), "example")
                + " through " + network.depth() + " layers");
        network.forward(inputs.to(network.dtype()));
        Map<String, Tensor> reported = reportedOutputs(network);
        int width = reported.keySet().stream().mapToInt(String::length).max().orElse(0);
        reported.forEach((label, value) -> context.out().result(Format.pad(label, width) + " = " + Format.tensor(value)));
        RunResult.Builder result = RunResult.builder(experiment.name()).outputs(reported);
        // Every reported value is a result of its own, Z1[0] or Y[2][1], so expectations can pin them.
        reported.forEach((label, value) -> {
            double[][] rows = value.toRows();
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    result.metric(rows.length == 1 ? label + "[" + c + "]" : label + "[" + r + "][" + c + "]", rows[r][c]);
                }
            }
        });
        return result.build();
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
