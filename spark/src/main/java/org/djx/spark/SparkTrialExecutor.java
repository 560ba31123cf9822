package org.djx.spark;

import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.djx.engine.sweep.ExecutorStoppedException;
import org.djx.engine.sweep.RemoteTrialExecutor;
import org.djx.engine.sweep.TrialCodec;
import org.djx.engine.sweep.TrialOutcome;
import org.djx.engine.sweep.TrialRequest;

/**
 * Runs each of a sweep's runs as a Spark job of one task: the request goes to an executor as text, runs there as it
 * runs in one JVM, and its outcome comes back as text, so the numbers are the same bit for bit. The sweep submits as
 * many runs at once as it has threads; Spark spreads them over its executors, and reruns the task of an executor that
 * is lost or a task that throws, up to its own limit (spark.task.maxFailures, or F in local[N,F]). A run that fails
 * in djx (a missing file, a bad configuration) is an outcome, not a task failure: Spark does not retry it.
 */
final class SparkTrialExecutor implements RemoteTrialExecutor {
    private final JavaSparkContext context;
    private final Function<String, String> task;

    /**
     * @param task what an executor does with a request's text: {@link TrialTask}, or a test's wrapper around it
     */
    SparkTrialExecutor(JavaSparkContext context, Function<String, String> task) {
        this.context = context;
        this.task = task;
    }

    @Override
    public TrialOutcome run(TrialRequest request) {
        if (context.sc().isStopped()) {
            throw new ExecutorStoppedException("Spark was stopped before the sweep ended; djx run --resume continues it");
        }
        long start = System.nanoTime();
        // Per thread: each of the sweep's threads submits its own job, and the Spark UI names the run it is.
        context.setJobDescription("djx " + request.recordName());
        try {
            List<String> outcome = context.parallelize(List.of(TrialCodec.write(request)), 1).map(task).collect();
            return TrialCodec.readOutcome(outcome.get(0));
        } catch (Exception e) {
            if (context.sc().isStopped()) {
                // Ctrl-C stops the context through Spark's own shutdown hook: every run in flight fails at once, and
                // none of them is a run's failure.
                throw new ExecutorStoppedException("Spark was stopped before the sweep ended; djx run --resume continues it");
            }
            // SparkException is checked in Java's eyes, yet collect() declares nothing: caught as any Exception.
            // Spark gave up on the task: a failed run, which the sweep records and a resumed sweep runs again.
            return new TrialOutcome(TrialOutcome.Status.FAILED, Map.of(), "Spark could not run it: " + reason(e),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static String reason(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        // Spark's messages carry the executor's whole stack trace after the first line; the first line says what failed.
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    @Override
    public int parallelism() {
        return context.defaultParallelism();
    }

    @Override
    public void close() {
        context.stop();
    }
}
