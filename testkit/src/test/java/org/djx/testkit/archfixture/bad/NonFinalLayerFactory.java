package org.djx.testkit.archfixture.bad;

import org.djx.api.spi.Config;
import org.djx.api.spi.Layer;
import org.djx.api.spi.LayerContext;
import org.djx.api.spi.LayerFactory;

/** Not final; and it declares the parameter 'name', which the engine reads from every layer itself. */
public class NonFinalLayerFactory implements LayerFactory {
    @Override
    public String name() {
        return "open-layer";
    }

    @Override
    public String description() {
        return "A layer others could subclass.";
    }

    @Override
    public java.util.List<org.djx.api.spi.ParameterSpec> configuration() {
        return java.util.List.of(org.djx.api.spi.ParameterSpec.string("name", "Clashes with the engine's key."));
    }

    @Override
    public Layer create(Config config, LayerContext context) {
        throw new UnsupportedOperationException("a fixture");
    }
}
