package org.djx.engine.task;

import java.util.function.Consumer;
import org.djx.api.data.Dataset;
import java.util.Objects;
import java.util.function.BiFunction;
import org.djx.engine.report.RunResult;

/** An experiment's task, read and checked: its plain spec, and how it runs. */
public final class Job {
    private final Object spec;
    private final ResultNames results;
    private final BiFunction<Object, TaskContext, RunResult> run;
    private final Consumer<Dataset> dataCheck;

    private Job(Object spec, ResultNames results, BiFunction<Object, TaskContext, RunResult> run, Consumer<Dataset> dataCheck) {
        this.spec = spec;
        this.results = results;
        this.run = run;
        this.dataCheck = dataCheck;
    }

    /**
     * Returns this job with a check of its dataset, for what only the data can tell (a classification's classes
     * against the network's outputs); {@code djx validate} runs it on the dataset as loaded, and so does the task.
     */
    public Job withDataCheck(Consumer<Dataset> check) {
        return new Job(spec, results, run, Objects.requireNonNull(check, "check"));
    }

    /**
     * Checks the dataset against what the job was configured to do.
     *
     * @throws org.djx.api.DjxException what does not fit, as the run would report it
     */
    public void checkData(Dataset dataset) {
        dataCheck.accept(dataset);
    }

    /** Returns a job that runs {@code spec} with {@code run} and produces results of these names. */
    public static <S> Job of(S spec, ResultNames results, BiFunction<S, TaskContext, RunResult> run) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(run, "run");
        @SuppressWarnings("unchecked")
        BiFunction<Object, TaskContext, RunResult> erased = (s, c) -> run.apply((S) s, c);
        return new Job(spec, results, erased, dataset -> { });
    }

    /** Returns the names of the results the run produces, which expectations may name. */
    public ResultNames results() {
        return results;
    }

    /** Returns the task's spec: plain values, every default filled in, as the task read them from the file. */
    public Object spec() {
        return spec;
    }

    /** Runs the task, reporting through the context and writing its files into the context's run folder. */
    public RunResult run(TaskContext context) {
        return run.apply(spec, context);
    }
}
