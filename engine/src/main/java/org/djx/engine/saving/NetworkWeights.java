package org.djx.engine.saving;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.djx.api.DataException;
import org.djx.api.Parameter;
import org.djx.api.Tensor;
import org.djx.engine.model.Network;
import org.djx.engine.weights.StoredTensor;

/**
 * A network's parameters under the names PyTorch's {@code nn.Sequential} gives them: {@code layers.<i>.<name>}, i
 * the layer's position in the model's layers (activations count), and a 2-D {@code weight} in PyTorch's
 * [outputs, inputs] layout, the transpose of djx's y = x W + b.
 */
public final class NetworkWeights {
    private NetworkWeights() {
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
     * @throws DataException naming the first tensor that is missing, unknown, or of another shape or type
     */
    public static void load(Network network, Map<String, StoredTensor> tensors, String where) {
        Map<String, StoredTensor> byName = new LinkedHashMap<>();
        tensors.forEach((name, t) -> byName.put(name.startsWith("layers.") ? name : "layers." + name, t));
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
        for (Map.Entry<String, Parameter> e : expected.entrySet()) {
            StoredTensor t = byName.get(e.getKey());
            Parameter p = e.getValue();
            if (t == null) {
                throw new DataException(where + ": the parameter '" + e.getKey() + "' of layer " + layerOf.get(e.getKey())
                        + " is missing; the file holds " + String.join(", ", byName.keySet()));
            }
            Tensor v = p.value();
            int[] want = transposed(p) ? new int[] {v.columns(), v.rows()} : v.shape().toArray();
            if (!Arrays.equals(t.shape(), want)) {
                throw new DataException(where + ": the tensor '" + e.getKey() + "' has the shape " + Arrays.toString(t.shape())
                        + ", but the model's parameter has " + Arrays.toString(want)
                        + (transposed(p) ? " ([outputs, inputs], as PyTorch stores a linear layer's weight)" : ""));
            }
            if (t.dtype() != network.dtype()) {
                throw new DataException(where + ": the tensor '" + e.getKey() + "' is " + t.dtype().label() + ", but the model is "
                        + network.dtype().label() + "; save it as " + network.dtype().label() + " or set the model's dtype");
            }
            double[] values = transposed(p) ? transpose(t.values(), v.columns(), v.rows()) : t.values();
            for (int k = 0; k < values.length; k++) {
                v.set(k, values[k]);
            }
        }
    }

    private static String name(int layer, Parameter p) {
        return "layers." + layer + "." + p.name();
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
