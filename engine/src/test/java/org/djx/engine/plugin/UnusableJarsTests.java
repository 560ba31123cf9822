package org.djx.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jars that cannot be used are told apart: one that cannot be read (with the operating system's
 * reason), one that is no zip archive at all, one cut short, and a folder where a jar should be.
 */
class UnusableJarsTests {
    @TempDir
    Path plugins;

    /** Writes a small but valid jar of {@code size} bytes of payload and returns its path. */
    private static Path jar(Path path, int size) throws IOException {
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry("data.bin"));
            byte[] payload = new byte[size];
            for (int i = 0; i < size; i++) {
                payload[i] = (byte) (i * 31 + i / 7);
            }
            zip.write(payload);
            zip.closeEntry();
        }
        return path;
    }

    private PluginProblem onlyProblem() {
        PluginRegistry registry = PluginLoader.load(java.util.List.of(plugins));
        assertThat(registry.all()).as("the built-ins still load").hasSize(PluginLoader.load(java.util.List.of()).all().size());
        assertThat(registry.problems()).hasSize(1);
        return registry.problems().get(0);
    }

    @Test
    void aJarCutShortIsReportedAsTruncatedNotAsSomethingElse() throws IOException {
        Path whole = jar(plugins.resolve("whole.tmp"), 4000);
        byte[] bytes = Files.readAllBytes(whole);
        Files.delete(whole);
        Path cut = Files.write(plugins.resolve("cut.jar"), Arrays.copyOf(bytes, bytes.length / 2));

        PluginProblem p = onlyProblem();

        assertThat(p.source()).isEqualTo(cut.toString());
        assertThat(p.reason()).isEqualTo("is truncated or damaged: it begins as a zip archive, but its table of contents,"
                + " which a zip archive keeps at its end, cannot be read (zip END header not found), as when a download or"
                + " a copy stopped early; download or build the jar again; the plugin was not loaded");
    }

    @Test
    void aFileThatIsNoZipArchiveQuotesHowItBegins() throws IOException {
        Path page = Files.writeString(plugins.resolve("page.jar"), "<!DOCTYPE html>\n<html><body>404</body></html>\n");

        PluginProblem p = onlyProblem();

        assertThat(p.source()).isEqualTo(page.toString());
        assertThat(p.reason()).startsWith("is not a zip archive (it begins with '<!DOCTYPE html> <html><b...'); a plugin jar"
                + " is one zip archive");
    }

    @Test
    void binaryContentIsQuotedAsBytes() throws IOException {
        Files.write(plugins.resolve("elf.jar"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});

        assertThat(onlyProblem().reason()).startsWith("is not a zip archive (it begins with the bytes 7f 45 4c 46 02 01 01 00);");
    }

    @Test
    void anEmptyFileIsReportedAsEmpty() throws IOException {
        Files.createFile(plugins.resolve("empty.jar"));

        assertThat(onlyProblem().reason()).startsWith("is empty (0 bytes); a plugin jar is one zip archive");
    }

    @Test
    void aFolderNamedLikeAJarInAPluginsFolderIsReportedAsAFolder() throws IOException {
        Path folder = Files.createDirectory(plugins.resolve("unpacked.jar"));
        Files.writeString(folder.resolve("README.txt"), "an unpacked jar, say");

        PluginProblem p = onlyProblem();

        assertThat(p.source()).isEqualTo(folder.toString());
        assertThat(p.reason()).isEqualTo("is a folder, not a jar file; a plugin jar is one zip archive, as 'jar' or Maven"
                + " builds it: replace the folder with the plugin's jar, or remove it; the plugin was not loaded");
    }

    @Test
    void aFolderNamedLikeAJarOnThePluginPathItselfIsReportedAsAFolder() throws IOException {
        Path folder = Files.createDirectory(plugins.resolve("given.jar"));

        PluginRegistry registry = PluginLoader.load(java.util.List.of(folder));

        assertThat(registry.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo(folder.toString());
            assertThat(p.reason()).startsWith("is a folder, not a jar file;");
        });
    }

    @Test
    void aFolderNamedLikeAJarInsideAPluginFolderIsNamedWithTheFolder() throws IOException {
        Path plugin = Files.createDirectory(plugins.resolve("my-plugin"));
        jar(plugin.resolve("library.jar"), 10);
        Files.createDirectory(plugin.resolve("main.jar"));

        PluginProblem p = onlyProblem();

        assertThat(p.source()).isEqualTo(plugin.toString());
        assertThat(p.reason()).startsWith("holds main.jar, which is a folder, not a jar file;");
    }

    @Test
    void aLinkToAJarThatIsGoneIsReportedAsSuch() throws IOException {
        Path target = plugins.resolve("moved-away.jar.bak");
        Files.createSymbolicLink(plugins.resolve("link.jar"), target);

        assertThat(onlyProblem().reason()).startsWith("is a symbolic link to " + target + ", which does not exist;");
    }

    @Test
    void aJarWithoutReadPermissionIsReportedAsUnreadableWithTheReason() throws IOException {
        // Root reads whatever the permissions say, so the case exists only for other users.
        assumeFalse("root".equals(System.getProperty("user.name")), "root can read a file with mode 000");
        Path locked = jar(plugins.resolve("locked.jar"), 10);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            PluginProblem p = onlyProblem();

            assertThat(p.source()).isEqualTo(locked.toString());
            assertThat(p.reason()).isEqualTo("cannot be read: permission denied; make it readable for the user djx runs as"
                    + " (for example chmod a+r FILE), or remove it; the plugin was not loaded");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
