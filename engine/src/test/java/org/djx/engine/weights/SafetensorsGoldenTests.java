package org.djx.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.djx.engine.weights.HandMadeFiles.concat;
import static org.djx.engine.weights.HandMadeFiles.doubles;
import static org.djx.engine.weights.HandMadeFiles.floats;
import static org.djx.engine.weights.HandMadeFiles.lengthPrefix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.djx.api.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files byte for byte as the reference implementation (huggingface/safetensors) writes them, built here by hand:
 * compact JSON, {@code __metadata__} first, entry keys in the order dtype, shape, data_offsets, spaces up to a
 * multiple of 8. djx reads each, and for one tensor (or tensors given in the reference's order: by type, widest
 * first, then by name) writes the same bytes.
 */
class SafetensorsGoldenTests {
    @TempDir
    Path folder;

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private Path save(String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }

    private byte[] written(Map<String, StoredTensor> tensors, Map<String, String> metadata) throws IOException {
        Path file = folder.resolve("djx.safetensors");
        Safetensors.write(file, tensors, metadata);
        return Files.readAllBytes(file);
    }

    @Test
    void readsAndWritesOneF32VectorAsTheReferenceDoes() throws IOException {
        String json = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        assertThat(json).hasSize(54);
        byte[] reference = concat(lengthPrefix(56), ascii(json), ascii("  "),
                new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, 0, 0x40});

        StoredWeights read = Safetensors.read(save("a.safetensors", reference));

        assertThat(read.tensors()).containsOnlyKeys("a");
        assertThat(read.tensors().get("a").dtype()).isEqualTo(DType.FLOAT32);
        assertThat(read.tensors().get("a").shape()).containsExactly(2);
        assertThat(read.tensors().get("a").values()).containsExactly(1.0, 2.0);
        assertThat(read.metadata()).isEmpty();
        assertThat(written(read.tensors(), read.metadata())).isEqualTo(reference);
    }

    @Test
    void matchesTheReferenceTestVectorOfAFourDimensionalTensorPaddedBySevenSpaces() throws IOException {
        // The reference's own test "forced alignment": 65 bytes of JSON padded to 72.
        String json = "{\"attn0\":{\"dtype\":\"F32\",\"shape\":[1,1,2,3],\"data_offsets\":[0,24]}}";
        byte[] reference = concat(new byte[] {72, 0, 0, 0, 0, 0, 0, 0}, ascii(json), ascii("       "),
                floats(0, 1, 2, 3, 4, 5));

        StoredWeights read = Safetensors.read(save("attn.safetensors", reference));

        StoredTensor attn = read.tensors().get("attn0");
        assertThat(attn.shape()).containsExactly(1, 1, 2, 3);
        assertThat(attn.values()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(written(read.tensors(), Map.of())).isEqualTo(reference);
    }

    @Test
    void matchesTheReferenceTestVectorsOfFilesWithoutTensors() throws IOException {
        byte[] empty = concat(new byte[] {8, 0, 0, 0, 0, 0, 0, 0}, ascii("{}      "));
        byte[] withMetadata = concat(new byte[] {40, 0, 0, 0, 0, 0, 0, 0},
                ascii("{\"__metadata__\":{\"framework\":\"pt\"}}     "));

        assertThat(Safetensors.read(save("empty.safetensors", empty)).tensors()).isEmpty();
        assertThat(Safetensors.read(save("meta.safetensors", withMetadata)).metadata())
                .containsExactly(Map.entry("framework", "pt"));
        assertThat(written(Map.of(), Map.of())).isEqualTo(empty);
        assertThat(written(Map.of(), Map.of("framework", "pt"))).isEqualTo(withMetadata);
    }

    @Test
    void writesTheReferenceBytesWhenTensorsComeInTheReferenceOrderAndKeepsTheCallersOrderOtherwise() throws IOException {
        // The reference sorts by type, widest first, then by name: F64 'b' before F32 'a'.
        String json = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"b\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[0,8]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[2,1],\"data_offsets\":[8,16]}}";
        byte[] reference = HandMadeFiles.file(json, concat(doubles(0.1), floats(-1.5f, 3.25f)));
        StoredTensor b = StoredTensor.of(DType.FLOAT64, new int[0], new double[] {0.1});
        StoredTensor a = StoredTensor.of(DType.FLOAT32, new int[] {2, 1}, new double[] {-1.5, 3.25});

        StoredWeights read = Safetensors.read(save("two.safetensors", reference));
        assertThat(read.tensors()).containsExactly(Map.entry("b", b), Map.entry("a", a));
        assertThat(read.metadata()).containsExactly(Map.entry("format", "pt"));

        Map<String, StoredTensor> referenceOrder = new LinkedHashMap<>();
        referenceOrder.put("b", b);
        referenceOrder.put("a", a);
        assertThat(written(referenceOrder, Map.of("format", "pt"))).isEqualTo(reference);

        Map<String, StoredTensor> callersOrder = new LinkedHashMap<>();
        callersOrder.put("a", a);
        callersOrder.put("b", b);
        Safetensors.write(folder.resolve("callers.safetensors"), callersOrder, Map.of());
        assertThat(Safetensors.read(folder.resolve("callers.safetensors")).tensors())
                .containsExactly(Map.entry("a", a), Map.entry("b", b));
    }

    @Test
    void returnsTensorsInTheOrderOfTheirDataWhateverTheHeaderOrder() throws IOException {
        // Older writers listed entries by name whatever their place in the buffer.
        String json = "{" + HandMadeFiles.entry("a", "F32", "[1]", 4, 8) + "," + HandMadeFiles.entry("z", "F32", "[1]", 0, 4)
                + "}";
        StoredWeights read = Safetensors.read(save("order.safetensors", HandMadeFiles.file(json, floats(26, 1))));

        assertThat(read.tensors().keySet()).containsExactly("z", "a");
        assertThat(read.tensors().get("a").values()).containsExactly(1.0);
        assertThat(read.tensors().get("z").values()).containsExactly(26.0);
    }
}
