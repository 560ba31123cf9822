package org.djx.api.spi;

import java.util.Arrays;
import java.util.Objects;
import org.djx.api.DType;
import org.djx.api.Stability;
import org.djx.api.Tensor;

/**
 * A reusable output or gradient buffer of a layer: a matrix with a fixed number of columns that grows
 * to the largest batch it is asked for and hands out views of the rows each batch needs, so that once
 * it has grown a training step allocates nothing.
 *
 * <p>Training cycles through a few row counts (the batch, the epoch's shorter last batch, the whole
 * training set and the validation set of the epoch's metrics); the buffer keeps a view for each of the
 * last {@value #KEPT_VIEWS} of them. The contents of a view are whatever its last user wrote: a layer
 * overwrites all of it. A view is valid until the buffer grows, that is, until the next call for more
 * rows than ever before. Create one with {@link LayerContext#buffer(int)}, in the network's element
 * type. Like a layer, it is used by one thread at a time.
 *
 * @since 0.2
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class BatchBuffer {
    /** How many row counts keep a view. */
    public static final int KEPT_VIEWS = 4;

    private final DType dtype;
    private final int columns;
    /** Sized for the largest batch seen. */
    private Tensor storage;
    private final Tensor[] views = new Tensor[KEPT_VIEWS];
    private int nextView;

    private BatchBuffer(DType dtype, int columns) {
        this.dtype = dtype;
        this.columns = columns;
    }

    /**
     * Returns an empty buffer of {@code columns} columns of {@code dtype}; it allocates on its first use.
     *
     * @throws IllegalArgumentException if {@code columns} is not positive
     */
    public static BatchBuffer of(DType dtype, int columns) {
        Objects.requireNonNull(dtype, "dtype");
        if (columns <= 0) {
            throw new IllegalArgumentException("a batch buffer needs at least one column, found " + columns);
        }
        return new BatchBuffer(dtype, columns);
    }

    /** Returns the element type of the buffer's views. */
    public DType dtype() {
        return dtype;
    }

    /** Returns the number of columns of every view. */
    public int columns() {
        return columns;
    }

    /**
     * Returns a {@code rows x columns} matrix backed by the buffer; its contents are whatever the last
     * user left. Allocates only when {@code rows} exceeds every earlier request, or when a row count
     * is new among the last {@value #KEPT_VIEWS} (a view, not a copy of the data).
     *
     * @throws IllegalArgumentException if {@code rows} is negative
     */
    public Tensor rows(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("a batch cannot have a negative number of rows, found " + rows);
        }
        if (storage == null || storage.rows() < rows) {
            storage = Tensor.zeros(dtype, rows, columns);
            // Views of the old storage would alias memory the layer no longer writes.
            Arrays.fill(views, null);
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
