package org.djx.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep run through {@code ./djx run --executor spark}, as a user runs it: in local mode, and on a standalone cluster
 * whose Master and Worker run in JVMs of their own on the loopback address, started here from the jars Maven laid out
 * ({@code spark/target/spark-home}). Its trials.csv and best.json must be the local executor's, also when the
 * executor JVM is killed in the middle of the sweep (Spark reruns its tasks on a new one). Every JVM started here is
 * stopped here.
 */
class SparkClusterTests {
    private static final Path SPARK_HOME = Launcher.ROOT.resolve("spark/target/spark-home");
    /** The noisy-line sweep: 8 runs of about half a second each on one core. */
    private static final String SWEEP = SweepsAcrossProcessesTests.SWEEP.replace("EPOCHS", "5000");

    /** The driver, too, listens on the loopback address only. */
    private static final Map<String, String> LOOPBACK = Map.of("SPARK_LOCAL_IP", "127.0.0.1");

    @TempDir
    static Path work;
    private static Path sweep;
    private static Path expected;
    private static Process master;
    private static Process worker;
    private static String masterUrl;

    @BeforeAll
    static void startTheClusterAndRunTheSweepLocally() throws Exception {
        sweep = Files.writeString(work.resolve("noisy-line.json"), SWEEP);
        expected = work.resolve("local");
        Launcher.Result local = Launcher.djx("run", sweep.toString(), "--quiet", "--out", expected.toString());
        assertThat(local.exitCode()).as(local.err()).isZero();

        int port = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        master = start("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--webui-port", Integer.toString(freePort())), Map.of());
        await(work.resolve("master.log"), "I have been elected leader");
        worker = start("worker", List.of("org.apache.spark.deploy.worker.Worker", masterUrl, "--host", "127.0.0.1", "--cores",
                "3", "--memory", "2g", "--work-dir", Files.createDirectories(work.resolve("worker")).toString(),
                "--webui-port", Integer.toString(freePort())), Map.of("SPARK_SCALA_VERSION", "2.13"));
        await(work.resolve("worker.log"), "Successfully registered with master");
        // Should this JVM end without its @AfterAll (a surefire fork stopped from outside), the daemons end with it.
        Runtime.getRuntime().addShutdownHook(new Thread(SparkClusterTests::stopTheCluster));
    }

    @AfterAll
    static synchronized void stopTheCluster() {
        for (Process p : new Process[] {worker, master}) {
            if (p != null) {
                // The Worker's executors first: they are its children, and would outlive it.
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts a Spark daemon as SPARK.md describes it: a JVM on Spark's jars, bound to the loopback address. */
    private static Process start(String name, List<String> args, Map<String, String> extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dspark.master.rest.enabled=false", "-cp", SPARK_HOME.resolve("jars") + "/*"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", SPARK_HOME.toString());
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_MASTER_HOST", "127.0.0.1");
        env.put("SPARK_LOCAL_HOSTNAME", "localhost");
        env.putAll(extra);
        return builder.start();
    }

    private static void await(Path log, String line) throws Exception {
        for (int wait = 0; wait < 600; wait++) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(line)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(log + " never said '" + line + "':\n" + (Files.exists(log) ? Files.readString(log) : ""));
    }

    private static void assertSameSweep(Path run) throws Exception {
        assertThat(SweepFolders.tableWithoutSeconds(run.resolve("trials.csv"))).hasSize(5)
                .isEqualTo(SweepFolders.tableWithoutSeconds(expected.resolve("trials.csv")));
        assertThat(Files.readString(run.resolve("best.json"))).isEqualTo(Files.readString(expected.resolve("best.json")));
    }

    @Test
    void inLocalModeTheSweepGivesTheLocalExecutorsTable() throws Exception {
        Path run = work.resolve("local-mode");

        Launcher.Result r = Launcher.djx("run", "--executor", "spark", "--master", "local[2]", sweep.toString(), "--out",
                run.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("--executor spark: 2 runs at once, one per core of the cluster")
                .contains("sweep: 4 trials, best final-loss");
        // Spark says nothing below a warning: djx's lines stay readable.
        assertThat(r.err()).doesNotContain(" INFO ");
        assertSameSweep(run);
    }

    @Test
    void aMasterSparkCannotParseOrASparkHomeWithoutSparkIsAUserErrorAndWritesNothing() throws Exception {
        Path run = work.resolve("bad-master");
        Launcher.Result bad = Launcher.djx(LOOPBACK, "run", "--executor", "spark", "--master", "nowhere", sweep.toString(),
                "--out", run.toString());

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("Spark could not start with --master nowhere: Could not parse Master URL: 'nowhere'");
        assertThat(run).doesNotExist();

        Path empty = Files.createDirectories(work.resolve("not-spark/jars"));
        Launcher.Result noSpark = Launcher.djx(Map.of("SPARK_HOME", empty.getParent().toString()), "run", "--executor", "spark",
                "--master", "local[2]", sweep.toString(), "--out", run.toString());

        assertThat(noSpark.exitCode()).isEqualTo(2);
        assertThat(noSpark.err()).isEqualTo("SPARK_HOME is " + empty.getParent() + ", but " + empty + " holds no Spark 4 for"
                + " Scala 2.13 (spark-core_2.13-4.*.jar); point SPARK_HOME at a Spark 4 installation.\n");
        assertThat(run).doesNotExist();
    }

    @Test
    void onAStandaloneClusterTheSweepGivesTheLocalExecutorsTable() throws Exception {
        Path run = work.resolve("cluster");

        Launcher.Result r = Launcher.djx(LOOPBACK, "run", "--executor", "spark", "--master", masterUrl, sweep.toString(),
                "--out", run.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        // The Worker offers 3 cores; a context that has just started says 2 until its executor registers.
        assertThat(r.out()).contains("--executor spark: 3 runs at once, one per core of the cluster");
        assertSameSweep(run);
    }

    @Test
    void killingTheExecutorMidwayLeavesTheTableAsItWouldHaveBeen() throws Exception {
        Path run = work.resolve("killed-executor");
        Path out = work.resolve("killed-executor.out");
        ProcessBuilder driverBuilder = new ProcessBuilder("bash", Launcher.ROOT.resolve("djx").toString(), "run", "--executor", "spark",
                "--master", masterUrl, sweep.toString(), "--quiet", "--out", run.toString()).directory(Launcher.ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        driverBuilder.environment().putAll(LOOPBACK);
        Process driver = driverBuilder.start();
        try {
            long recorded = 0;
            // A deadline, not a count of polls: the driver, its context and an executor JVM all start first.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (recorded < 2 && driver.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
                recorded = SweepFolders.records(run);
            }
            ProcessHandle executor = executorOf(worker).orElseThrow(() -> new AssertionError("no executor is running"));
            executor.destroyForcibly();
            executor.onExit().get(30, TimeUnit.SECONDS);
            assertThat(recorded).as("runs recorded when the executor was killed").isBetween(2L, 7L);

            assertThat(driver.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(driver.exitValue()).as(Files.readString(out)).isZero();
            assertSameSweep(run);
        } finally {
            driver.destroyForcibly();
        }
    }

    /** Returns the executor JVM the Worker started for the application. */
    private static Optional<ProcessHandle> executorOf(Process worker) {
        return worker.descendants().filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                .findFirst();
    }
}
