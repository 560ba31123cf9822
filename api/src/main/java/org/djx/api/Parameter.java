package org.djx.api;

import java.util.Objects;

/**
 * A trainable tensor of a layer together with its gradient.
 *
 * <p>A layer's backward pass writes the gradient of the loss with respect to {@link #value()} into
 * {@link #gradient()}; an optimizer reads both and updates the value in place. The fan-in and fan-out
 * tell initializers how the tensor is wired (Xavier and He scale by them).
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public final class Parameter {
    /** What a parameter does in its layer; initializers apply to weights, biases start at zero. */
    public enum Role { WEIGHT, BIAS }

    private final String name;
    private final Role role;
    private final Tensor value;
    private final Tensor gradient;
    private final int fanIn;
    private final int fanOut;

    /**
     * Creates a float64 parameter with a zero value and gradient of the given shape.
     *
     * @param name short name within its layer, such as {@code weight}
     */
    public Parameter(String name, Role role, Shape shape, int fanIn, int fanOut) {
        this(name, role, DType.FLOAT64, shape, fanIn, fanOut);
    }

    /**
     * Creates a parameter with a zero value and gradient of the given element type and shape; a layer
     * passes its context's {@link org.djx.api.spi.LayerContext#dtype()}.
     *
     * @param name short name within its layer, such as {@code weight}
     */
    public Parameter(String name, Role role, DType dtype, Shape shape, int fanIn, int fanOut) {
        this.name = Objects.requireNonNull(name, "name");
        this.role = Objects.requireNonNull(role, "role");
        this.value = Tensor.zeros(Objects.requireNonNull(dtype, "dtype"), shape.toArray());
        this.gradient = Tensor.zeros(dtype, shape.toArray());
        if (fanIn < 1 || fanOut < 1) {
            throw new IllegalArgumentException("fan-in and fan-out must be positive: " + fanIn + ", " + fanOut);
        }
        this.fanIn = fanIn;
        this.fanOut = fanOut;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    /** Returns the live value, updated in place by optimizers. */
    public Tensor value() {
        return value;
    }

    /** Returns the live gradient, overwritten by each backward pass. */
    public Tensor gradient() {
        return gradient;
    }

    /** Returns the number of inputs that feed each output. */
    public int fanIn() {
        return fanIn;
    }

    /** Returns the number of outputs each input feeds. */
    public int fanOut() {
        return fanOut;
    }

    @Override
    public String toString() {
        return name + " " + value.shape();
    }
}
