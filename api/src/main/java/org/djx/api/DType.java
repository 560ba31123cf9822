package org.djx.api;

/**
 * The element type of a {@link Tensor}.
 *
 * <p>{@link #FLOAT32} is for speed: twice the values per vector instruction and half the memory
 * traffic. {@link #FLOAT64}, the default of experiment files, is for work whose figures are compared
 * digit by digit, such as D2L's worked examples and finite-difference gradient checks.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public enum DType {
    FLOAT32("float32", 4),
    FLOAT64("float64", 8);

    private final String label;
    private final int bytes;

    DType(String label, int bytes) {
        this.label = label;
        this.bytes = bytes;
    }

    /**
     * Returns the bytes one element takes: 4 or 8.
     *
     * @since 0.2
     */
    public int bytes() {
        return bytes;
    }

    /** Returns the name experiment files use: {@code float32} or {@code float64}. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
