package org.djx.engine.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.djx.api.DType;
import org.djx.api.data.DataContext;
import org.djx.engine.data.FilesOnly;
import org.djx.engine.json.InvalidDocumentException;
import org.djx.engine.report.RunFolder;
import org.djx.engine.report.RunResult;
import org.djx.engine.run.ExperimentRunner;
import org.djx.engine.tensor.CpuKernels;
import org.djx.engine.weights.Safetensors;
import org.djx.engine.weights.StoredTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * weights-from in the tabular tasks, whose width the data decides: the file is read when the experiment is, its shapes
 * are checked once the data is preprocessed, and every fold and the final fit start from it.
 */
class WeightsFromTabularTests {
    /** Two numeric features, so the linear model's weight is [1, 2] in PyTorch's layout. */
    private static DataContext generate(Path dir) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder train = new StringBuilder("Id,Area,Rooms,SalePrice\n");
        StringBuilder test = new StringBuilder("Id,Area,Rooms\n");
        for (int i = 1; i <= 65; i++) {
            double area = 500 + random.nextDouble() * 2000;
            int rooms = 1 + random.nextInt(6);
            double price = 20 + 0.06 * area + 5 * rooms + random.nextGaussian() * 5;
            (i <= 60 ? train : test).append(i).append(',').append(String.format(Locale.ROOT, "%.1f", area)).append(',').append(rooms);
            if (i <= 60) {
                train.append(',').append(String.format(Locale.ROOT, "%.2f", price));
            }
            (i <= 60 ? train : test).append('\n');
        }
        Files.writeString(dir.resolve("train.csv"), train, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("test.csv"), test, StandardCharsets.UTF_8);
        Map<String, Path> files = Map.of("kaggle_house_train", dir.resolve("train.csv"), "kaggle_house_test", dir.resolve("test.csv"));
        return FilesOnly.of(files::get);
    }

    private static Path experiment(Path dir, String task, int seed, String weightsFrom) throws IOException {
        String json = """
                {"task": "TASK", "seed": SEED,
                 "dataset": {"type": "kaggle-house"},
                 "preprocessing": {"steps": [{"type": "standardize"}, {"type": "fill-missing"}]},
                 "model": {WEIGHTS"layers": [{"type": "linear", "outputs": 1}]},
                 "loss": {"type": "mse"},
                 "optimizer": {"type": "sgd", "lr": 0.05},
                 "training": {"epochs": 5, "batch-size": 16, "shuffle": false}VALIDATION}
                """.replace("TASK", task).replace("SEED", String.valueOf(seed))
                .replace("WEIGHTS", weightsFrom == null ? "" : "\"weights-from\": \"" + weightsFrom + "\", ")
                .replace("VALIDATION", task.equals("k-fold") ? ", \"validation\": {\"folds\": 3}" : "");
        return Files.writeString(dir.resolve(task + "-" + seed + ".json"), json);
    }

    private static void writeWeights(Path file, int features) {
        Map<String, StoredTensor> tensors = new LinkedHashMap<>();
        double[] w = new double[features];
        for (int i = 0; i < features; i++) {
            w[i] = 0.25 * (i + 1);
        }
        tensors.put("layers.0.weight", StoredTensor.of(DType.FLOAT64, new int[] {1, features}, w));
        tensors.put("layers.0.bias", StoredTensor.of(DType.FLOAT64, new int[] {1}, new double[] {100}));
        Safetensors.write(file, tensors, Map.of());
    }

    private static RunResult run(Path file, DataContext data, Path out) {
        return new ExperimentRunner(CpuKernels::new, line -> { }, data).run(Experiments.reader().read(file),
                out == null ? null : RunFolder.at(out));
    }

    @Test
    void everyFoldStartsFromTheFileWhateverTheSeed(@TempDir Path dir) throws IOException {
        DataContext data = generate(dir);
        writeWeights(dir.resolve("init.safetensors"), 2);

        Map<String, Double> one = run(experiment(dir, "k-fold", 1, "init.safetensors"), data, null).metrics();
        Map<String, Double> two = run(experiment(dir, "k-fold", 2, "init.safetensors"), data, null).metrics();

        // The seed only draws the initial weights here (no shuffle, contiguous folds), and the file replaces the draws.
        assertThat(one).isEqualTo(two);
        assertThat(run(experiment(dir, "k-fold", 1, null), data, null).metrics())
                .isNotEqualTo(run(experiment(dir, "k-fold", 2, null), data, null).metrics());
    }

    @Test
    void theFinalFitStartsFromTheFileWhateverTheSeed(@TempDir Path dir) throws IOException {
        DataContext data = generate(dir);
        writeWeights(dir.resolve("init.safetensors"), 2);

        run(experiment(dir, "submission", 1, "init.safetensors"), data, dir.resolve("one"));
        run(experiment(dir, "submission", 2, "init.safetensors"), data, dir.resolve("two"));

        assertThat(Files.readAllBytes(dir.resolve("two/model.safetensors"))).isEqualTo(Files.readAllBytes(dir.resolve("one/model.safetensors")));
        assertThat(Files.readString(dir.resolve("two/submission.csv"))).isEqualTo(Files.readString(dir.resolve("one/submission.csv")));
    }

    @Test
    void aFileOfAnotherWidthIsRefusedAtItsKeyOnceTheDataDecidesTheWidth(@TempDir Path dir) throws IOException {
        DataContext data = generate(dir);
        writeWeights(dir.resolve("init.safetensors"), 3);
        Path file = experiment(dir, "k-fold", 1, "init.safetensors");

        // Validation cannot know the width: the file exists and is read.
        Experiments.reader().read(file);
        assertThatThrownBy(() -> run(file, data, null)).isInstanceOf(InvalidDocumentException.class)
                .hasMessage(file + ":4:28: at $.model.weights-from: init.safetensors: the tensor 'layers.0.weight' has the shape"
                        + " [1, 3], but the model's parameter has [1, 2] ([outputs, inputs], as PyTorch stores a linear layer's"
                        + " weight)");
    }

    @Test
    void aMissingFileIsRefusedBeforeTheDataIsRead(@TempDir Path dir) throws IOException {
        Path file = experiment(dir, "submission", 1, "init.safetensors");

        assertThatThrownBy(() -> Experiments.reader().read(file)).isInstanceOf(InvalidDocumentException.class)
                .hasMessageStartingWith(file + ":4:28: at $.model.weights-from: the weights file 'init.safetensors' (")
                .hasMessageContaining("does not exist");
    }
}
