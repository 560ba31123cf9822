package org.djx.engine.tasks;

import java.util.List;
import org.djx.engine.task.Task;
import org.djx.engine.task.TaskRegistry;

/** The tasks djx ships. A new task is one class and one line here. */
public final class BuiltInTasks {
    private BuiltInTasks() {
    }

    /** Returns a registry of every built-in task. */
    public static TaskRegistry registry() {
        return new TaskRegistry(tasks());
    }

    /** Returns every built-in task, in the order {@code djx describe} and the schema list them. */
    public static List<Task> tasks() {
        return List.of(
                new ForwardTask(),
                new TrainTask(),
                new CurveTask(),
                new ProductTask(),
                new DepthTask(),
                new KFoldTask(),
                new SubmissionTask(),
                new CovariateShiftTask(),
                new AdversarialValidationTask(),
                new ConceptShiftTask());
    }
}
