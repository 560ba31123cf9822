package org.djx.plugins.nn;

import org.djx.api.Shape;
import org.djx.api.Tensor;

/**
 * A reusable matrix buffer: grows to the largest batch seen and hands out views of the current batch
 * size, so that steady-state training allocates nothing.
 */
final class Buffer {
    private final int columns;
    private double[] array = new double[0];
    private Tensor view;

    Buffer(int columns) {
        this.columns = columns;
    }

    /** Returns a {@code rows x columns} view; its contents are whatever the last user left. */
    Tensor rows(int rows) {
        if (view != null && view.rows() == rows) {
            return view;
        }
        if (array.length < rows * columns) {
            array = new double[rows * columns];
        }
        view = Tensor.wrap(Shape.of(rows, columns), array);
        return view;
    }
}
