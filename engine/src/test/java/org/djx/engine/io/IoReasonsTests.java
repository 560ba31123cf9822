package org.djx.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.djx.api.ConfigurationException;
import org.djx.engine.report.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoReasonsTests {
    @Test
    void aMissingFileIsSaidToBeMissingOnce(@TempDir Path dir) {
        Path missing = dir.resolve("gone.json");
        IOException e = catchThrowableOfType(IOException.class, () -> Files.readString(missing));

        assertThat(IoReasons.of(e)).isEqualTo(missing + ": no such file or folder");
    }

    @Test
    void theOperatingSystemsReasonIsKept() {
        FileSystemException full = new FileSystemException("/runs/x/metrics.csv", null, "No space left on device");

        assertThat(IoReasons.of(full)).isEqualTo("/runs/x/metrics.csv: No space left on device");
        assertThat(IoReasons.of(new IOException("Stream closed"))).isEqualTo("Stream closed");
    }

    @Test
    void anOutputFolderBelowAFileGivesTheOperatingSystemsReason(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> RunFolder.at(file.resolve("run")));

        // The path is named once, with the reason after it.
        assertThat(e.getMessage()).isEqualTo("cannot create the output folder " + file.resolve("run") + ": Not a directory");
    }
}
