package org.djx.api.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.djx.api.Parameter;
import org.djx.api.Stability;
import org.djx.api.Tensor;

/**
 * What an optimizer has accumulated, as {@link Optimizer#exportState()} returns it: named tensors (a
 * moment per parameter, say {@code first/0}) and named numbers (the step count), together with the
 * optimizer's name and the element types and shapes of the parameters it was made for.
 *
 * <p>It holds copies: exporting, then stepping on, leaves an exported state as it was, and
 * {@link #copyInto(String, Tensor)} copies out again. Restoring checks the name and the parameters
 * first ({@link #requireFits(String, List)}), so that a state never lands in an optimizer it does not
 * belong to.
 *
 * @since 0.2
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class OptimizerState {
    private final String optimizer;
    private final List<String> parameters;
    private final Map<String, Tensor> tensors;
    private final Map<String, Double> scalars;

    private OptimizerState(Builder builder) {
        this.optimizer = builder.optimizer;
        this.parameters = builder.parameters;
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(builder.tensors));
        this.scalars = Collections.unmodifiableMap(new LinkedHashMap<>(builder.scalars));
    }

    /**
     * Starts the state of optimizer {@code optimizer} (its plugin name, such as {@code adam}) made for
     * {@code parameters}, whose element types and shapes it records.
     */
    public static Builder builder(String optimizer, List<Parameter> parameters) {
        return new Builder(optimizer, parameters);
    }

    /** Returns the name of the optimizer that exported the state. */
    public String optimizer() {
        return optimizer;
    }

    /** Returns the names of the tensors, in the order they were added. */
    public Set<String> tensorNames() {
        return tensors.keySet();
    }

    /** Returns the names of the numbers, in the order they were added. */
    public Set<String> scalarNames() {
        return scalars.keySet();
    }

    /**
     * Checks that the state was exported by optimizer {@code optimizer} for parameters of the same
     * element types and shapes, in the same order, as {@code parameters}.
     *
     * @throws IllegalArgumentException saying which of the two differs, and how
     */
    public void requireFits(String optimizer, List<Parameter> parameters) {
        Objects.requireNonNull(optimizer, "optimizer");
        if (!this.optimizer.equals(optimizer)) {
            throw new IllegalArgumentException("cannot restore the state of optimizer '" + this.optimizer
                    + "' into optimizer '" + optimizer + "'; a state fits only the kind of optimizer that exported it");
        }
        List<String> theirs = describe(parameters);
        if (!this.parameters.equals(theirs)) {
            throw new IllegalArgumentException("cannot restore the state of optimizer '" + optimizer + "' exported for "
                    + count(this.parameters) + " " + this.parameters + " into one for " + count(theirs) + " " + theirs
                    + "; a state fits only the parameter list it was exported for (same number, element types and"
                    + " shapes, in order)");
        }
    }

    /**
     * Returns a copy of tensor {@code name}.
     *
     * @throws IllegalArgumentException if the state has no such tensor
     */
    public Tensor tensor(String name) {
        return existing(name).copy();
    }

    /**
     * Copies tensor {@code name} into {@code target}, which has its element type and shape; this is
     * how an optimizer restores into the buffers it already has.
     *
     * @throws IllegalArgumentException if the state has no such tensor, or {@code target} differs in
     *                                  element type or shape
     */
    public void copyInto(String name, Tensor target) {
        Tensor source = existing(name);
        if (source.dtype() != target.dtype() || !source.shape().equals(target.shape())) {
            throw new IllegalArgumentException("the state of optimizer '" + optimizer + "' holds '" + name + "' as "
                    + source.dtype() + " " + source.shape() + ", which cannot be restored into " + target.dtype() + " "
                    + target.shape());
        }
        target.copyFrom(source);
    }

    /**
     * Returns number {@code name}.
     *
     * @throws IllegalArgumentException if the state has no such number
     */
    public double scalar(String name) {
        Double value = scalars.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the state of optimizer '" + optimizer + "' has no number '" + name
                    + "'; it has " + (scalars.isEmpty() ? "none" : String.join(", ", scalars.keySet())));
        }
        return value;
    }

    private Tensor existing(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("the state of optimizer '" + optimizer + "' has no tensor '" + name
                    + "'; it has " + (tensors.isEmpty() ? "none" : String.join(", ", tensors.keySet())));
        }
        return t;
    }

    /** Returns the optimizer's name, its parameters and the names of what it holds, for messages. */
    @Override
    public String toString() {
        return "state of optimizer '" + optimizer + "' for " + parameters + ": tensors " + tensors.keySet()
                + ", numbers " + scalars;
    }

    private static List<String> describe(List<Parameter> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        List<String> out = new ArrayList<>();
        for (Parameter p : parameters) {
            Tensor value = p.value();
            out.add(value.dtype().label() + " " + value.shape());
        }
        return List.copyOf(out);
    }

    private static String count(List<String> parameters) {
        return parameters.size() == 1 ? "1 parameter" : parameters.size() + " parameters";
    }

    /** Collects copies of the tensors and the numbers of a state. */
    public static final class Builder {
        private final String optimizer;
        private final List<String> parameters;
        private final Map<String, Tensor> tensors = new LinkedHashMap<>();
        private final Map<String, Double> scalars = new LinkedHashMap<>();

        private Builder(String optimizer, List<Parameter> parameters) {
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
            this.parameters = describe(parameters);
        }

        /**
         * Adds a copy of {@code value} under {@code name}.
         *
         * @throws IllegalArgumentException if the name is taken
         */
        public Builder tensor(String name, Tensor value) {
            Objects.requireNonNull(value, "value");
            if (tensors.containsKey(Objects.requireNonNull(name, "name"))) {
                throw new IllegalArgumentException("the state already holds a tensor '" + name + "'");
            }
            tensors.put(name, value.copy());
            return this;
        }

        /**
         * Adds the number {@code value} under {@code name}; a step count up to 2^53 is exact.
         *
         * @throws IllegalArgumentException if the name is taken
         */
        public Builder scalar(String name, double value) {
            if (scalars.containsKey(Objects.requireNonNull(name, "name"))) {
                throw new IllegalArgumentException("the state already holds a number '" + name + "'");
            }
            scalars.put(name, value);
            return this;
        }

        /** Returns the state; the builder may go on to make another. */
        public OptimizerState build() {
            return new OptimizerState(this);
        }
    }
}
