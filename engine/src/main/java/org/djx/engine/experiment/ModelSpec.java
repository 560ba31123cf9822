package org.djx.engine.experiment;

import java.util.List;
import java.util.Objects;

/**
 * The {@code model} section: a stack of layers fed by {@code inputs} features per example.
 *
 * @param inputs the number of input features
 * @param init   the initializer for every layer's weights unless a layer names its own
 * @param layers the layers, first to last
 */
public record ModelSpec(int inputs, ComponentSpec init, List<LayerSpec> layers) {
    public ModelSpec {
        Objects.requireNonNull(init, "init");
        layers = List.copyOf(layers);
    }
}
