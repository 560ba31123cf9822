package org.djx.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.djx.api.DType;
import org.djx.api.DataException;
import org.djx.engine.io.PartFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsAtomicWriteTests {
    private static final Map<String, StoredTensor> ONE =
            Map.of("w", StoredTensor.of(DType.FLOAT64, new int[] {2}, new double[] {1, 2}));

    @TempDir
    Path folder;

    private List<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void leavesOnlyTheFinalFileInTheFolder() throws IOException {
        int partsBefore = PartFiles.active();

        Safetensors.write(folder.resolve("w.safetensors"), ONE, Map.of());

        assertThat(namesIn(folder)).containsExactly("w.safetensors");
        assertThat(PartFiles.active()).isEqualTo(partsBefore);
    }

    @Test
    void replacesAnExistingFileWhole() throws IOException {
        Path file = folder.resolve("w.safetensors");
        Files.write(file, new byte[10_000]);

        Safetensors.write(file, ONE, Map.of("v", "2"));

        assertThat(Safetensors.read(file).tensors()).isEqualTo(ONE);
        assertThat(namesIn(folder)).containsExactly("w.safetensors");
    }

    @Test
    void removesItsTemporaryFileWhenTheMoveFailsAndLeavesTheTargetAsItWas() throws IOException {
        // A folder that is not empty cannot be replaced by a file, so the last step fails; this works as root too.
        Path target = Files.createDirectory(folder.resolve("w.safetensors"));
        Files.writeString(target.resolve("keep.txt"), "kept");
        int partsBefore = PartFiles.active();

        assertThatThrownBy(() -> Safetensors.write(target, ONE, Map.of()))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("cannot write safetensors file " + target + ": ")
                .hasMessageEndingWith("; the file was left as it was");

        assertThat(namesIn(folder)).containsExactly("w.safetensors");
        assertThat(namesIn(target)).containsExactly("keep.txt");
        assertThat(PartFiles.active()).isEqualTo(partsBefore);
    }

    @Test
    void writesNothingWhenTheFolderIsMissing() {
        Path target = folder.resolve("missing").resolve("w.safetensors");

        assertThatThrownBy(() -> Safetensors.write(target, ONE, Map.of()))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("cannot write safetensors file " + target + ": cannot create a file beside it (")
                .hasMessageContaining("no such file or folder")
                .hasMessageEndingWith("); nothing was written");
        assertThat(folder.resolve("missing")).doesNotExist();
    }

    @Test
    void readersSeeTheOldFileOrTheNewOneAndNeverAPartOfIt() throws Exception {
        Path file = folder.resolve("w.safetensors");
        Map<String, StoredTensor> small = Map.of("w", StoredTensor.of(DType.FLOAT32, new int[] {1}, new double[] {1}));
        Map<String, StoredTensor> large = Map.of("w",
                StoredTensor.of(DType.FLOAT64, new int[] {20_000}, new java.util.Random(1).doubles(20_000).toArray()));
        Safetensors.write(file, small, Map.of());
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            try {
                while (writing.get()) {
                    Map<String, StoredTensor> seen = Safetensors.read(file).tensors();
                    if (!seen.equals(small) && !seen.equals(large)) {
                        failure.set(new AssertionError("read a mixture: " + seen));
                    }
                    reads.incrementAndGet();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        reader.start();
        for (int i = 0; i < 60; i++) {
            Safetensors.write(file, i % 2 == 0 ? large : small, Map.of());
        }
        writing.set(false);
        reader.join();

        assertThat(failure.get()).isNull();
        assertThat(reads.get()).isPositive();
        assertThat(namesIn(folder)).containsExactly("w.safetensors");
    }

    @Test
    void refusesNamesTheFormatReservesOrCannotStore() {
        StoredTensor t = StoredTensor.of(DType.FLOAT64, new int[0], new double[] {1});

        assertThatThrownBy(() -> Safetensors.write(folder.resolve("a"), Map.of("", t), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tensor name '' is not allowed; names are not empty and not __metadata__, which holds the"
                        + " metadata");
        assertThatThrownBy(() -> Safetensors.write(folder.resolve("a"), Map.of("__metadata__", t), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tensor name '__metadata__' is not allowed");
        assertThatThrownBy(() -> Safetensors.write(folder.resolve("a"), Map.of("x\uD800", t), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tensor name 'x\uD800' has a lone surrogate, which UTF-8 cannot encode");
        assertThatThrownBy(() -> Safetensors.write(folder.resolve("a"), Map.of(), Map.of("k", "\uDC00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metadata 'k' has a lone surrogate, which UTF-8 cannot encode");
        assertThat(folder.resolve("a")).doesNotExist();
    }
}
