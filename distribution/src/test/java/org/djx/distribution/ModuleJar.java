package org.djx.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a built jar declares about itself: its module descriptor, and the providers its
 * {@code META-INF/services} files list (by service, in file order).
 *
 * @param source       the jar, or a label for a hand-made descriptor
 * @param descriptor   the module-info, or the descriptor Java derives for a jar without one
 * @param serviceFiles the provider class names of each {@code META-INF/services} file, by service
 */
record ModuleJar(String source, ModuleDescriptor descriptor, Map<String, List<String>> serviceFiles) {
    ModuleJar {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(descriptor, "descriptor");
        serviceFiles = Map.copyOf(serviceFiles);
    }

    /** The prefix of the file names of djx's own jars in the distribution's {@code lib} folder. */
    static final String DJX_JAR_PREFIX = "djx-";

    private static final String SERVICES = "META-INF/services/";

    String name() {
        return descriptor.name();
    }

    boolean isPlugin() {
        return name().startsWith("org.djx.plugins.");
    }

    /** Reads every djx jar ({@code djx-*.jar}) in {@code folder}, sorted by file name. */
    static List<ModuleJar> readDjxJars(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(DJX_JAR_PREFIX))
                    .filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .map(ModuleJar::read)
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** Reads one jar's module descriptor and service files. */
    static ModuleJar read(Path jar) {
        Set<ModuleReference> modules = ModuleFinder.of(jar).findAll();
        if (modules.size() != 1) {
            throw new IllegalStateException(jar + " holds " + modules.size() + " modules instead of one");
        }
        ModuleDescriptor descriptor = modules.iterator().next().descriptor();
        Map<String, List<String>> serviceFiles = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!entry.isDirectory() && name.startsWith(SERVICES) && name.length() > SERVICES.length()) {
                    try (BufferedReader reader = new BufferedReader(
                            new InputStreamReader(file.getInputStream(entry), StandardCharsets.UTF_8))) {
                        serviceFiles.put(name.substring(SERVICES.length()), providerLines(reader.lines()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        return new ModuleJar(jar.toString(), descriptor, serviceFiles);
    }

    /** Returns the class names of a service file: comments after '#' and blank lines dropped. */
    static List<String> providerLines(Stream<String> lines) {
        List<String> providers = new ArrayList<>();
        lines.map(line -> line.indexOf('#') < 0 ? line : line.substring(0, line.indexOf('#')))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .forEach(providers::add);
        return providers;
    }
}
