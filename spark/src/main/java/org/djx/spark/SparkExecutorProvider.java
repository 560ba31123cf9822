package org.djx.spark;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.djx.api.ConfigurationException;
import org.djx.engine.data.DataCache;
import org.djx.engine.sweep.RemoteTrialExecutor;
import org.djx.engine.sweep.TrialExecutorProvider;

/**
 * {@code djx run --executor spark}: a sweep's runs as Spark tasks, one task per run, as Hyperopt's SparkTrials runs
 * its trials. Found by the launcher through {@link java.util.ServiceLoader} when this jar and Spark's are on the class
 * path, which is how {@code ./djx} starts it and how {@code spark-submit} runs it.
 */
public final class SparkExecutorProvider implements TrialExecutorProvider {
    /** How long a cluster has for its first executors to register before the sweep gives up on it. */
    private static final long EXECUTOR_WAIT_SECONDS = 90;
    /** How long the number of executors must stay the same before the sweep takes it as the cluster's size. */
    private static final long SETTLED_MILLIS = 2_000;

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public RemoteTrialExecutor start(String master, DataCache cache, List<Path> pluginFolders) {
        // Reads spark.* system properties, which is where spark-submit puts its --master and --conf settings.
        SparkConf conf = new SparkConf().setAppName("djx sweep");
        if (master != null) {
            conf.setMaster(master);
        }
        if (!conf.contains("spark.master")) {
            throw new ConfigurationException("--executor spark needs a cluster: give --master, such as --master 'local[2]' or"
                    + " --master spark://HOST:7077, or run through spark-submit --master");
        }
        String url = conf.get("spark.master");
        boolean local = url.startsWith("local");
        if (local) {
            // On one machine, nothing needs to listen beyond it: the driver and its UI stay on the loopback address.
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1").setIfMissing("spark.driver.host", "127.0.0.1");
        } else if (!conf.contains("spark.jars")) {
            // Executors on other JVMs need djx's classes; spark-submit --jars sets this itself.
            conf.setJars(applicationJars().toArray(String[]::new));
        }
        JavaSparkContext context;
        try {
            context = new JavaSparkContext(conf);
        } catch (Exception e) {
            // A malformed master URL arrives as SparkException, which Java counts as checked and Spark throws unchecked.
            throw new ConfigurationException("Spark could not start with --master " + url + ": "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        if (!local && !conf.getBoolean("spark.dynamicAllocation.enabled", false)) {
            awaitExecutors(context, url);
        }
        // Runs on this machine share its cache and plugins; a cluster's executors use their own (DJX_DATA, DJX_PLUGIN_PATH).
        TrialTask task = local ? new TrialTask(cache.folder().toString(), cache.origin(),
                pluginFolders.stream().map(Path::toString).toList()) : new TrialTask();
        return new SparkTrialExecutor(context, task);
    }

    /**
     * Waits until executors have registered and their number has settled, so that the sweep runs as many runs at once
     * as the cluster has cores (a context that just started reports a default of 2); gives up on a cluster that
     * sends none, or stops.
     */
    private static void awaitExecutors(JavaSparkContext context, String url) {
        long deadline = System.nanoTime() + EXECUTOR_WAIT_SECONDS * 1_000_000_000L;
        int seen = 0;
        long settledSince = System.nanoTime();
        while (true) {
            if (context.sc().isStopped()) {
                throw new ConfigurationException("Spark gave up on the master " + url + " (see its messages above): is it"
                        + " running, and reachable from here?");
            }
            // The driver is one of the executors the tracker lists.
            int executors = context.sc().statusTracker().getExecutorInfos().length - 1;
            long now = System.nanoTime();
            if (executors != seen) {
                seen = executors;
                settledSince = now;
            }
            if (seen > 0 && now - settledSince > SETTLED_MILLIS * 1_000_000L) {
                return;
            }
            if (now > deadline) {
                if (seen > 0) {
                    return;
                }
                context.stop();
                throw new ConfigurationException("no executor of the master " + url + " registered within "
                        + EXECUTOR_WAIT_SECONDS + " s: does the cluster have free cores and memory for this application?");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                context.stop();
                throw new ConfigurationException("stopped while waiting for the executors of " + url);
            }
        }
    }

    /** Returns the jars on this JVM's class path that executors need and Spark does not bring: djx's own and commons-csv. */
    static List<String> applicationJars() {
        List<String> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = new File(entry).getName();
            if (name.endsWith(".jar") && (name.startsWith("djx-") || name.startsWith("commons-csv-"))) {
                jars.add(new File(entry).getAbsolutePath());
            }
        }
        return jars;
    }
}
