package org.djx.engine.report;

/**
 * The per-epoch figures of a run in the common layout of every run folder's {@code metrics.csv}: one row
 * per fold, epoch, split and metric, every number at full double precision.
 */
public final class MetricsTable {
    /** The file every run folder keeps these figures in. */
    public static final String FILE_NAME = "metrics.csv";

    private final StringBuilder csv = new StringBuilder("fold,epoch,split,metric,value\n");

    /**
     * Adds one curve: {@code values[e]} is the figure after epoch {@code e + 1}.
     *
     * @param fold the fold from 1, or 0 for a fit on every training row
     */
    public MetricsTable add(int fold, String split, String metric, double[] values) {
        for (int e = 0; e < values.length; e++) {
            row(fold, e + 1, split, metric, values[e]);
        }
        return this;
    }

    /** Adds a train curve and, when {@code valid} is not empty, a valid curve, epoch by epoch interleaved. */
    public MetricsTable addTrainAndValid(int fold, String metric, double[] train, double[] valid) {
        for (int e = 0; e < train.length; e++) {
            row(fold, e + 1, "train", metric, train[e]);
            if (valid.length > 0) {
                row(fold, e + 1, "valid", metric, valid[e]);
            }
        }
        return this;
    }

    private void row(int fold, int epoch, String split, String metric, double value) {
        csv.append(fold).append(',').append(epoch).append(',').append(split).append(',').append(metric).append(',')
                .append(value).append('\n');
    }

    /** Returns the CSV text, header first. */
    public String toCsv() {
        return csv.toString();
    }
}
