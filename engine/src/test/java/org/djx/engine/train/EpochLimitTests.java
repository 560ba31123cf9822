package org.djx.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.djx.engine.report.RunResult;
import org.djx.engine.tasks.Experiments;
import org.junit.jupiter.api.Test;

/** The epoch limit is a limit, not a size: nothing is allocated in proportion to it. */
class EpochLimitTests {
    private static final String LINE = """
            {"task": "TASK",
             "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
             "data": {"inputs": [[1], [2], [3]], "targets": [[2], [4], [6]]},
             "loss": {"type": "mse"}, "optimizer": {"type": "sgd", "lr": 0.05},
             "training": {"epochs": 1000000000, "tolerance": 1e-6}}
            """;

    @Test
    void aBillionEpochsThatStopAtTheToleranceTrainLikeAFewHundred() {
        // 1e9 epochs of float64 losses alone would be 8 GB; the run stops after a few hundred.
        RunResult r = Experiments.run(Experiments.read("line.json", LINE.replace("TASK", "train")));

        assertThat(r.training().reason()).isEqualTo(StopReason.TOLERANCE);
        assertThat(r.training().epochs()).isBetween(100, 1000);
        assertThat(r.training().losses()).hasSize(r.training().epochs());
    }
}
