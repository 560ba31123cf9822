package org.djx.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.djx.api.DataException;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.io.Digests;
import org.djx.engine.json.InvalidDocumentException;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.spec.InitialWeights;
import org.djx.engine.weights.Safetensors;

/**
 * The model's {@code weights-from} key: a safetensors file, under PyTorch's {@code nn.Sequential} names and layout,
 * that every network of the model starts from instead of its initializers. The file is read with the experiment, so
 * that a missing or malformed one is refused before anything runs; whether its tensors fit the network is known once
 * the network is built, by the reader's probe when the width is known and otherwise when the data decides it.
 */
final class WeightsFrom {
    static final String KEY = "weights-from";
    /** The top-level key that moves where relative paths start, as it does for data files. */
    private static final String DATA_FOLDER = "data-folder";

    static final ParameterSpec SPEC = ParameterSpec.string(KEY, "A safetensors file whose tensors replace the initializers'"
            + " draws in every fit (each fold, the final fit), relative to the experiment file's folder (or its data-folder):"
            + " PyTorch nn.Sequential's names layers.I.weight and layers.I.bias (I counts every layer, activations too; the"
            + " prefix layers. may be left out), a linear layer's weight as [outputs, inputs].");

    private WeightsFrom() {
    }

    /**
     * Reads the file the model at {@code modelPath} names; returns null after recording why it cannot be used.
     *
     * @param value the key's value, as the experiment writes it
     */
    static InitialWeights read(Problems problems, String value, String modelPath) {
        String path = JsonDocument.child(modelPath, KEY);
        if (value.isBlank()) {
            problems.add(path, "expected the path of a safetensors file, found an empty string");
            return null;
        }
        Path folder = folder(problems.document());
        Path file;
        try {
            file = folder.resolve(value).normalize();
        } catch (InvalidPathException e) {
            problems.add(path, "'" + value + "' is not a valid path: " + e.getReason());
            return null;
        }
        String where = "the weights file '" + value + "'" + (Path.of(value).isAbsolute() ? "" : " (" + file + ", relative to "
                + (problems.document().root().has(DATA_FOLDER) ? "the experiment's data-folder " : "the experiment file's folder ")
                + folder + ")");
        if (!Files.exists(file)) {
            problems.add(path, where + " does not exist. Check the path; a relative path starts at the folder of the experiment"
                    + " file, not at the current directory.");
            return null;
        }
        if (!Files.isRegularFile(file)) {
            problems.add(path, where + " is not a regular file; name a safetensors file, such as PyTorch's"
                    + " safetensors.torch.save_file(model.state_dict(), ...) writes.");
            return null;
        }
        try {
            JsonDocument document = problems.document();
            return new InitialWeights(value, Safetensors.read(file).tensors(),
                    why -> new InvalidDocumentException(List.of(document.problem(path, why))))
                    .from(file + ", SHA-256 " + Digests.sha256(file));
        } catch (java.io.IOException e) {
            problems.add(path, where + " cannot be read: " + e.getMessage());
            return null;
        } catch (DataException e) {
            problems.add(path, e.getMessage());
            return null;
        }
    }

    /**
     * Returns the folder that the relative paths of {@code document} start from: its data-folder, else its file's. A
     * document without a file of its own (a sweep's trial) starts from the current directory.
     */
    static Path folder(JsonDocument document) {
        Path parent = Path.of(document.file()).toAbsolutePath().getParent();
        Path own = parent == null ? Path.of("").toAbsolutePath() : parent;
        JsonNode set = document.root().get(DATA_FOLDER);
        return set != null && set.isTextual() ? own.resolve(set.asText()).normalize() : own;
    }

    /**
     * Makes a relative {@code weights-from} of {@code experiment} absolute, starting at {@code folder}: a sweep's trials
     * are read without the sweep's file, and find the file it names this way.
     */
    static void anchor(ObjectNode experiment, Path folder) {
        JsonNode model = experiment.get("model");
        JsonNode value = model == null ? null : model.get(KEY);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            return;
        }
        try {
            if (!Path.of(value.textValue()).isAbsolute()) {
                ((ObjectNode) model).put(KEY, folder.resolve(value.textValue()).normalize().toString());
            }
        } catch (InvalidPathException e) {
            // Left as written: reading the trial refuses it with the reason.
        }
    }
}
