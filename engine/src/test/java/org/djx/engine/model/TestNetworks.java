package org.djx.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.djx.api.DType;
import org.djx.api.spi.Layer;

/** Builds networks from layer instances, for tests that need a layer no plugin provides. */
public final class TestNetworks {
    private TestNetworks() {
    }

    /** Returns a network of {@code layers}, unlabelled, taking {@code inputs} features of {@code dtype}. */
    public static Network of(int inputs, DType dtype, List<Layer> layers) {
        List<String> labels = new ArrayList<>(Collections.nCopies(layers.size(), (String) null));
        return new Network(inputs, dtype, layers, labels, java.util.Map.of());
    }
}
