package org.djx.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.djx.api.DataException;
import org.djx.engine.serving.Predictions;
import org.djx.engine.serving.SavedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application's view of a saved model, from this module, which sees djx's serving package alone. The model is
 * written here by hand, in PyTorch's safetensors layout, so every prediction has a hand-computed value:
 * price = 0.5 * (x - 2) / 4 + 1 * [colour = blue] - 2 * [colour = red] + 3, a missing x counting as 0 after
 * standardizing and a colour the model never saw as neither.
 */
class EmbeddingTests {
    private static final String MODEL = """
            {"format": "djx-model", "format-version": 1, "djx-version": "0.2.0", "inputs": 3,
             "model": {"dtype": "float64", "init": {"type": "normal"}, "layers": [{"type": "linear", "outputs": 1}]},
             "data": {"target": "price", "id": "id"},
             "preprocessing": {
               "inputs": [{"name": "x", "type": "numeric"}, {"name": "colour", "type": "categorical"}],
               "steps": [
                 {"type": "standardize", "columns": {"x": {"mean": 2.0, "std": 4.0}}},
                 {"type": "fill-missing", "with": "value", "columns": {"x": 0.0}},
                 {"type": "one-hot", "dummy-na": false, "columns": {"colour": ["blue", "red"]}}],
               "features": ["x", "colour_blue", "colour_red"]},
             "target-transform": {"type": "none"},
             "weights": {"file": "model.safetensors", "sha256": "SHA256"}}
            """;

    /** Writes the safetensors file byte by byte: weight [1, 3] as PyTorch's Linear(3, 1) holds it, then the bias. */
    private static byte[] weights() {
        String header = "{\"layers.0.weight\":{\"dtype\":\"F64\",\"shape\":[1,3],\"data_offsets\":[0,24]},"
                + "\"layers.0.bias\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[24,32]}}";
        while (header.length() % 8 != 0) {
            header += " ";
        }
        ByteBuffer b = ByteBuffer.allocate(8 + header.length() + 32).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length()).put(header.getBytes(StandardCharsets.UTF_8));
        for (double v : new double[] {0.5, 1.0, -2.0, 3.0}) {
            b.putDouble(v);
        }
        return b.array();
    }

    private static Path model(Path dir) throws Exception {
        byte[] weights = weights();
        Files.write(dir.resolve("model.safetensors"), weights);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(weights));
        Files.writeString(dir.resolve("model.json"), MODEL.replace("SHA256", sha256));
        return dir;
    }

    private static final List<Map<String, String>> HOUSES = List.of(
            Map.of("id", "a", "x", "6", "colour", "red"),
            Map.of("id", "b", "x", "NA", "colour", "blue"),
            Map.of("id", "c", "x", "-2", "colour", "green"),
            Map.of("id", "d", "x", "10", "colour", ""));

    @Test
    void predictsWhatTheModelComputesByHand(@TempDir Path dir) throws Exception {
        double[] prices = new PricePredictor(model(dir)).prices(HOUSES);

        assertThat(prices).containsExactly(0.5 * 1 - 2 + 3, 1 + 3, 0.5 * -1 + 3, 0.5 * 2 + 3);
    }

    @Test
    void describesWhatItReads(@TempDir Path dir) throws Exception {
        SavedModel model = SavedModel.load(model(dir));

        assertThat(model.inputColumns()).containsExactly("x", "colour");
        assertThat(model.targetColumn()).isEqualTo("price");
        assertThat(model.idColumn()).isEqualTo("id");
        assertThat(model.classes()).isEmpty();
    }

    @Test
    void manyThreadsPredictAtOnceAndAgree(@TempDir Path dir) throws Exception {
        SavedModel model = SavedModel.load(model(dir));
        double[] expected = {1.5, 4.0, 2.5, 4.0};
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int t = 0; t < 400; t++) {
                results.add(pool.submit(() -> {
                    Predictions p = model.predict(HOUSES);
                    return new double[] {p.value(0), p.value(1), p.value(2), p.value(3)};
                }));
            }
            for (Future<double[]> f : results) {
                assertThat(f.get()).containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCellThatIsNotANumberIsRefusedWithItsRowAndColumn(@TempDir Path dir) throws Exception {
        SavedModel model = SavedModel.load(model(dir));

        assertThatThrownBy(() -> model.predict(List.of(Map.of("x", "1"))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("row 1 has no column 'colour'");
        assertThatThrownBy(() -> model.predict(List.of(Map.of("x", "twelve", "colour", "red"))))
                .isInstanceOf(DataException.class)
                .hasMessage("row 1, column 'x': 'twelve' is not a number; the model reads numbers in this column (a decimal,"
                        + " or NA or empty for a missing value)");
    }
}
