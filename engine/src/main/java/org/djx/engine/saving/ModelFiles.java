package org.djx.engine.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.djx.api.spi.ConfigValues;
import org.djx.engine.io.Digests;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginOrigin;
import org.djx.engine.model.StateDict;
import org.djx.engine.report.RunFolder;
import org.djx.engine.spec.ComponentSpec;
import org.djx.engine.spec.LayerSpec;
import org.djx.engine.spec.ModelSpec;

import org.djx.engine.weights.Safetensors;

/**
 * A trained model in a folder: {@code model.safetensors}, the weights in the safetensors format under PyTorch's
 * names and layout, and {@code model.json}, everything else a prediction needs (the architecture with its plugins'
 * names and versions, what preprocessing fitted, the target transform, the classes, the SHA-256 of the weights).
 */
public final class ModelFiles {
    /** The file of everything but the weights. */
    public static final String DESCRIPTION = "model.json";
    /** The file of the weights. */
    public static final String WEIGHTS = "model.safetensors";
    /** The version of model.json's layout this djx writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The key of model.json's data section that says which predictions are valid; absent from older files. */
    public static final String TARGET_RULE = "target-rule";

    private ModelFiles() {
    }

    /** Writes the model's two files into {@code folder}, the weights first, each atomically. */
    public static void write(RunFolder folder, TrainedModel model) {
        Path weights = folder.path().resolve(WEIGHTS);
        // In this order in every JVM (Map.of's order is not): the same model is the same bytes.
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put("producer", "djx");
        Safetensors.write(weights, StateDict.of(model.network()), metadata);
        String sha256;
        try {
            sha256 = Digests.sha256(weights);
        } catch (IOException e) {
            throw new org.djx.api.DataException("cannot read back " + weights + ": " + e.getMessage(), e);
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "djx-model").put("format-version", FORMAT_VERSION)
                .put("djx-version", PluginOrigin.of(ModelFiles.class).version());
        root.put("inputs", model.network().inputs());
        root.set("model", modelSection(model.spec()));
        ArrayNode plugins = root.putArray("plugins");
        for (PluginDescriptor d : plugins(model.spec())) {
            plugins.addObject().put("kind", d.kind().label()).put("name", d.name()).put("module", d.origin().module())
                    .put("version", d.origin().version());
        }
        ObjectNode data = root.putObject("data").put("target", model.targetColumn());
        if (model.idColumn() != null) {
            data.put("id", model.idColumn());
        }
        if (!model.classes().isEmpty()) {
            ArrayNode classes = data.putArray("classes");
            model.classes().forEach(classes::add);
        } else {
            // A regression's predictions are held to its data's rule, as the run's own submission was.
            data.putObject(TARGET_RULE).put("positive", model.targetRule().requiresPositive())
                    .put("description", model.targetRule().describe());
        }
        root.set("preprocessing", PreprocessingJson.write(model.preprocessing()));
        root.set("target-transform", PreprocessingJson.write(model.target()));
        root.putObject("weights").put("file", WEIGHTS).put("sha256", sha256);
        try {
            folder.writeText(DESCRIPTION, JSON.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    /** Returns the model section as a file would write it, every default filled in. */
    static ObjectNode modelSection(ModelSpec spec) {
        ObjectNode model = JSON.createObjectNode();
        model.put("dtype", spec.dtype().label());
        model.set("init", component(spec.init()));
        ArrayNode layers = model.putArray("layers");
        for (LayerSpec layer : spec.layers()) {
            ObjectNode l = component(layer.layer());
            if (layer.label() != null) {
                l.put("name", layer.label());
            }
            if (layer.init() != null) {
                l.set("init", component(layer.init()));
            }
            layers.add(l);
        }
        return model;
    }

    private static ObjectNode component(ComponentSpec c) {
        ObjectNode node = JSON.createObjectNode().put("type", c.type());
        Map<String, Object> values = c.config() instanceof ConfigValues v ? v.values() : new LinkedHashMap<>();
        values.forEach((key, value) -> node.set(key, JSON.valueToTree(value)));
        return node;
    }

    private static Set<PluginDescriptor> plugins(ModelSpec spec) {
        Set<PluginDescriptor> used = new LinkedHashSet<>();
        used.add(spec.init().plugin());
        for (LayerSpec layer : spec.layers()) {
            used.add(layer.layer().plugin());
            if (layer.init() != null) {
                used.add(layer.init().plugin());
            }
        }
        return used;
    }

    /** Reads model.json of {@code folder} as a tree; the caller checks its content. */
    static JsonNode readDescription(Path folder) throws IOException {
        return JSON.readTree(Files.readString(folder.resolve(DESCRIPTION), StandardCharsets.UTF_8));
    }
}
