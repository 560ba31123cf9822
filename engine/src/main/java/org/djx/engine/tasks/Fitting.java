package org.djx.engine.tasks;

import java.util.Arrays;
import org.djx.api.Tensor;
import org.djx.engine.fit.Fit;
import org.djx.engine.report.Format;
import org.djx.engine.report.LinePlot;
import org.djx.engine.shift.ShiftDetector;
import org.djx.engine.spec.TrainingSetup;
import org.djx.engine.task.TaskContext;


/** What the shift tasks share: one fit with progress, and the grids and densities their plots draw. */
final class Fitting {
    private Fitting() {
    }

    /**
     * Trains a fresh network of {@code setup}'s model on x, y, reporting its loss as progress of {@code stage}.
     * Fits that share a prefix start from the same parameters and visit the rows in the same order.
     *
     * @param weights one weight per row, or null
     * @param stage   the progress stage, such as {@code repeat 2, weighted}
     */
    static Fit.Fitted fit(TrainingSetup setup, Tensor x, Tensor y, Tensor weights, String prefix, TaskContext context, String stage) {
        int epochs = setup.trainer().epochs();
        return Fit.fit(setup, x, y, weights, context.streams(), prefix, context.kernels(),
                (epoch, value, predictions) -> context.out().progress(stage, epoch, epochs, "loss " + Format.number(value)));
    }

    /** Returns x from {@code from} to {@code to} in {@code n} even steps. */
    static double[] grid(double from, double to, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = from + (to - from) * i / (n - 1);
        }
        return g;
    }

    /** Returns a histogram's bin centres and densities (fraction per unit of x) over [min, max] in {@code bins} bins. */
    static double[][] density(double[] values, double min, double max, int bins) {
        double width = (max - min) / bins;
        double[] centres = new double[bins];
        double[] density = new double[bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = min + (b + 0.5) * width;
        }
        for (double v : values) {
            int b = (int) Math.floor((v - min) / width);
            if (b >= 0 && b <= bins) {
                density[Math.min(b, bins - 1)] += 1.0 / (values.length * width);
            }
        }
        return new double[][] {centres, density};
    }

    /**
     * Writes classifier-scores: the densities of the out-of-fold logits of the training rows and of the
     * test rows, over their common range (nothing when every logit is the same).
     */
    static void writeScorePlot(TaskContext context, String title, ShiftDetector.Detection d) {
        double[] train = d.trainScores();
        double[] test = d.testScores();
        double lo = Math.min(Arrays.stream(train).min().orElseThrow(), Arrays.stream(test).min().orElseThrow());
        double hi = Math.max(Arrays.stream(train).max().orElseThrow(), Arrays.stream(test).max().orElseThrow());
        if (hi > lo) {
            double[][] a = density(train, lo, hi, 30);
            double[][] b = density(test, lo, hi, 30);
            context.writePlot("classifier-scores", new LinePlot(title, "logit h(x) of 'test'", "density", false)
                    .add("training rows", a[0], a[1]).add("test rows", b[0], b[1]));
        }
    }
}
