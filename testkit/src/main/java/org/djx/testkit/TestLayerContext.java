package org.djx.testkit;

import java.util.Objects;
import java.util.SplittableRandom;
import org.djx.api.DType;
import org.djx.api.Parameter;
import org.djx.api.Tensor;
import org.djx.api.spi.Kernels;
import org.djx.api.spi.LayerContext;

/**
 * A {@link LayerContext} for creating a layer in a test, with the {@link ReferenceKernels} and
 * deterministic, seeded initial values.
 *
 * <p>{@link #initialize(Parameter)} does not follow an experiment's initializer: it fills weights with
 * N(0, 1) draws and biases with small non-zero values (magnitude in [0.1, 0.5), random sign), so that
 * gradient checks exercise every parameter, biases included. Each parameter draws from its own stream,
 * derived from the seed, the parameter's name and its role, so the values do not depend on the order in
 * which a layer initializes its parameters, and the same seed always gives the same values.
 *
 * @since 0.1
 */
public final class TestLayerContext implements LayerContext {
    private static final double BIAS_LOW = 0.1;
    private static final double BIAS_HIGH = 0.5;

    private final int inputFeatures;
    private final long seed;
    private final DType dtype;
    private final Kernels kernels = new ReferenceKernels();

    /**
     * Creates a float64 context for a layer that receives {@code inputFeatures} features per example.
     *
     * @throws IllegalArgumentException if {@code inputFeatures} is not positive
     */
    public TestLayerContext(int inputFeatures, long seed) {
        this(inputFeatures, seed, DType.FLOAT64);
    }

    /**
     * Creates a context of the given element type; the same seed gives the same initial values in
     * either type (rounded to float32 there), so a float32 layer can be compared with its float64 twin.
     *
     * @throws IllegalArgumentException if {@code inputFeatures} is not positive
     */
    public TestLayerContext(int inputFeatures, long seed, DType dtype) {
        if (inputFeatures < 1) {
            throw new IllegalArgumentException("input features must be positive, found " + inputFeatures);
        }
        this.inputFeatures = inputFeatures;
        this.seed = seed;
        this.dtype = Objects.requireNonNull(dtype, "dtype");
    }

    @Override
    public int inputFeatures() {
        return inputFeatures;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    /** Returns the {@link ReferenceKernels}. */
    @Override
    public Kernels kernels() {
        return kernels;
    }

    /** Returns a stream seeded from the context's seed and {@code name}: the same for the same seed and name. */
    @Override
    public java.util.random.RandomGenerator random(String name) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17L * Objects.requireNonNull(name, "name").hashCode() + 1);
    }

    /** Overwrites the value with seeded N(0, 1) draws for a weight, small non-zero draws for a bias. */
    @Override
    public void initialize(Parameter parameter) {
        Objects.requireNonNull(parameter, "parameter");
        // Mixing the name in keeps each parameter's values independent of initialization order.
        long stream = seed * 0x9E3779B97F4A7C15L + 31L * parameter.name().hashCode() + parameter.role().ordinal();
        SplittableRandom random = new SplittableRandom(stream);
        Tensor value = parameter.value();
        for (int i = 0, n = value.size(); i < n; i++) {
            if (parameter.role() == Parameter.Role.WEIGHT) {
                value.set(i, random.nextGaussian());
            } else {
                double magnitude = random.nextDouble(BIAS_LOW, BIAS_HIGH);
                value.set(i, random.nextBoolean() ? magnitude : -magnitude);
            }
        }
    }
}
