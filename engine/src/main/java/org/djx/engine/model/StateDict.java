package org.djx.engine.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.djx.api.DataException;
import org.djx.api.Parameter;
import org.djx.api.Tensor;
import org.djx.engine.weights.StoredTensor;

/**
 * A network's parameters as PyTorch's {@code nn.Sequential} state_dict holds them: named {@code layers.<i>.<name>},
 * i the layer's position in the model's layers (activations count), with a 2-D {@code weight} in PyTorch's
 * [outputs, inputs] layout, the transpose of djx's y = x W + b.
 *
 * <p>Lives beside the network rather than with saved models because a model section's {@code weights-from} sets a
 * fresh network's parameters the same way a saved model's weights are loaded.
 */
public final class StateDict {
    private static final String PREFIX = "layers.";

    private StateDict() {
    }

    /** Returns every parameter of {@code network} by its name, in layer order. */
    public static Map<String, StoredTensor> of(Network network) {
        Map<String, StoredTensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < network.depth(); i++) {
            for (Parameter p : network.parameters(i)) {
                Tensor v = p.value();
                tensors.put(name(i, p), transposed(p)
                        ? StoredTensor.of(network.dtype(), new int[] {v.columns(), v.rows()}, transpose(v.toArray(), v.rows(), v.columns()))
                        : StoredTensor.of(network.dtype(), v.shape().toArray(), v.toArray()));
            }
        }
        return tensors;
    }

    /**
     * Sets every parameter of {@code network} from {@code tensors}, which must hold exactly its parameters with their
     * shapes and element type; names may lack the {@code layers.} prefix, as a bare {@code nn.Sequential}'s do.
     *
     * @param where names the file, for messages
     * @throws DataException naming the first tensor that is missing, unknown, or of another shape or type; the network
     *                       is then left unchanged
     */
    public static void load(Network network, Map<String, StoredTensor> tensors, String where) {
        Map<String, StoredTensor> byName = new LinkedHashMap<>();
        for (Map.Entry<String, StoredTensor> e : tensors.entrySet()) {
            String name = e.getKey().startsWith(PREFIX) ? e.getKey() : PREFIX + e.getKey();
            if (byName.put(name, e.getValue()) != null) {
                throw new DataException(where + ": the file holds both '" + name + "' and '" + name.substring(PREFIX.length())
                        + "', one parameter under two names; keep one of them");
            }
        }
        Map<String, Parameter> expected = new LinkedHashMap<>();
        Map<String, Integer> layerOf = new LinkedHashMap<>();
        for (int i = 0; i < network.depth(); i++) {
            for (Parameter p : network.parameters(i)) {
                expected.put(name(i, p), p);
                layerOf.put(name(i, p), i);
            }
        }
        for (String name : byName.keySet()) {
            if (!expected.containsKey(name)) {
                throw new DataException(where + ": the tensor '" + name + "' is no parameter of this model, whose parameters are "
                        + String.join(", ", expected.keySet()));
            }
        }
        // Every tensor is checked before any parameter changes, so a refused file leaves the network as it was.
        for (Map.Entry<String, Parameter> e : expected.entrySet()) {
            check(e.getKey(), e.getValue(), byName.get(e.getKey()), layerOf.get(e.getKey()), network, byName, where);
        }
        for (Map.Entry<String, Parameter> e : expected.entrySet()) {
            Tensor v = e.getValue().value();
            StoredTensor t = byName.get(e.getKey());
            double[] values = transposed(e.getValue()) ? transpose(t.values(), v.columns(), v.rows()) : t.values();
            for (int k = 0; k < values.length; k++) {
                v.set(k, values[k]);
            }
        }
    }

    private static void check(String name, Parameter p, StoredTensor t, int layer, Network network, Map<String, StoredTensor> byName,
            String where) {
        if (t == null) {
            throw new DataException(where + ": the parameter '" + name + "' of layer " + layer + " is missing; the file holds "
                    + (byName.isEmpty() ? "no tensors" : String.join(", ", byName.keySet())));
        }
        Tensor v = p.value();
        int[] want = transposed(p) ? new int[] {v.columns(), v.rows()} : v.shape().toArray();
        if (!Arrays.equals(t.shape(), want)) {
            throw new DataException(where + ": the tensor '" + name + "' has the shape " + Arrays.toString(t.shape())
                    + ", but the model's parameter has " + Arrays.toString(want)
                    + (transposed(p) ? " ([outputs, inputs], as PyTorch stores a linear layer's weight)" : ""));
        }
        if (t.dtype() != network.dtype()) {
            throw new DataException(where + ": the tensor '" + name + "' is " + t.dtype().label() + ", but the model is "
                    + network.dtype().label() + "; save it as " + network.dtype().label() + " or set the model's dtype");
        }
    }

    private static String name(int layer, Parameter p) {
        return PREFIX + layer + "." + p.name();
    }

    /** A 2-D weight is stored as PyTorch's Linear stores it. */
    private static boolean transposed(Parameter p) {
        return p.name().equals("weight") && p.value().shape().rank() == 2;
    }

    private static double[] transpose(double[] values, int rows, int columns) {
        double[] t = new double[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                t[c * rows + r] = values[r * columns + c];
            }
        }
        return t;
    }
}
