package org.djx.engine.tasks;

import java.util.ArrayList;
import java.util.List;
import org.djx.api.Tensor;
import org.djx.engine.report.ConfusionPlot;
import org.djx.engine.report.Csv;
import org.djx.engine.task.TaskContext;

/**
 * A classification's confusion matrix: how many rows of each true class (a row of the matrix) were predicted as
 * each class (a column). Written as confusion.csv, which the report shows as a table, and drawn as confusion.png/svg.
 */
final class Confusion {
    /** The file the report looks for. */
    static final String FILE = "confusion.csv";

    private Confusion() {
    }

    /**
     * Counts the rows whose prediction is known and writes the matrix.
     *
     * @param truth     each row's true class index
     * @param predicted each row's predicted class index, or -1 for a row no model predicted
     * @param which     says which rows were counted, for the plot's title
     */
    static long[][] write(TaskContext context, List<String> classes, Tensor truth, int[] predicted, String which) {
        int k = classes.size();
        long[][] counts = new long[k][k];
        for (int r = 0; r < predicted.length; r++) {
            if (predicted[r] >= 0) {
                counts[(int) truth.get(r)][predicted[r]]++;
            }
        }
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("true class (rows) / predicted class (columns)");
        header.addAll(classes);
        csv.append(Csv.line(header)).append('\n');
        for (int t = 0; t < k; t++) {
            List<String> row = new ArrayList<>();
            row.add(classes.get(t));
            for (int p = 0; p < k; p++) {
                row.add(Long.toString(counts[t][p]));
            }
            csv.append(Csv.line(row)).append('\n');
        }
        context.writeText(FILE, csv.toString());
        context.writePlot("confusion", new ConfusionPlot(context.name() + ": confusion matrix of the " + which, classes, counts));
        return counts;
    }
}
