package org.djx.engine.experiment;

import java.util.List;
import java.util.Objects;

/**
 * The {@code stack} section: deep stacks of {@code linear(width) -> activation} layers, one per pair of
 * activation and initializer, each fed one batch of N(0, 1) inputs.
 *
 * @param depth    the number of linear-activation pairs
 * @param width    the features of every layer
 * @param batch    the examples in the measured batch
 * @param variants one network per activation and initializer
 */
public record DepthSpec(int depth, int width, int batch, List<Variant> variants) implements TaskSpec {
    public DepthSpec {
        variants = List.copyOf(variants);
    }

    /**
     * One stack.
     *
     * @param activation  the activation layer's name
     * @param initializer a short label of the initializer, such as {@code xavier-normal} or
     *                    {@code normal(std=1)}
     * @param model       the network
     */
    public record Variant(String activation, String initializer, ModelSpec model) {
        public Variant {
            Objects.requireNonNull(activation, "activation");
            Objects.requireNonNull(initializer, "initializer");
            Objects.requireNonNull(model, "model");
        }
    }

    @Override
    public TaskKind kind() {
        return TaskKind.DEPTH_STATISTICS;
    }
}
