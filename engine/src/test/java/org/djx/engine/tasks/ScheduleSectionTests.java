package org.djx.engine.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.djx.api.Parameter;
import org.djx.api.data.DataContext;
import org.djx.api.data.Dataset;
import org.djx.api.data.NumericColumn;
import org.djx.api.data.Table;
import org.djx.api.spi.Config;
import org.djx.api.spi.DatasetSource;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
import org.djx.api.spi.ParameterSpec;
import org.djx.api.spi.Schedule;
import org.djx.api.spi.ScheduleFactory;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.json.InvalidDocumentException;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.report.RunResult;
import org.junit.jupiter.api.Test;

/**
 * The optional {@code schedule} section: which tasks take it, what validation refuses with the JSON path,
 * and that the trainer sets each epoch's rate before the epoch's steps.
 */
class ScheduleSectionTests {
    /** Gradient descent that records the rate of every step; {@code fixed} has no learning rate at all. */
    public static final class RecordingOptimizerFactory implements OptimizerFactory {
        final List<Double> rates = new ArrayList<>();
        final List<Double> setCalls = new ArrayList<>();
        private final String name;
        private final boolean hasRate;

        RecordingOptimizerFactory(String name, boolean hasRate) {
            this.name = name;
            this.hasRate = hasRate;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "Gradient descent that records its rates.";
        }

        @Override
        public List<ParameterSpec> configuration() {
            return List.of(ParameterSpec.number("lr", "Learning rate.").withDefault(0.1).greaterThan(0));
        }

        @Override
        public Optimizer create(Config config, List<Parameter> parameters) {
            double base = config.number("lr");
            return new Optimizer() {
                private double lr = base;

                @Override
                public void step() {
                    rates.add(lr);
                    for (Parameter p : parameters) {
                        for (int i = 0; i < p.value().size(); i++) {
                            p.value().set(i, p.value().get(i) - lr * p.gradient().get(i));
                        }
                    }
                }

                @Override
                public OptionalDouble baseLearningRate() {
                    return hasRate ? OptionalDouble.of(base) : OptionalDouble.empty();
                }

                @Override
                public void setLearningRate(double learningRate) {
                    setCalls.add(learningRate);
                    lr = learningRate;
                }
            };
        }
    }

    /** Halves the rate every epoch; with {@code nan-last} the last epoch of the run gets NaN. */
    public static final class HalvingScheduleFactory implements ScheduleFactory {
        @Override
        public String name() {
            return "halving";
        }

        @Override
        public String description() {
            return "Halves the rate every epoch.";
        }

        @Override
        public List<ParameterSpec> configuration() {
            return List.of(ParameterSpec.bool("nan-last", "Give the last epoch NaN.").withDefault(false),
                    ParameterSpec.integer("at-least", "The fewest epochs the schedule accepts.").withDefault(1).atLeast(1));
        }

        @Override
        public Schedule create(Config config, int epochs) {
            if (epochs < config.integer("at-least")) {
                throw config.error("at-least", "the run has " + epochs + " epochs, fewer than " + config.integer("at-least"));
            }
            boolean nanLast = config.bool("nan-last");
            return (epoch, base) -> nanLast && epoch == epochs - 1 ? Double.NaN : base / Math.pow(2, epoch);
        }
    }

    /** Rows of y = x + 1, x = 1 ... 12. */
    public static final class LineDatasetSource implements DatasetSource {
        @Override
        public String name() {
            return "line";
        }

        @Override
        public String description() {
            return "Rows of y = x + 1.";
        }

        @Override
        public Dataset load(Config config, DataContext context) {
            double[] x = new double[12];
            double[] y = new double[12];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
                y[i] = i + 2;
            }
            Table rows = new Table(List.of(new NumericColumn("x", x), new NumericColumn("y", y)));
            return Dataset.of(rows, "y").withTest(new Table(List.of(new NumericColumn("x", x))));
        }
    }

    private final RecordingOptimizerFactory recording = new RecordingOptimizerFactory("recording", true);
    private final RecordingOptimizerFactory fixed = new RecordingOptimizerFactory("fixed", false);
    private final PluginRegistry plugins = plugins();

    private PluginRegistry plugins() {
        List<PluginDescriptor> all = new ArrayList<>(PluginLoader.load(List.of()).all());
        all.add(PluginDescriptor.of(PluginKind.OPTIMIZER, recording));
        all.add(PluginDescriptor.of(PluginKind.OPTIMIZER, fixed));
        all.add(PluginDescriptor.of(PluginKind.SCHEDULE, new HalvingScheduleFactory()));
        all.add(PluginDescriptor.of(PluginKind.DATASET, new LineDatasetSource()));
        return PluginRegistry.of(all, List.of());
    }

    private Experiment read(String json) {
        return new ExperimentReader(plugins, BuiltInTasks.registry())
                .read(JsonDocument.parse("s.json", json.getBytes(StandardCharsets.UTF_8)), Path.of("s.json"));
    }

    /** A train file: 4 examples in batches of 2, three epochs; {@code extra} adds sections. */
    private static String train(String optimizer, String extra) {
        return """
                {"task": "train",
                 "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                 "data": {"inputs": [[1], [2], [3], [4]], "targets": [[2], [3], [4], [5]]},
                 "loss": {"type": "mse"},
                 "optimizer": OPTIMIZER,EXTRA
                 "training": {"epochs": 3, "batch-size": 2, "shuffle": false}}
                """.replace("OPTIMIZER", optimizer).replace("EXTRA", extra);
    }

    private static String tabular(String task, String extra) {
        return """
                {"task": "TASK",
                 "dataset": {"type": "line"},
                 "preprocessing": {"steps": []},
                 "model": {"layers": [{"type": "linear", "outputs": 1}]},
                 "loss": {"type": "mse"}, "optimizer": {"type": "sgd", "lr": 0.001},EXTRA
                 "training": {"epochs": 4, "metric": "rmse"}, "validation": {"folds": 2}}
                """.replace("TASK", task).replace("EXTRA", extra);
    }

    private static String problems(Runnable reading) {
        try {
            reading.run();
        } catch (InvalidDocumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void theTrainerSetsEachEpochsRateBeforeTheEpochsSteps() {
        RunResult result = Experiments.run(read(train("{\"type\": \"recording\", \"lr\": 0.4}",
                "\n \"schedule\": {\"type\": \"halving\"},")));

        // Two steps per epoch: epoch 0 at 0.4, epoch 1 at 0.2, epoch 2 at 0.1, each set once, before its steps.
        assertThat(recording.rates).containsExactly(0.4, 0.4, 0.2, 0.2, 0.1, 0.1);
        assertThat(recording.setCalls).containsExactly(0.4, 0.2, 0.1);
        assertThat(result.metrics()).containsKey("final-loss");
    }

    @Test
    void withoutAScheduleTheOptimizersRateIsNeverSet() {
        Experiment e = read(train("{\"type\": \"recording\", \"lr\": 0.4}", ""));
        Experiments.run(e);

        assertThat(((TrainTask.Spec) e.job().spec()).schedule()).isNull();
        assertThat(recording.setCalls).isEmpty();
        assertThat(recording.rates).containsOnly(0.4).hasSize(6);
    }

    @Test
    void theTrainSpecCarriesTheScheduleWithItsDefaultsWrittenIntoTheResolvedFile() {
        Experiment e = read(train("{\"type\": \"sgd\", \"lr\": 0.1}", "\n \"schedule\": {\"type\": \"cosine\"},"));

        assertThat(((TrainTask.Spec) e.job().spec()).schedule().type()).isEqualTo("cosine");
        assertThat(e.resolved()).contains("\"schedule\" : {").contains("\"eta-min\" : 0.0");
    }

    @Test
    void kFoldAndSubmissionTakeAScheduleAndAdversarialValidationDoesNot() {
        String schedule = "\n \"schedule\": {\"type\": \"step\", \"step-size\": 2},";

        KFoldTask.Spec kFold = (KFoldTask.Spec) read(tabular("k-fold", schedule)).job().spec();
        Tabular.Spec submission = ((SubmissionTask.Spec) read(tabular("submission", schedule)
                .replace(", \"validation\": {\"folds\": 2}", "")).job().spec()).tabular();

        assertThat(kFold.setup().schedule().type()).isEqualTo("step");
        assertThat(submission.setup().schedule().type()).isEqualTo("step");
        assertThat(problems(() -> read(tabular("adversarial-validation", schedule))))
                .contains("at $.schedule: the section 'schedule' is not used by task 'adversarial-validation'");
    }

    @Test
    void aTaskWithoutTheFilesOptimizerRefusesASchedule() {
        String forward = """
                {"task": "forward", "model": {"inputs": 1, "layers": [{"type": "linear", "outputs": 1}]},
                 "data": {"inputs": [[1]]}, "schedule": {"type": "cosine"}}
                """;

        assertThat(problems(() -> read(forward)))
                .contains("s.json:2:41: at $.schedule: the section 'schedule' is not used by task 'forward'");
    }

    @Test
    void refusesAScheduleForAnOptimizerWithoutALearningRateAtTheSchedulesPath() {
        assertThat(problems(() -> read(train("{\"type\": \"fixed\"}", "\n \"schedule\": {\"type\": \"cosine\"},"))))
                .contains("s.json:6:14: at $.schedule: the optimizer 'fixed' has no learning rate (its baseLearningRate() is"
                        + " empty), so the schedule 'cosine' has none to set; leave the schedule out or choose an optimizer"
                        + " with a learning rate");
    }

    @Test
    void refusesBadScheduleValuesAndTypesWithTheirPaths() {
        assertThat(problems(() -> read(train("{\"type\": \"sgd\", \"lr\": 0.1}",
                "\n \"schedule\": {\"type\": \"cosine\", \"t-max\": 0, \"eta-min\": -1},"))))
                .contains("2 problems").contains("at $.schedule.t-max:").contains("at $.schedule.eta-min:");
        assertThat(problems(() -> read(train("{\"type\": \"sgd\", \"lr\": 0.1}", "\n \"schedule\": {\"type\": \"cosin\"},"))))
                .contains("at $.schedule.type: unknown schedule 'cosin'; available: cosine, halving, linear-warmup, step"
                        + " (did you mean 'cosine'?)");
        assertThat(problems(() -> read(train("{\"type\": \"sgd\", \"lr\": 0.1}", "\n \"schedule\": {\"type\": \"step\"},"))))
                .contains("at $.schedule: missing required key 'step-size'");
        assertThat(problems(() -> read(train("{\"type\": \"sgd\", \"lr\": 0.1}", "\n \"schedule\": \"cosine\","))))
                .contains("at $.schedule: expected a JSON object, found");
    }

    @Test
    void refusesWhatAScheduleSaysOfItsConfigurationForThisRunAtItsKey() {
        assertThat(problems(() -> read(train("{\"type\": \"sgd\", \"lr\": 0.1}",
                "\n \"schedule\": {\"type\": \"halving\", \"at-least\": 5},"))))
                .contains("at $.schedule.at-least: the run has 3 epochs, fewer than 5");
    }

    @Test
    void refusesAScheduleWhoseRateIsNotFiniteBeforeAnythingRuns() {
        assertThat(problems(() -> read(train("{\"type\": \"sgd\", \"lr\": 0.1}",
                "\n \"schedule\": {\"type\": \"halving\", \"nan-last\": true},"))))
                .contains("at $.schedule: schedule plugin 'halving' from ")
                .contains("gives epoch 3 of 3 the learning rate NaN (the optimizer's rate is 0.1); a learning rate must be"
                        + " finite and >= 0");
    }

    @Test
    void aScheduleProblemIsReportedAlongsideTheFilesOtherProblems() {
        assertThat(problems(() -> read(train("{\"type\": \"fixed\"}", "\n \"schedule\": {\"type\": \"cosine\"},")
                .replace("[[2], [3], [4], [5]]", "[[2], [3], [4]]"))))
                .contains("2 problems").contains("at $.data.targets: there are 3 target rows for 4 examples")
                .contains("at $.schedule: the optimizer 'fixed' has no learning rate");
    }

    @Test
    void aTrainerGivenTooFewRatesIsAProgrammingError() {
        assertThatThrownBy(() -> new org.djx.engine.train.Trainer(
                new org.djx.engine.spec.TrainerOptions(3, 1, false, Double.NaN, org.djx.engine.spec.EpochLoss.FULL_PASS),
                new double[] {0.1, 0.1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("2 learning rates for 3 epochs; give one per epoch");
    }
}
