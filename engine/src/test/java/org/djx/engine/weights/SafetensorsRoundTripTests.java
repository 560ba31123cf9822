package org.djx.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.djx.api.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsRoundTripTests {
    @TempDir
    Path folder;

    private StoredWeights roundTrip(Map<String, StoredTensor> tensors, Map<String, String> metadata) {
        Path file = folder.resolve("w.safetensors");
        Safetensors.write(file, tensors, metadata);
        return Safetensors.read(file);
    }

    private static double[] randomFloats(Random random, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    @Test
    void readsBackF32AndF64TensorsWithTheirValuesBitForBit() {
        Random random = new Random(7);
        double[] f64 = new double[12];
        for (int i = 0; i < f64.length; i++) {
            f64[i] = random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
        }
        Map<String, StoredTensor> tensors = new LinkedHashMap<>();
        tensors.put("layer-0/weight", StoredTensor.of(DType.FLOAT32, new int[] {3, 4}, randomFloats(random, 12)));
        tensors.put("layer-0/bias", StoredTensor.of(DType.FLOAT64, new int[] {2, 2, 3}, f64));

        StoredWeights read = roundTrip(tensors, Map.of());

        assertThat(read.tensors()).containsExactlyEntriesOf(tensors);
    }

    @Test
    void keepsNanInfinitiesSignedZerosAndSubnormalsAsData() {
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE,
                Double.MAX_VALUE};
        double[] specialFloats = {Float.NaN, Float.POSITIVE_INFINITY, -0.0f, Float.MIN_VALUE, Float.MAX_VALUE, 0.1f};
        Map<String, StoredTensor> tensors = new LinkedHashMap<>();
        tensors.put("f64", StoredTensor.of(DType.FLOAT64, new int[] {6}, special));
        tensors.put("f32", StoredTensor.of(DType.FLOAT32, new int[] {6}, specialFloats));

        StoredWeights read = roundTrip(tensors, Map.of());

        assertThat(read.tensors()).containsExactlyEntriesOf(tensors);
        assertThat(1 / read.tensors().get("f64").values()[3]).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void storesScalarsAsShapeEmptyAndEmptyTensorsAsZeroBytes() throws IOException {
        Map<String, StoredTensor> tensors = new LinkedHashMap<>();
        tensors.put("empty-before", StoredTensor.of(DType.FLOAT32, new int[] {0}, new double[0]));
        tensors.put("scalar", StoredTensor.of(DType.FLOAT64, new int[0], new double[] {42.5}));
        tensors.put("empty-after", StoredTensor.of(DType.FLOAT64, new int[] {2, 0, 3}, new double[0]));
        tensors.put("empty-again", StoredTensor.of(DType.FLOAT32, new int[] {0, 0}, new double[0]));

        StoredWeights read = roundTrip(tensors, Map.of());

        assertThat(read.tensors()).containsExactlyEntriesOf(tensors);
        assertThat(read.tensors().get("scalar").size()).isEqualTo(1);
        String header = header(Files.readAllBytes(folder.resolve("w.safetensors")));
        assertThat(header).contains("\"scalar\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[0,8]}")
                .contains("\"empty-after\":{\"dtype\":\"F64\",\"shape\":[2,0,3],\"data_offsets\":[8,8]}");
    }

    @Test
    void keepsTheCallersOrderOfTensorsAndMetadata() {
        Map<String, StoredTensor> tensors = new LinkedHashMap<>();
        for (String name : new String[] {"zeta", "alpha", "mu", "beta"}) {
            tensors.put(name, StoredTensor.of(DType.FLOAT32, new int[] {1}, new double[] {name.length()}));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("z", "last letter");
        metadata.put("a", "first letter");

        StoredWeights read = roundTrip(tensors, metadata);

        assertThat(read.tensors().keySet()).containsExactly("zeta", "alpha", "mu", "beta");
        assertThat(read.metadata()).containsExactlyEntriesOf(metadata);
    }

    @Test
    void readsBackMetadataAndNamesWithQuotesControlCharactersAndNonAsciiText() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put("config", "{\"lr\": 0.1,\n\t\"name\": \"d2l\\\\x\"}");
        metadata.put("", "an empty key is allowed");
        metadata.put("émoji", "😀 ∑ \u0001 \u007f");
        Map<String, StoredTensor> tensors = new LinkedHashMap<>();
        tensors.put("the \"quoted\" / weight\n", StoredTensor.of(DType.FLOAT64, new int[] {1}, new double[] {1}));
        tensors.put("poids-é-😀", StoredTensor.of(DType.FLOAT64, new int[] {1}, new double[] {2}));

        StoredWeights read = roundTrip(tensors, metadata);

        assertThat(read.metadata()).containsExactlyEntriesOf(metadata);
        assertThat(read.tensors()).containsExactlyEntriesOf(tensors);
    }

    @Test
    void padsTheHeaderWithSpacesToAMultipleOfEightSoThatTheDataIsAligned() throws IOException {
        for (int nameLength = 1; nameLength <= 16; nameLength++) {
            String name = "w".repeat(nameLength);
            Path file = folder.resolve(name + ".safetensors");
            Safetensors.write(file, Map.of(name, StoredTensor.of(DType.FLOAT64, new int[] {1}, new double[] {3})), Map.of());
            byte[] bytes = Files.readAllBytes(file);

            long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertThat(headerLength % 8).as("header length for a name of %d characters", nameLength).isZero();
            String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
            String json = header.stripTrailing();
            assertThat(json).endsWith("}");
            assertThat(header.substring(json.length())).matches(" {0,7}");
            assertThat(bytes).hasSize(8 + (int) headerLength + 8);
        }
    }

    @Test
    void writesAndReadsAFileWithoutTensorsOrMetadata() {
        StoredWeights read = roundTrip(Map.of(), Map.of());

        assertThat(read.tensors()).isEmpty();
        assertThat(read.metadata()).isEmpty();
    }

    @Test
    void readsTensorsLargerThanOneChunkOfTheReader() {
        Random random = new Random(3);
        int n = 3 * (1 << 14) + 5;
        Map<String, StoredTensor> tensors = new LinkedHashMap<>();
        tensors.put("odd", StoredTensor.of(DType.FLOAT32, new int[] {3}, randomFloats(random, 3)));
        tensors.put("big32", StoredTensor.of(DType.FLOAT32, new int[] {n}, randomFloats(random, n)));
        tensors.put("big64", StoredTensor.of(DType.FLOAT64, new int[] {5, n}, random.doubles(5L * n).toArray()));

        assertThat(roundTrip(tensors, Map.of()).tensors()).containsExactlyEntriesOf(tensors);
    }

    private static String header(byte[] file) {
        int length = (int) ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return new String(file, 8, length, StandardCharsets.UTF_8);
    }
}
