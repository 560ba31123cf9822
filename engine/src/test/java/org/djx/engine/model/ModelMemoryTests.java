package org.djx.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.djx.engine.json.InvalidDocumentException;
import org.djx.engine.json.Problem;
import org.djx.engine.tasks.Experiments;
import org.junit.jupiter.api.Test;

/**
 * A model whose parameters cannot fit the heap is refused at validation, with its size, the layer that asks and
 * how to give the JVM more, before anything is allocated: never a raw OutOfMemoryError.
 */
class ModelMemoryTests {
    private static final long HEAP = Runtime.getRuntime().maxMemory();
    /** A width whose 1 x N float64 weight and gradient take twice the whole heap (for a heap up to 32 GiB). */
    private static final int TWICE_THE_HEAP = (int) Math.min(Integer.MAX_VALUE - 1, HEAP / 8);

    private static List<Problem> problems(String json) {
        return catchThrowableOfType(InvalidDocumentException.class, () -> Experiments.read("big.json", json)).problems();
    }

    private static String train(String layers) {
        return """
                {"task": "train", "model": {"inputs": 1, "layers": [LAYERS]},
                 "data": {"inputs": [[1], [2]], "targets": [[2], [4]]},
                 "loss": {"type": "mse"}, "optimizer": {"type": "sgd", "lr": 0.1}, "training": {"epochs": 2}}
                """.replace("LAYERS", layers);
    }

    @Test
    void aLayerWiderThanTheHeapIsRefusedWithItsSize() {
        // Beyond a 32 GiB heap one row of 2^31-1 values fits, and this case would test nothing.
        org.junit.jupiter.api.Assumptions.assumeTrue(HEAP / 8 < Integer.MAX_VALUE - 1, "a heap of at most 32 GiB");
        List<Problem> problems = problems(train("{\"type\": \"linear\", \"outputs\": " + TWICE_THE_HEAP + "}, "
                + "{\"type\": \"linear\", \"outputs\": 1}"));

        assertThat(problems).hasSize(1);
        String message = problems.get(0).message();
        assertThat(message).startsWith("layer 'linear' at $.model.layers[0] asks for a parameter 'weight' of 1 x "
                + TWICE_THE_HEAP + " float64 values: with its gradient ").contains("DJX_JAVA_OPTS=-Xmx")
                .contains("\"dtype\": \"float32\"");
        // The size said is the value and gradient, 16 bytes per weight, as the heap is counted.
        assertThat(mebibytes(message, "with its gradient ")).isCloseTo(16.0 * TWICE_THE_HEAP / (1 << 20),
                org.assertj.core.data.Percentage.withPercentage(5));
        assertThat(mebibytes(message, "the heap holds at most ")).isCloseTo(HEAP / (double) (1 << 20),
                org.assertj.core.data.Percentage.withPercentage(1));
    }

    @Test
    void aTensorOfMoreValuesThanAnArrayHoldsIsRefusedToo() {
        List<Problem> problems = problems(train("{\"type\": \"linear\", \"outputs\": 50000}, "
                + "{\"type\": \"linear\", \"outputs\": 50000}, {\"type\": \"linear\", \"outputs\": 1}"));

        assertThat(problems).singleElement().extracting(Problem::message).asString()
                .startsWith("layer 'linear' at $.model.layers[1] asks for a parameter 'weight' of 50000 x 50000 float64")
                .contains("one tensor holds at most 2^31-1 values").contains("no heap holds a tensor this large")
                .doesNotContain("-Xmx");
    }

    @Test
    void aTabularModelTooLargeForAnyWidthIsRefusedAtValidation() {
        org.junit.jupiter.api.Assumptions.assumeTrue(HEAP / 8 < Integer.MAX_VALUE - 1, "a heap of at most 32 GiB");
        // The data decides the first layer's width, so validation stands in one feature: too large with it is too large.
        List<Problem> problems = problems("""
                {"task": "k-fold", "dataset": {"type": "kaggle-house"},
                 "preprocessing": {"steps": [{"type": "standardize"}, {"type": "fill-missing"}, {"type": "one-hot"}]},
                 "model": {"layers": [{"type": "linear", "outputs": WIDTH}, {"type": "linear", "outputs": 1}]},
                 "loss": {"type": "mse"}, "optimizer": {"type": "adam"}, "training": {"epochs": 1},
                 "validation": {"folds": 2}}
                """.replace("WIDTH", Integer.toString(TWICE_THE_HEAP)));

        assertThat(problems).singleElement().extracting(Problem::message).asString()
                .startsWith("layer 'linear' at $.model.layers[0] asks for a parameter 'weight' of 1 x " + TWICE_THE_HEAP);
    }

    private static double mebibytes(String message, String after) {
        Matcher m = Pattern.compile(Pattern.quote(after) + "([0-9.]+) (MiB|GiB)").matcher(message);
        assertThat(m.find()).as("a size after '%s' in %s", after, message).isTrue();
        return Double.parseDouble(m.group(1)) * (m.group(2).equals("GiB") ? 1024 : 1);
    }
}
