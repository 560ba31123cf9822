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
        network.forward(inputs);
        Map<String, Tensor> reported = reportedOutputs(network);
        int width = reported.keySet().stream().mapToInt(String::length).max().orElse(0);
        reported.forEach((label, value) -> context.out().line(Format.pad(label, width) + " = " + Format.tensor(value)));
        return RunResult.builder(experiment.name()).outputs(reported).build();
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
