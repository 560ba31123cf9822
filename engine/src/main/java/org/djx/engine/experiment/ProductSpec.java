package org.djx.engine.experiment;

/**
 * The {@code product} section: a {@code size x size} matrix of N(0, 1) draws multiplied by
 * {@code factors} more such matrices.
 *
 * @param overflowSearch how many factors to keep multiplying, beyond {@code factors}, while looking
 *                       for the point where float32 and float64 overflow
 */
public record ProductSpec(int size, int factors, int overflowSearch) implements TaskSpec {
    @Override
    public TaskKind kind() {
        return TaskKind.MATRIX_PRODUCT;
    }
}
