package org.djx.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.api.DType;
import org.djx.api.Parameter;
import org.djx.api.Tensor;
import org.djx.api.spi.Layer;
import org.djx.engine.random.RandomStream;

/**
 * A stack of layers: forward runs them first to last, backward last to first.
 *
 * <p>Each layer's most recent output stays readable through {@link #output(int)}, which is how a
 * forward task reports D2L's intermediate values.
 *
 * <p>A network is in evaluation mode from the start: every layer is told so when the network is built,
 * so forward and curve tasks, metrics and predictions evaluate. Only the trainer switches to training
 * ({@link #setTraining(boolean)}), for the passes of its optimizer steps, and back to evaluation before
 * anything else looks at the network.
 */
public final class Network {
    private final List<Layer> layers;
    private final List<String> labels;
    private final List<Parameter> parameters;
    private final Tensor[] outputs;
    private final Tensor[] outputGradients;
    private final int inputs;
    private final DType dtype;
    private final Map<String, RandomStream> randomStreams;

    /**
     * @param inputs the features per example of the first layer's input
     * @param dtype  the element type of every layer's parameters and buffers
     * @param labels        one per layer; null for an unnamed layer
     * @param randomStreams the streams the layers took to draw from as they run, by name
     */
    Network(int inputs, DType dtype, List<Layer> layers, List<String> labels, Map<String, RandomStream> randomStreams) {
        this.inputs = inputs;
        this.dtype = dtype;
        this.layers = List.copyOf(layers);
        this.labels = Collections.unmodifiableList(new ArrayList<>(labels));
        this.randomStreams = Collections.unmodifiableMap(new LinkedHashMap<>(randomStreams));
        List<Parameter> all = new ArrayList<>();
        for (Layer l : layers) {
            all.addAll(l.parameters());
        }
        this.parameters = List.copyOf(all);
        this.outputs = new Tensor[layers.size()];
        this.outputGradients = new Tensor[layers.size()];
        // Said explicitly rather than left to each layer's initial field: a fresh network evaluates.
        setTraining(false);
    }

    /**
     * Switches every layer to training ({@code true}) or evaluation ({@code false}); see
     * {@link Layer#setTraining(boolean)}. Allocates nothing.
     */
    public void setTraining(boolean training) {
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).setTraining(training);
        }
    }

    /**
     * Returns the random streams the layers draw from while they run (dropout's masks), by name, in the order the
     * layers took them: what a checkpoint must record, besides the parameters, for training to go on as it would have.
     */
    public Map<String, RandomStream> randomStreams() {
        return randomStreams;
    }

    /** Returns the features per example the network takes. */
    public int inputs() {
        return inputs;
    }

    /** Returns the element type the network computes in; its input must have it too. */
    public DType dtype() {
        return dtype;
    }

    /** Returns the features per example the network produces. */
    public int outputs() {
        return layers.get(layers.size() - 1).outputFeatures();
    }

    public int depth() {
        return layers.size();
    }

    /** Returns the label of layer {@code index}, or null when it has none. */
    public String label(int index) {
        return labels.get(index);
    }

    /** Returns every trainable parameter, first layer first. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Returns the trainable parameters of layer {@code index}. */
    public List<Parameter> parameters(int index) {
        return layers.get(index).parameters();
    }

    /**
     * Runs the batch through every layer and returns the last output (owned by the last layer).
     *
     * @throws IllegalArgumentException if the input is not of the network's element type
     */
    public Tensor forward(Tensor input) {
        if (input.dtype() != dtype) {
            throw new IllegalArgumentException("a " + dtype + " network was given " + input.dtype()
                    + " input; convert it with Tensor.to(dtype) once, outside the training loop");
        }
        Tensor x = input;
        for (int i = 0; i < layers.size(); i++) {
            x = layers.get(i).forward(x);
            outputs[i] = x;
        }
        return x;
    }

    /** Propagates dLoss/dOutput back through every layer, filling each parameter's gradient. */
    public Tensor backward(Tensor outputGradient) {
        Tensor g = outputGradient;
        for (int i = layers.size() - 1; i >= 0; i--) {
            outputGradients[i] = g;
            g = layers.get(i).backward(g);
        }
        return g;
    }

    /**
     * Like {@link #backward(Tensor)} when dLoss/dInput is not wanted, as in training: the first layer
     * may skip computing it.
     */
    public void backwardParameters(Tensor outputGradient) {
        Tensor g = outputGradient;
        for (int i = layers.size() - 1; i > 0; i--) {
            outputGradients[i] = g;
            g = layers.get(i).backward(g);
        }
        outputGradients[0] = g;
        layers.get(0).backwardParameters(g);
    }

    /**
     * Returns dLoss/dOutput of layer {@code index} from the last backward pass; valid until the next
     * one. For a linear layer followed by an activation this is D2L's delta of the next layer.
     */
    public Tensor outputGradient(int index) {
        return outputGradients[index];
    }

    /** Returns layer {@code index}'s output from the last forward pass; valid until the next one. */
    public Tensor output(int index) {
        return outputs[index];
    }
}
