package org.djx.engine.model;

import java.util.Locale;
import org.djx.api.DType;
import org.djx.api.Shape;

/**
 * Counts the memory of a network's parameters as its layers ask for them, and refuses one that cannot fit
 * the heap before it is allocated: with the size, the layer that asked, and how to give the JVM more.
 *
 * <p>The probe network that {@code validate} builds asks for the same parameters (for a tabular model, with
 * one input feature standing in for the data's), so a model too large for the heap is found before anything
 * runs, as an error rather than a raw {@link OutOfMemoryError}.
 */
final class ParameterMemory {
    private static final double MIB = 1L << 20;
    private static final double GIB = 1L << 30;

    private final DType dtype;
    private long reserved;

    ParameterMemory(DType dtype) {
        this.dtype = dtype;
    }

    /**
     * Adds a parameter's value and gradient to the network's parameters.
     *
     * @param layer names the layer that asks, such as {@code layer 'linear' at $.model.layers[0]}
     * @throws ModelTooLargeException if they cannot fit the heap beside what it already holds
     */
    void reserve(String layer, String name, Shape shape) {
        // In doubles: a shape a layer got wrong may hold more values than a long counts.
        double elements = 1;
        StringBuilder dims = new StringBuilder();
        for (int axis = 0; axis < shape.rank(); axis++) {
            elements *= shape.dim(axis);
            dims.append(axis == 0 ? "" : " x ").append(shape.dim(axis));
        }
        double bytes = 2 * elements * dtype.bytes();
        double total = reserved + bytes;
        boolean tooManyValues = elements > Integer.MAX_VALUE;
        // What is in use holds the layers before this one already, and perhaps garbage: collect it before refusing.
        long max = Runtime.getRuntime().maxMemory();
        long inUse = inUse(false);
        if (!tooManyValues && bytes > max - inUse) {
            inUse = inUse(true);
        }
        if (tooManyValues || bytes > max - inUse) {
            throw new ModelTooLargeException(layer + " asks for a parameter '" + name + "' of " + dims + " " + dtype
                    + " values: with its gradient " + size(bytes) + (reserved == 0 ? "" : ", " + size(total)
                    + " with the layers before it") + "; the heap holds at most " + size(max) + " (" + size(inUse)
                    + " of it in use)" + (tooManyValues ? ", and one tensor holds at most 2^31-1 values" : "")
                    + ". Make the model smaller" + (tooManyValues ? ": no heap holds a tensor this large"
                    : (dtype == DType.FLOAT64 ? " or use \"dtype\": \"float32\"" : "")
                    + ", or give the JVM more memory, such as DJX_JAVA_OPTS=-Xmx" + suggestedHeap(inUse + bytes)
                    + " (training needs more again, for the optimizer's state and the batches)"));
        }
        reserved = (long) total;
    }

    private static long inUse(boolean collectFirst) {
        Runtime runtime = Runtime.getRuntime();
        if (collectFirst) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String size(double bytes) {
        return bytes >= 10 * GIB ? String.format(Locale.ROOT, "%.1f GiB", bytes / GIB)
                : String.format(Locale.ROOT, "%.0f MiB", Math.ceil(bytes / MIB));
    }

    /** Returns a heap setting twice the need, in whole gibibytes, such as {@code 16g}. */
    private static String suggestedHeap(double bytes) {
        return String.format(Locale.ROOT, "%.0fg", Math.max(1, Math.ceil(2 * bytes / GIB)));
    }
}
