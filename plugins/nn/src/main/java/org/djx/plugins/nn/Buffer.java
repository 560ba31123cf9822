package org.djx.plugins.nn;

import org.djx.api.DType;
import org.djx.api.Tensor;

/**
 * A reusable matrix buffer: grows to the largest batch seen and hands out views of the current batch
 * size, so that steady-state training allocates nothing.
 */
final class Buffer {
    /**
     * Row counts whose views are kept. Training cycles through a few: the batch, the epoch's shorter
     * last batch, the whole training set and the validation set for the epoch's metrics.
     */
    private static final int KEPT_VIEWS = 4;

    private final DType dtype;
    private final int columns;
    /** Sized for the largest batch seen. */
    private Tensor storage;
    private final Tensor[] views = new Tensor[KEPT_VIEWS];
    private int nextView;

    Buffer(DType dtype, int columns) {
        this.dtype = dtype;
        this.columns = columns;
    }

    /** Returns a {@code rows x columns} view; its contents are whatever the last user left. */
    Tensor rows(int rows) {
        if (storage == null || storage.rows() < rows) {
            storage = Tensor.zeros(dtype, rows, columns);
            java.util.Arrays.fill(views, null);
            return storage;
        }
        if (storage.rows() == rows) {
            return storage;
        }
        for (Tensor view : views) {
            if (view != null && view.rows() == rows) {
                return view;
            }
        }
        Tensor view = storage.withRows(rows);
        views[nextView] = view;
        nextView = (nextView + 1) % KEPT_VIEWS;
        return view;
    }
}
