package org.djx.engine.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.djx.api.ConfigurationException;
import org.djx.engine.weights.StoredTensor;

/**
 * The parameters a model starts from instead of its initializers ({@code "weights-from"}): the tensors of a
 * safetensors file under PyTorch's {@code nn.Sequential} names. They are read once, with the experiment, so every
 * network built from the model (the reader's probe, each fold, the final fit) starts from the same values.
 */
public final class InitialWeights {
    private final String file;
    private final Map<String, StoredTensor> tensors;
    private final Function<String, ? extends RuntimeException> refusal;
    private final String provenance;

    /**
     * @param file    the file as the experiment names it, for messages
     * @param tensors the file's tensors by name, in file order
     * @param refusal turns why the tensors do not fit a network into the exception to throw, placed where the
     *                experiment names the file
     */
    public InitialWeights(String file, Map<String, StoredTensor> tensors, Function<String, ? extends RuntimeException> refusal) {
        this(file, tensors, refusal, "");
    }

    private InitialWeights(String file, Map<String, StoredTensor> tensors, Function<String, ? extends RuntimeException> refusal,
            String provenance) {
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.file = Objects.requireNonNull(file, "file");
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    /** Returns weights whose refusals are plain {@link ConfigurationException}s, for models built without a file. */
    public static InitialWeights of(String file, Map<String, StoredTensor> tensors) {
        return new InitialWeights(file, tensors, ConfigurationException::new);
    }

    /**
     * Returns these weights with where they came from for a run's provenance, such as the resolved path and the
     * SHA-256 of the file's bytes.
     */
    public InitialWeights from(String provenance) {
        return new InitialWeights(file, tensors, refusal, provenance);
    }

    /** Returns where the weights came from, for a run's provenance; empty when not known. */
    public String provenance() {
        return provenance;
    }

    /** Returns the file as the experiment names it. */
    public String file() {
        return file;
    }

    /** Returns the tensors by name, in file order; the map cannot be changed. */
    public Map<String, StoredTensor> tensors() {
        return tensors;
    }

    /** Returns the exception that refuses these weights because of {@code why}. */
    public RuntimeException refusal(String why) {
        return refusal.apply(why);
    }

    @Override
    public String toString() {
        return "InitialWeights[" + file + ", " + tensors.size() + " tensors]";
    }
}
