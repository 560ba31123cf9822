package org.djx.engine.task;

import java.util.List;

/**
 * What an experiment file's {@code task} names, such as {@code k-fold}: the sections it requires, how
 * it reads them and how it runs. One class per task, registered in one {@link TaskRegistry}; the reader,
 * the schema, {@code djx describe} and the runner learn every task from there.
 */
public interface Task {
    /** Returns the name experiment files use, kebab-case, such as {@code k-fold}. */
    String name();

    /** Returns one sentence saying what the task does. */
    String description();

    /** Returns the top-level sections the task requires, in the order a file usually lists them. */
    List<Section> sections();

    /**
     * Reads the bound sections into a job, reporting every problem the sections have together
     * (values that are valid one by one but not together, a network that does not fit its data).
     *
     * @return the job, or null when a problem was reported
     */
    Job read(TaskInput input);
}
