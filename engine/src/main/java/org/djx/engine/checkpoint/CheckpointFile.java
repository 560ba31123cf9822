package org.djx.engine.checkpoint;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.api.DType;
import org.djx.api.DataException;
import org.djx.api.Parameter;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.api.spi.OptimizerState;
import org.djx.engine.train.StopReason;
import org.djx.engine.train.TrainerState;
import org.djx.engine.weights.Safetensors;
import org.djx.engine.weights.StoredTensor;
import org.djx.engine.weights.StoredWeights;

/**
 * A fit's checkpoint as one safetensors file. The parameters keep the names and layout of {@code model.safetensors}
 * ({@code layers.<i>.<name>}, so PyTorch reads them the same way); the optimizer's tensors are {@code optimizer.NAME},
 * the example order and the curves {@code trainer.order}, {@code trainer.losses} and {@code history.NAME}, all
 * float64 (a row index up to 2^53 is exact). The header's metadata says which fit and experiment it belongs to, the
 * epochs finished, how training ended, the optimizer's numbers and where each random stream is; numbers are written
 * as Java writes a double or a long, which reads back to the same bits.
 */
final class CheckpointFile {
    static final String FORMAT = "djx-checkpoint/1";
    private static final String OPTIMIZER = "optimizer.";
    private static final String OPTIMIZER_NUMBER = "optimizer-number.";
    private static final String RANDOM = "random.";
    private static final String HISTORY = "history.";
    private static final String ORDER = "trainer.order";
    private static final String LOSSES = "trainer.losses";

    private CheckpointFile() {
    }

    /**
     * Writes {@code state} of fit {@code fit} of the experiment whose fingerprint is {@code experiment}, atomically.
     */
    static void write(Path file, String fit, String experiment, String data, TrainerState state) {
        Map<String, StoredTensor> tensors = new LinkedHashMap<>(state.parameters());
        OptimizerState optimizer = state.optimizer();
        for (String name : optimizer.tensorNames()) {
            Tensor t = optimizer.tensor(name);
            tensors.put(OPTIMIZER + name, StoredTensor.of(t.dtype(), t.shape().toArray(), t.toArray()));
        }
        tensors.put(ORDER, vector(toDoubles(state.order())));
        tensors.put(LOSSES, vector(state.losses()));
        state.history().forEach((name, values) -> {
            // safetensors has no room for an empty tensor's data: an empty curve is left out, and read back as empty.
            if (values.length > 0) {
                tensors.put(HISTORY + name, vector(values));
            }
        });
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", FORMAT);
        metadata.put("fit", fit);
        metadata.put("experiment", experiment);
        metadata.put("data", data);
        metadata.put("epochs", Integer.toString(state.epochs()));
        if (state.ended() != null) {
            metadata.put("ended", state.ended().name());
        }
        metadata.put("optimizer", optimizer.optimizer());
        for (String name : optimizer.scalarNames()) {
            metadata.put(OPTIMIZER_NUMBER + name, Double.toString(optimizer.scalar(name)));
        }
        metadata.put("shuffle", Long.toString(state.shuffle()));
        state.randomStreams().forEach((name, position) -> metadata.put(RANDOM + name, Long.toString(position)));
        Safetensors.write(file, tensors, metadata);
    }

    /**
     * Reads the checkpoint of fit {@code fit} of experiment {@code experiment} on data {@code data} from {@code file},
     * its optimizer state tagged for {@code parameters} (whose optimizer then checks each tensor against its own).
     *
     * @throws DataException naming the file, if it is no checkpoint, or one of another fit, experiment or data
     */
    static TrainerState read(Path file, String fit, String experiment, String data, List<Parameter> parameters) {
        StoredWeights stored;
        try {
            stored = Safetensors.read(file);
        } catch (DataException e) {
            throw new DataException("the checkpoint " + file + " cannot be read (" + e.getMessage() + "); remove it, and"
                    + " fit '" + fit + "' starts from its first epoch", e);
        }
        Map<String, String> metadata = stored.metadata();
        if (!FORMAT.equals(metadata.get("format"))) {
            throw new DataException(file + ": this is no djx checkpoint (its metadata has no \"format\": \"" + FORMAT
                    + "\"); remove it, and the fit starts from its first epoch");
        }
        if (!fit.equals(metadata.get("fit"))) {
            throw new DataException(file + ": this checkpoint belongs to the fit '" + metadata.get("fit") + "', not to '" + fit
                    + "'; a checkpoint stays under the name its run gave it");
        }
        if (!experiment.equals(metadata.get("experiment"))) {
            throw new DataException(file + ": this checkpoint was saved by a run of another experiment (or another version"
                    + " of this one); resume a run in its own folder, or remove the checkpoints folder to start over");
        }
        if (!data.equals(metadata.get("data"))) {
            throw new DataException(file + ": this checkpoint was saved by a run that read other data: a local data file of"
                    + " the experiment has changed since (its SHA-256 differs); put the file back as it was, or remove the"
                    + " checkpoints folder to start over on the new data");
        }
        Map<String, StoredTensor> tensors = new LinkedHashMap<>(stored.tensors());
        int epochs = (int) number(file, metadata, "epochs");
        StopReason ended = null;
        if (metadata.containsKey("ended")) {
            try {
                ended = StopReason.valueOf(metadata.get("ended"));
            } catch (IllegalArgumentException e) {
                throw new DataException(file + ": \"ended\" is '" + metadata.get("ended") + "', which is no way a fit ends");
            }
        }
        OptimizerState.Builder optimizer = OptimizerState.builder(text(file, metadata, "optimizer"), parameters);
        Map<String, Long> streams = new LinkedHashMap<>();
        Map<String, double[]> history = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            if (e.getKey().startsWith(OPTIMIZER_NUMBER)) {
                optimizer.scalar(e.getKey().substring(OPTIMIZER_NUMBER.length()), decimal(file, e.getKey(), e.getValue()));
            } else if (e.getKey().startsWith(RANDOM)) {
                streams.put(e.getKey().substring(RANDOM.length()), number(file, metadata, e.getKey()));
            }
        }
        double[] order = take(file, tensors, ORDER).values();
        double[] losses = take(file, tensors, LOSSES).values();
        Map<String, StoredTensor> parameterTensors = new LinkedHashMap<>();
        for (Map.Entry<String, StoredTensor> e : tensors.entrySet()) {
            String name = e.getKey();
            if (name.startsWith(OPTIMIZER)) {
                optimizer.tensor(name.substring(OPTIMIZER.length()), tensor(e.getValue()));
            } else if (name.startsWith(HISTORY)) {
                history.put(name.substring(HISTORY.length()), e.getValue().values());
            } else {
                parameterTensors.put(name, e.getValue());
            }
        }
        if (losses.length != epochs) {
            throw new DataException(file + ": the checkpoint says " + epochs + " epochs ended, but holds " + losses.length
                    + " losses");
        }
        try {
            return new TrainerState(epochs, ended, losses, indices(file, order), number(file, metadata, "shuffle"), streams,
                    parameterTensors, optimizer.build(), history);
        } catch (IllegalArgumentException e) {
            throw new DataException(file + ": " + e.getMessage());
        }
    }

    private static StoredTensor vector(double[] values) {
        return StoredTensor.of(DType.FLOAT64, new int[] {values.length}, values);
    }

    private static double[] toDoubles(int[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    /** Returns the row order, each a distinct row index. */
    private static int[] indices(Path file, double[] order) {
        int[] rows = new int[order.length];
        boolean[] seen = new boolean[order.length];
        for (int i = 0; i < order.length; i++) {
            double v = order[i];
            if (!(v >= 0 && v < order.length && v == Math.rint(v)) || seen[(int) v]) {
                throw new DataException(file + ": " + ORDER + " is no order of " + order.length + " rows (entry " + i + " is "
                        + v + ")");
            }
            rows[i] = (int) v;
            seen[rows[i]] = true;
        }
        return rows;
    }

    private static Tensor tensor(StoredTensor t) {
        Shape shape = Shape.of(t.shape());
        double[] values = t.values();
        if (t.dtype() == DType.FLOAT64) {
            return Tensor.wrap(shape, values);
        }
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return Tensor.wrap(shape, floats);
    }

    private static StoredTensor take(Path file, Map<String, StoredTensor> tensors, String name) {
        StoredTensor t = tensors.remove(name);
        if (t == null || t.shape().length != 1 || t.dtype() != DType.FLOAT64) {
            throw new DataException(file + ": the checkpoint has no float64 vector '" + name + "'");
        }
        return t;
    }

    private static String text(Path file, Map<String, String> metadata, String key) {
        String value = metadata.get(key);
        if (value == null) {
            throw new DataException(file + ": the checkpoint's metadata has no \"" + key + "\"");
        }
        return value;
    }

    private static long number(Path file, Map<String, String> metadata, String key) {
        String value = text(file, metadata, key);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new DataException(file + ": the checkpoint's \"" + key + "\" is '" + value + "', not a whole number");
        }
    }

    private static double decimal(Path file, String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new DataException(file + ": the checkpoint's \"" + key + "\" is '" + value + "', not a number");
        }
    }
}
