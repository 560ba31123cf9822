package org.djx.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.djx.engine.report.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartFilesTests {
    @Test
    void anInterruptRemovesThePartsBeingWrittenAndNothingElse(@TempDir Path dir) throws Exception {
        Path download = PartFiles.track(Files.writeString(dir.resolve("house.csv.123.abc.part"), "half a fi"));
        Path extraction = PartFiles.track(Files.createDirectories(dir.resolve("data.zip.extracted.123.def.part")));
        Files.writeString(Files.createDirectories(extraction.resolve("inner")).resolve("a.csv"), "1,2");
        Path finished = Files.writeString(dir.resolve("house.csv"), "a whole file");

        PartFiles.deleteAll();

        assertThat(download).doesNotExist();
        assertThat(extraction).doesNotExist();
        assertThat(finished).hasContent("a whole file");
        assertThat(PartFiles.active()).isZero();
    }

    @Test
    void aWriteOfTheRunFolderIsTrackedOnlyWhileItLasts(@TempDir Path dir) {
        RunFolder folder = RunFolder.at(dir.resolve("run"));
        int[] during = new int[1];

        folder.write("metrics.csv", out -> {
            during[0] = PartFiles.active();
            out.write('x');
        });

        assertThat(during[0]).isEqualTo(1);
        assertThat(PartFiles.active()).isZero();
        assertThat(dir.resolve("run/.metrics.csv.part")).doesNotExist();
    }
}
