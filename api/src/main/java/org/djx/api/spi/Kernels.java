package org.djx.api.spi;

import org.djx.api.Stability;
import org.djx.api.Tensor;

/**
 * The dense linear-algebra kernels that the engine provides to layers, tuned for the machine.
 *
 * <p>Layers reach them through {@link LayerContext#kernels()}, never by depending on the engine.
 * Matrices are rank-2 tensors; a vector argument may be rank 1 or a single row.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public interface Kernels {
    /**
     * Computes {@code c = alpha * op(a) * op(b) + beta * c}, where {@code op(x)} is {@code x} or its
     * transpose. With {@code beta == 0}, {@code c}'s previous contents are ignored, even NaN.
     *
     * @throws IllegalArgumentException if the shapes do not agree
     */
    void gemm(boolean transposeA, boolean transposeB, double alpha, Tensor a, Tensor b, double beta, Tensor c);

    /** Adds {@code row} to every row of {@code matrix}. */
    void addToRows(Tensor matrix, Tensor row);

    /** Writes the sum of {@code matrix}'s rows (its column sums) into {@code out}. */
    void sumRows(Tensor matrix, Tensor out);
}
