package org.djx.engine.tasks;

import java.util.List;
import org.djx.api.ConfigurationException;
import org.djx.api.Parameter;
import org.djx.api.PluginException;
import org.djx.api.Shape;
import org.djx.api.spi.Optimizer;
import org.djx.engine.fit.Fit;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.spec.TrainingSetup;
import org.djx.engine.task.Bound;
import org.djx.engine.task.Form;
import org.djx.engine.task.Section;
import org.djx.engine.task.TaskInput;

/** The optional {@code schedule} section of the tasks that train with the file's optimizer, and its checks. */
final class Schedules {
    private Schedules() {
    }

    static final Section SECTION = new Section("schedule", "The learning-rate schedule plugin, which sets the optimizer's"
            + " rate before each epoch; without it the optimizer keeps its configured rate.",
            new Form.Plugin(PluginKind.SCHEDULE), "{\"type\": \"cosine\"}").optional();

    /**
     * Returns {@code setup} with the file's schedule, or as it is when the file has none; null after
     * reporting why the schedule cannot drive this optimizer over this run. The schedule is asked for every
     * epoch's rate now, with the optimizer's configured rate, so an optimizer without a rate, a
     * configuration the schedule refuses and a rate that is not finite and >= 0 are all reported before
     * anything runs, at {@code $.schedule}.
     */
    static TrainingSetup with(TaskInput in, TrainingSetup setup) {
        if (!in.has(SECTION.name())) {
            return setup;
        }
        Bound section = in.section(SECTION.name());
        if (section == null) {
            return null;
        }
        TrainingSetup scheduled = new TrainingSetup(setup.model(), setup.loss(), setup.optimizer(), section.component(),
                setup.trainer());
        Optimizer optimizer;
        try {
            optimizer = setup.optimizer().createOptimizer(List.of(new Parameter("weight", Parameter.Role.WEIGHT, Shape.of(1, 1), 1, 1)));
        } catch (ConfigurationException | PluginException e) {
            // The reader creates every optimizer once more and reports this at the optimizer's own path.
            return null;
        }
        return in.check(section.path(), () -> Fit.learningRates(scheduled, optimizer)) ? scheduled : null;
    }
}
