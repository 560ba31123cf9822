package org.djx.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * One value a sweep varies: where it goes in the experiment ({@code optimizer.lr}) and what it takes, a list
 * of values or a distribution to draw from.
 *
 * @param path   the place in the experiment, keys separated by dots and array elements as {@code [i]}
 * @param domain what the value may be
 */
public record SweepParameter(String path, Domain domain) {
    public SweepParameter {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(domain, "domain");
    }

    /** The kinds of domain, by the key an experiment file gives them with. */
    public enum Kind {
        /** The listed values, each in turn in a grid; one at random in a random search. */
        VALUES("values"),
        /** One of the listed values, drawn at random; in a grid, each in turn, as values. */
        CHOICE("choice"),
        /** A number drawn uniformly from [low, high). */
        UNIFORM("uniform"),
        /** A number whose logarithm is drawn uniformly: as many draws between 1e-4 and 1e-3 as between 1e-3 and 1e-2. */
        LOG_UNIFORM("log-uniform"),
        /** A whole number drawn uniformly from low to high, both included. */
        INT_UNIFORM("int-uniform");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** Returns the key the file uses. */
        public String key() {
            return key;
        }
    }

    /**
     * What a parameter takes.
     *
     * @param kind   the kind
     * @param values the values of VALUES and CHOICE; empty otherwise
     * @param low    the lower end of a distribution
     * @param high   the upper end of a distribution
     */
    public record Domain(Kind kind, List<JsonNode> values, double low, double high) {
        public Domain {
            values = List.copyOf(values);
        }

        /** Returns a list of values. */
        public static Domain listed(Kind kind, List<JsonNode> values) {
            return new Domain(kind, values, Double.NaN, Double.NaN);
        }

        /** Returns a distribution between low and high. */
        public static Domain between(Kind kind, double low, double high) {
            return new Domain(kind, List.of(), low, high);
        }

        /** Returns whether the values are listed, so that a grid can take each in turn. */
        public boolean listed() {
            return kind == Kind.VALUES || kind == Kind.CHOICE;
        }

        /** Returns whether plots show this parameter on a logarithmic axis. */
        public boolean logarithmic() {
            return kind == Kind.LOG_UNIFORM;
        }

        /** Draws a value: the random stream is the sweep's, so the same seed draws the same points. */
        public JsonNode draw(RandomGenerator random) {
            return switch (kind) {
                case VALUES, CHOICE -> values.get(random.nextInt(values.size()));
                case UNIFORM -> JsonNodeFactory.instance.numberNode(low + (high - low) * random.nextDouble());
                case LOG_UNIFORM -> JsonNodeFactory.instance.numberNode(
                        Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * random.nextDouble()));
                case INT_UNIFORM -> JsonNodeFactory.instance.numberNode((long) low + random.nextLong((long) high - (long) low + 1));
            };
        }
    }
}
