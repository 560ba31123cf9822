package org.djx.engine.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.json.InvalidDocumentException;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.json.Problem;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.plugin.PluginRegistry;
import org.junit.jupiter.api.Test;

/** What a file can get wrong about checkpoints, found when it is read (and so by djx validate), with its place. */
class CheckpointSectionTests {
    private final PluginRegistry plugins = plugins();

    private static PluginRegistry plugins() {
        List<PluginDescriptor> all = new ArrayList<>(PluginLoader.load(List.of()).all());
        // An optimizer that keeps no exportable state: Optimizer.exportState's default refuses.
        all.add(PluginDescriptor.of(PluginKind.OPTIMIZER, new ScheduleSectionTests.RecordingOptimizerFactory("recording", true)));
        all.add(PluginDescriptor.of(PluginKind.DATASET, new ScheduleSectionTests.LineDatasetSource()));
        return PluginRegistry.of(all, List.of());
    }

    private Experiment read(String json) {
        return new ExperimentReader(plugins, BuiltInTasks.registry())
                .read(JsonDocument.parse("c.json", json.getBytes(StandardCharsets.UTF_8)), Path.of("c.json"));
    }

    private List<Problem> problems(String json) {
        InvalidDocumentException e = (InvalidDocumentException) org.assertj.core.api.Assertions.catchThrowable(() -> read(json));
        assertThat(e).as("the file should have been refused").isNotNull();
        return e.problems();
    }

    private static String kfold(String optimizer, String training, String extra) {
        return """
                {"task": "k-fold",
                 "dataset": {"type": "line"},
                 "preprocessing": {"steps": [{"type": "standardize"}]},
                 "model": {"layers": [{"type": "linear", "outputs": 1}]},
                 "loss": {"type": "mse"},
                 "optimizer": OPTIMIZER,
                 "training": {"epochs": 4, "metric": "rmse"TRAINING},
                 "validation": {"folds": 2}EXTRA}
                """.replace("OPTIMIZER", optimizer).replace("TRAINING", training).replace("EXTRA", extra);
    }

    @Test
    void aTabularTaskTakesCheckpointEvery() {
        assertThat(read(kfold("{\"type\": \"adam\"}", ", \"checkpoint-every\": 2", "")).task().name()).isEqualTo("k-fold");
        assertThat(read(kfold("{\"type\": \"sgd\", \"lr\": 0.1, \"momentum\": 0.9}", ", \"checkpoint-every\": 1", ""))
                .task().name()).isEqualTo("k-fold");
    }

    @Test
    void anOptimizerThatCannotExportItsStateIsRefusedWhereCheckpointsAreAskedFor() {
        List<Problem> p = problems(kfold("{\"type\": \"recording\"}", ", \"checkpoint-every\": 2", ""));

        assertThat(p).hasSize(1);
        assertThat(p.get(0).path()).isEqualTo("$.training.checkpoint-every");
        assertThat(p.get(0).message()).startsWith("a checkpoint saves the optimizer's state, and the optimizer 'recording'"
                + " cannot export it (").endsWith("); leave checkpoint-every out, or use an optimizer that can, such as sgd or adam");
        // Without checkpoints the same optimizer is welcome.
        assertThat(read(kfold("{\"type\": \"recording\"}", "", "")).task().name()).isEqualTo("k-fold");
    }

    @Test
    void checkpointsComeEveryOneOrMoreEpochs() {
        List<Problem> p = problems(kfold("{\"type\": \"adam\"}", ", \"checkpoint-every\": 0", ""));

        assertThat(p).hasSize(1);
        assertThat(p.get(0).path()).isEqualTo("$.training.checkpoint-every");
        assertThat(p.get(0).message()).contains(">= 1");
    }

    @Test
    void aSweepKeepsNoCheckpointsWhetherItsBaseOrAParameterAsksForThem() {
        String sweep = ", \"sweep\": {\"objective\": {\"result\": \"avg-valid-rmse\"}, \"parameters\": PARAMETERS}";
        List<Problem> base = problems(kfold("{\"type\": \"adam\"}", ", \"checkpoint-every\": 2",
                sweep.replace("PARAMETERS", "{\"optimizer.lr\": {\"values\": [0.01, 0.1]}}")));
        List<Problem> swept = problems(kfold("{\"type\": \"adam\"}", "",
                sweep.replace("PARAMETERS", "{\"training.checkpoint-every\": {\"values\": [1, 2]}}")));

        String why = "a sweep resumes by its runs (djx run --resume RUN_FOLDER does not run again those it recorded), and its"
                + " runs keep no checkpoints; leave checkpoint-every out of a sweep's file";
        assertThat(base).extracting(Problem::path).containsExactly("$.training.checkpoint-every");
        assertThat(base.get(0).message()).isEqualTo(why);
        assertThat(swept).extracting(Problem::path).containsExactly("$.sweep.parameters['training.checkpoint-every']");
        assertThat(swept.get(0).message()).isEqualTo(why);
    }

    @Test
    void aTaskThatDoesNotCheckpointDoesNotKnowTheKey() {
        String train = """
                {"task": "train",
                 "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                 "data": {"inputs": [[1], [2]], "targets": [[2], [3]]},
                 "loss": {"type": "mse"}, "optimizer": {"type": "sgd", "lr": 0.1},
                 "training": {"epochs": 3, "checkpoint-every": 1}}
                """;

        assertThatThrownBy(() -> read(train)).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("$.training.checkpoint-every").hasMessageContaining("unknown key 'checkpoint-every'");
    }
}
