package org.djx.engine.task;

import org.djx.engine.report.RunResult;

/** An experiment's task, read and checked: it only runs. */
@FunctionalInterface
public interface Job {
    /** Runs the task, reporting through the context and writing its files into the context's run folder. */
    RunResult run(TaskContext context);
}
