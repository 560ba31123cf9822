package org.djx.engine.spec;

import java.util.List;
import java.util.Objects;
import org.djx.api.DType;

/**
 * The {@code model} section: a stack of layers fed by {@code inputs} features per example.
 *
 * @param inputs  the number of input features, or {@link #FROM_DATA} when the data decides
 * @param dtype   the element type the network computes in
 * @param init    the initializer for every layer's weights unless a layer names its own
 * @param layers  the layers, first to last
 * @param weights the parameters every network of the model starts from instead of the initializers' draws, or
 *                null to start from the draws
 */
public record ModelSpec(int inputs, DType dtype, ComponentSpec init, List<LayerSpec> layers, InitialWeights weights) {
    /** The {@code inputs} of a model whose width comes from the data (tabular tasks). */
    public static final int FROM_DATA = 0;

    public ModelSpec {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(init, "init");
        layers = List.copyOf(layers);
        if (inputs < 0) {
            throw new IllegalArgumentException("inputs must be positive or FROM_DATA, found " + inputs);
        }
    }

    /** A model whose networks start from the initializers' draws. */
    public ModelSpec(int inputs, DType dtype, ComponentSpec init, List<LayerSpec> layers) {
        this(inputs, dtype, init, layers, null);
    }

    /** Returns this model with {@code inputs} input features. */
    public ModelSpec withInputs(int inputs) {
        return new ModelSpec(inputs, dtype, init, layers, weights);
    }

    /** Returns this model starting from {@code weights}, or from the initializers' draws when null. */
    public ModelSpec withWeights(InitialWeights weights) {
        return new ModelSpec(inputs, dtype, init, layers, weights);
    }
}
