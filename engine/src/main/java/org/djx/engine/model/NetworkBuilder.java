package org.djx.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.djx.api.ConfigurationException;
import org.djx.api.DataException;
import org.djx.api.DType;
import org.djx.api.Parameter;
import org.djx.api.PluginException;
import org.djx.api.Shape;
import org.djx.api.spi.Initializer;
import org.djx.api.spi.Kernels;
import org.djx.api.spi.Layer;
import org.djx.api.spi.LayerContext;
import org.djx.engine.spec.ComponentSpec;
import org.djx.engine.spec.InitialWeights;
import org.djx.engine.spec.LayerSpec;
import org.djx.engine.spec.ModelSpec;
import org.djx.engine.random.RandomStream;
import org.djx.engine.random.RandomStreams;

/** Builds a {@link Network} from the model section of an experiment. */
public final class NetworkBuilder {
    private final Kernels kernels;

    public NetworkBuilder(Kernels kernels) {
        this.kernels = kernels;
    }

    /**
     * Creates every layer, initializing weights from the stream {@code init/layer-I/PARAM} of
     * {@code random} and biases with zeros, or every parameter from the model's initial weights if it has them.
     *
     * @throws ConfigurationException if a layer rejects its configuration or its input, or the initial weights do
     *                                not fit the network (thrown as the weights' refusal, placed where the
     *                                experiment names their file)
     */
    public Network build(ModelSpec model, RandomStreams random) {
        return build(model, model.inputs(), random, "");
    }

    /**
     * Creates every layer for {@code inputs} input features, drawing initial weights from the streams
     * {@code <streamPrefix>init/layer-I/PARAM}; a prefix such as {@code fold-2/} gives each of several
     * networks of one run draws of its own. A model with initial weights starts from them whatever the prefix.
     */
    public Network build(ModelSpec model, int inputs, RandomStreams random, String streamPrefix) {
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least one input feature, found " + inputs);
        }
        Initializer modelInit = model.init().createInitializer();
        List<Layer> layers = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        ParameterMemory memory = new ParameterMemory(model.dtype());
        java.util.Map<String, RandomStream> handedOut = new java.util.LinkedHashMap<>();
        int features = inputs;
        for (int i = 0; i < model.layers().size(); i++) {
            LayerSpec spec = model.layers().get(i);
            Initializer init = spec.init() == null ? modelInit : spec.init().createInitializer();
            Layer layer = spec.layer().createLayer(new Context(features, model.dtype(), kernels, init, random,
                    streamPrefix + "init/layer-" + i + "/", streamPrefix + "layer-" + i + "/", memory, describe(spec.layer()), handedOut));
            if (layer.outputFeatures() < 1) {
                throw new PluginException(describe(spec.layer()) + " reports " + layer.outputFeatures()
                        + " output features; a layer produces at least one");
            }
            layers.add(layer);
            labels.add(spec.label());
            features = layer.outputFeatures();
        }
        Network network = new Network(inputs, model.dtype(), layers, labels, handedOut);
        if (model.weights() != null) {
            start(network, model.weights());
        }
        return network;
    }

    /**
     * Replaces the initializers' draws with the model's initial weights: layers initialize their parameters as they
     * create them, so the file's values can only come after.
     */
    private static void start(Network network, InitialWeights weights) {
        try {
            StateDict.load(network, weights.tensors(), weights.file());
        } catch (DataException e) {
            throw weights.refusal(e.getMessage());
        }
    }

    private static String describe(ComponentSpec spec) {
        return spec.plugin().kind().label() + " '" + spec.type() + "' at " + spec.path();
    }

    private static final class Context implements LayerContext {
        private final int inputFeatures;
        private final DType dtype;
        private final Kernels kernels;
        private final Initializer initializer;
        private final RandomStreams random;
        private final String streamPrefix;
        private final String layerStreams;
        private final ParameterMemory memory;
        private final String layer;
        private final java.util.Map<String, RandomStream> handedOut;

        Context(int inputFeatures, DType dtype, Kernels kernels, Initializer initializer, RandomStreams random,
                String streamPrefix, String layerStreams, ParameterMemory memory, String layer,
                java.util.Map<String, RandomStream> handedOut) {
            this.inputFeatures = inputFeatures;
            this.dtype = dtype;
            this.kernels = kernels;
            this.initializer = initializer;
            this.random = random;
            this.streamPrefix = streamPrefix;
            this.layerStreams = layerStreams;
            this.memory = memory;
            this.layer = layer;
            this.handedOut = handedOut;
        }

        /** The stream {@code <prefix>layer-I/NAME}: a fold's or repeat's prefix gives each network draws of its own. */
        @Override
        public java.util.random.RandomGenerator random(String name) {
            RandomStream stream = random.stream(layerStreams + name);
            // Kept by name so that a checkpoint can record where each one is; a name asked for again gets a number.
            String key = layerStreams + name;
            for (int n = 2; handedOut.containsKey(key); n++) {
                key = layerStreams + name + "#" + n;
            }
            handedOut.put(key, stream);
            return stream;
        }

        @Override
        public Parameter parameter(String name, Parameter.Role role, Shape shape, int fanIn, int fanOut) {
            // Folds build their networks at once: checking and allocating under one lock makes each check see the
            // parameters the others have allocated, rather than a heap they are about to fill.
            synchronized (ParameterMemory.class) {
                memory.reserve(layer, name, shape);
                return new Parameter(name, role, dtype, shape, fanIn, fanOut);
            }
        }

        @Override
        public int inputFeatures() {
            return inputFeatures;
        }

        @Override
        public DType dtype() {
            return dtype;
        }

        @Override
        public Kernels kernels() {
            return kernels;
        }

        @Override
        public void initialize(Parameter parameter) {
            if (parameter.role() == Parameter.Role.BIAS) {
                parameter.value().fill(0);
            } else {
                initializer.initialize(parameter.value(), parameter.fanIn(), parameter.fanOut(),
                        random.stream(streamPrefix + parameter.name()));
            }
        }
    }
}
