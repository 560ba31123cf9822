package org.djx.distribution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars inside a test, as a plugin author's build would: sources compiled with the JDK's
 * compiler against the api jar the distribution ships, then packed with {@code java.util.jar}. Nothing
 * here runs Maven, so the tests stay fast.
 */
final class PluginJars {
    /** The distribution's module path, which 'mvn verify' lays out before the tests. */
    static final Path LIB = Launcher.ROOT.resolve("distribution/target/djx/lib");

    private PluginJars() {
    }

    /** Returns the api jar djx runs with, which plugins compile against. */
    static Path apiJar() {
        try (Stream<Path> files = Files.list(LIB)) {
            return files.filter(f -> f.getFileName().toString().matches("djx-api-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no djx-api jar in " + LIB + "; 'mvn verify' lays it out"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code files} (relative path to text) under {@code root} and returns the root. */
    static Path write(Path root, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = root.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles every {@code .java} file under {@code sources} into {@code classes} with the given javac
     * options (such as {@code --module-path API} or {@code --class-path API}).
     *
     * @throws AssertionError with the compiler's output if compilation fails
     */
    static Path javac(Path sources, Path classes, String... options) {
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        args.addAll(List.of(options));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().forEach(args::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int status = compiler.run(null, log, log, args.toArray(new String[0]));
        if (status != 0) {
            throw new AssertionError("javac " + String.join(" ", args) + " failed:\n" + log.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }

    /** Copies every file under {@code from} into {@code to}, keeping relative paths, as Maven copies resources. */
    static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Packs the files under {@code classes} that {@code include} accepts (by relative path) into a jar. */
    static Path jar(Path classes, Path jar, Predicate<String> include) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest);
                    Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = classes.relativize(f).toString().replace('\\', '/');
                    if (include.test(name)) {
                        zip.putNextEntry(new JarEntry(name));
                        zip.write(Files.readAllBytes(f));
                        zip.closeEntry();
                    }
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Packs every file under {@code classes} into a jar. */
    static Path jar(Path classes, Path jar) {
        return jar(classes, jar, name -> true);
    }
}
