package org.djx.engine.tasks;

import org.djx.engine.task.TaskRegistry;

/** The tasks djx ships. A new task is one class and one line here. */
public final class BuiltInTasks {
    private BuiltInTasks() {
    }

    /** Returns a registry of every built-in task. */
    public static TaskRegistry registry() {
        return new TaskRegistry(java.util.List.of(
                new ForwardTask(),
                new TrainTask(),
                new CurveTask(),
                new ProductTask(),
                new DepthTask(),
                new KFoldTask(),
                new SubmissionTask(),
                new CovariateShiftTask(),
                new AdversarialValidationTask(),
                new ConceptShiftTask()));
    }
}
