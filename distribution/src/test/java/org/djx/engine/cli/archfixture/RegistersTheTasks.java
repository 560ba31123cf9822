package org.djx.engine.cli.archfixture;

import org.djx.engine.task.TaskRegistry;
import org.djx.engine.tasks.BuiltInTasks;

/** Keeps the layering: the launcher wires the built-in tasks into the registry everything else uses. */
public final class RegistersTheTasks {
    public TaskRegistry tasks = BuiltInTasks.registry();
}
