package org.djx.spark;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.djx.api.ConfigurationException;
import org.djx.engine.sweep.RemoteTrialExecutor;
import org.djx.engine.sweep.TrialExecutorProvider;

/**
 * {@code djx run --executor spark}: a sweep's runs as Spark tasks, one task per run, as Hyperopt's SparkTrials runs
 * its trials. Found by the launcher through {@link java.util.ServiceLoader} when this jar and Spark's are on the class
 * path, which is how {@code ./djx} starts it and how {@code spark-submit} runs it.
 */
public final class SparkExecutorProvider implements TrialExecutorProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public RemoteTrialExecutor start(String master) {
        // Reads spark.* system properties, which is where spark-submit puts its --master and --conf settings.
        SparkConf conf = new SparkConf().setAppName("djx sweep");
        if (master != null) {
            conf.setMaster(master);
        }
        if (!conf.contains("spark.master")) {
            throw new ConfigurationException("--executor spark needs a cluster: give --master, such as --master 'local[2]' or"
                    + " --master spark://HOST:7077, or run through spark-submit --master");
        }
        boolean local = conf.get("spark.master").startsWith("local");
        if (local) {
            // On one machine, nothing needs to listen beyond it: the driver and its UI stay on the loopback address.
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1").setIfMissing("spark.driver.host", "127.0.0.1");
        }
        if (!local && !conf.contains("spark.jars")) {
            // Executors on other JVMs need djx's classes; spark-submit --jars sets this itself.
            conf.setJars(applicationJars().toArray(String[]::new));
        }
        JavaSparkContext context;
        try {
            context = new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            throw new ConfigurationException("Spark could not start with master " + conf.get("spark.master") + ": "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        return new SparkTrialExecutor(context, new TrialTask());
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
