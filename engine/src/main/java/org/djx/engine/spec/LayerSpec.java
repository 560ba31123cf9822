package org.djx.engine.spec;

import java.util.Objects;

/**
 * One entry of {@code model.layers}.
 *
 * @param label the optional {@code name} under which a forward task reports the layer's output; null
 *              when unnamed
 * @param layer the layer plugin and its configuration
 * @param init  an initializer for this layer that replaces the model's, or null
 */
public record LayerSpec(String label, ComponentSpec layer, ComponentSpec init) {
    public LayerSpec {
        Objects.requireNonNull(layer, "layer");
    }
}
