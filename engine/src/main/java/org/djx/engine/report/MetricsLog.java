package org.djx.engine.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.api.ConfigurationException;
import org.djx.engine.io.IoReasons;

/**
 * The per-epoch figures of a run, written to its {@code metrics.csv} as they are computed: one row per
 * fold, epoch, split and metric, every number at full double precision.
 *
 * <p>Each row is appended to the file the moment it is recorded, so a run that is interrupted, diverges
 * or fails keeps every number it computed. Folds trained at once append in whatever order they finish
 * epochs; {@link #finish} then rewrites the file atomically with the rows fold by fold, each fold's rows
 * in the order they were recorded, so a completed run's file is the same whatever the thread count.
 */
public final class MetricsLog {
    /** The file every run folder keeps these figures in. */
    public static final String FILE_NAME = "metrics.csv";
    static final String HEADER = "fold,epoch,split,metric,value\n";

    private record Row(int fold, int epoch, String split, String metric, double value) {
        String text() {
            return fold + "," + epoch + "," + split + "," + metric + "," + value + "\n";
        }

        String curve() {
            return fold == 0 ? split : "fold " + fold + " " + split;
        }
    }

    private final RunFolder folder;
    private final List<Row> rows = new ArrayList<>();
    private FileChannel file;
    private boolean finished;

    private MetricsLog(RunFolder folder) {
        this.folder = folder;
    }

    /** Returns a log that appends to {@code folder}'s metrics.csv from its first row on. */
    public static MetricsLog in(RunFolder folder) {
        return new MetricsLog(folder);
    }

    /** Returns a log that keeps its rows in memory only, for a run without a folder. */
    public static MetricsLog inMemory() {
        return new MetricsLog(null);
    }

    /**
     * Records the figure after {@code epoch} (from 1) and appends it to the file.
     *
     * @param fold the fold from 1, or 0 for a fit on every training row
     * @throws ConfigurationException if the file cannot be written, with the operating system's reason
     */
    public synchronized void record(int fold, int epoch, String split, String metric, double value) {
        if (finished) {
            throw new IllegalStateException("metrics recorded after the log was finished");
        }
        Row row = new Row(fold, epoch, split, metric, value);
        rows.add(row);
        if (folder != null) {
            append(row.text());
        }
    }

    /**
     * Closes the log and, when it holds rows, rewrites the file fold by fold. Later calls do nothing.
     *
     * @return the file, or null when there is no folder or no row
     */
    public synchronized Path finish() {
        if (finished) {
            return null;
        }
        finished = true;
        close();
        if (folder == null || rows.isEmpty()) {
            return null;
        }
        return folder.writeText(FILE_NAME, text());
    }

    /** Returns the CSV text, header first, fold by fold. */
    private String text() {
        StringBuilder csv = new StringBuilder(HEADER);
        rows.stream().sorted(Comparator.comparingInt(Row::fold)).forEach(r -> csv.append(r.text()));
        return csv.toString();
    }

    /**
     * Returns a plot per metric of every curve recorded so far (one line per fold and split), for a run that
     * stopped before its task drew its own.
     */
    public synchronized List<LinePlot> plots(String title) {
        Map<String, Map<String, List<Row>>> byMetric = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparingInt(Row::fold)).forEach(r -> byMetric
                .computeIfAbsent(r.metric(), m -> new LinkedHashMap<>()).computeIfAbsent(r.curve(), c -> new ArrayList<>()).add(r));
        List<LinePlot> plots = new ArrayList<>();
        byMetric.forEach((metric, curves) -> {
            // A curve without one finite point (a fit that diverged at once) would draw an empty frame.
            curves.values().removeIf(points -> points.stream().noneMatch(r -> Double.isFinite(r.value())));
            if (curves.isEmpty()) {
                return;
            }
            // A log axis where every drawn point is positive; non-finite points are gaps either way.
            boolean positive = curves.values().stream().flatMap(List::stream).filter(r -> Double.isFinite(r.value()))
                    .allMatch(r -> r.value() > 0);
            LinePlot plot = new LinePlot(title, "epoch", metric, positive);
            curves.forEach((curve, points) -> plot.add(curve, points.stream().mapToDouble(Row::epoch).toArray(),
                    points.stream().mapToDouble(Row::value).toArray()));
            plots.add(plot);
        });
        return plots;
    }

    /** Stops appending and leaves the file as it is, for a run that stopped before its end. */
    public synchronized void abandon() {
        finished = true;
        close();
    }

    private void append(String text) {
        Path path = folder.path().resolve(FILE_NAME);
        try {
            if (file == null) {
                file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
                write(HEADER);
            }
            write(text);
        } catch (IOException e) {
            throw new ConfigurationException("cannot write " + path + ": " + IoReasons.of(e, path));
        }
    }

    private void write(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            file.write(bytes);
        }
    }

    private void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // every row was written when it was recorded; the close has nothing left to lose
            }
            file = null;
        }
    }
}
