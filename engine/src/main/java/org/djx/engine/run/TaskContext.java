package org.djx.engine.run;

import java.nio.file.Path;
import java.util.Objects;
import org.djx.api.data.DataContext;
import org.djx.api.spi.Kernels;
import org.djx.engine.report.LinePlot;
import org.djx.engine.report.PlotWriter;

/**
 * What every task runs with: the kernels, where to report, and the run folder for its files.
 *
 * @param folder the run folder, or null when nothing is to be written (the files are then skipped)
 * @param data   where dataset sources get their files
 * @param threads how many independent trials (folds) may run at once
 */
record TaskContext(Kernels kernels, RunOutput out, RunFolder folder, DataContext data, int threads) {
    TaskContext {
        Objects.requireNonNull(kernels, "kernels");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(data, "data");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, found " + threads);
        }
    }

    /** Returns this context with kernels of its own, for a trial that runs on another thread. */
    TaskContext withKernels(Kernels own) {
        return new TaskContext(own, out, folder, data, threads);
    }

    /** Writes a text file into the run folder and says so. */
    void writeText(String fileName, String text) {
        if (folder != null) {
            Path p = folder.writeText(fileName, text);
            out.line("wrote " + p);
        }
    }

    /** Writes {@code baseName}.png and {@code baseName}.svg into the run folder and says so. */
    void writePlot(String baseName, LinePlot plot) {
        if (folder != null) {
            folder.write(baseName + ".png", o -> PlotWriter.png(plot, o));
            Path svg = folder.write(baseName + ".svg", o -> PlotWriter.svg(plot, o));
            out.line("wrote " + svg.resolveSibling(baseName + ".png") + " and .svg");
        }
    }
}
