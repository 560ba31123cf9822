package org.djx.engine.train.archfixture;

import org.djx.engine.task.TaskContext;

/** Breaks "the computation sits below the tasks": training code that needs what a task runs with. */
public final class TakesATaskContext {
    public String name(TaskContext context) {
        return context.name();
    }
}
