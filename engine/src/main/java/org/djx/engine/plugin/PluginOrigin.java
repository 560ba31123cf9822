package org.djx.engine.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.InvalidModuleDescriptorException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Objects;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Where a plugin class came from: its module, the module's version, the jar or folder, the version of
 * the api it was compiled against, and whether it was dropped in rather than shipped with djx.
 *
 * @param module       the module name, or {@code (class path)} for the unnamed module
 * @param version      the module or jar version, or {@code unknown}
 * @param location     the jar or folder path, or {@code unknown}
 * @param builtAgainst the version of {@code org.djx.api} recorded in the module's {@code requires} when
 *                     it was compiled (read from the jar's module-info.class also when the class came from
 *                     the class path), or {@code unknown} (a plain jar records none)
 * @param droppedIn    whether the class lives in a plugin layer of its own, that is, it came from a
 *                     plugin folder rather than from djx's own module path
 */
public record PluginOrigin(String module, String version, String location, String builtAgainst, boolean droppedIn) {
    /** The api module, which every plugin requires. */
    static final String API_MODULE = "org.djx.api";

    public PluginOrigin {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(builtAgainst, "builtAgainst");
    }

    /** Returns the origin of {@code type}, read from its module descriptor, module layer and code source. */
    public static PluginOrigin of(Class<?> type) {
        Module module = type.getModule();
        String name = module.isNamed() ? module.getName() : "(class path)";
        String version = module.getDescriptor() == null ? null
                : module.getDescriptor().rawVersion().orElse(null);
        if (version == null && type.getPackage() != null) {
            version = type.getPackage().getImplementationVersion();
        }
        // On the class path a jar's module-info.class is ignored by Java but still records the api it was compiled against.
        ModuleDescriptor descriptor = module.getDescriptor() != null ? module.getDescriptor()
                : compiledDescriptor(type).orElse(null);
        String builtAgainst = descriptor == null ? "unknown"
                : descriptor.requires().stream()
                        .filter(r -> r.name().equals(API_MODULE))
                        .flatMap(r -> r.rawCompiledVersion().stream())
                        .findFirst().orElse("unknown");
        boolean droppedIn = module.getLayer() != null && module.getLayer() != PluginOrigin.class.getModule().getLayer();
        return new PluginOrigin(name, version == null ? "unknown" : version, locationOf(type), builtAgainst, droppedIn);
    }

    /**
     * Reads the module-info.class that sits in the jar or folder {@code type} was loaded from, even when
     * {@code type} was loaded from the class path, where Java ignores it; empty when there is none or it
     * cannot be read.
     */
    static Optional<ModuleDescriptor> compiledDescriptor(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) {
                Path file = location.resolve("module-info.class");
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try (InputStream in = Files.newInputStream(file)) {
                    return Optional.of(ModuleDescriptor.read(in));
                }
            }
            try (JarFile jar = new JarFile(location.toFile(), false)) {
                JarEntry entry = jar.getJarEntry("module-info.class");
                if (entry == null) {
                    return Optional.empty();
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    return Optional.of(ModuleDescriptor.read(in));
                }
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException | SecurityException
                | InvalidModuleDescriptorException | FileSystemNotFoundException e) {
            // Unreadable: the version is then unknown, and a call that does not link still says so.
            return Optional.empty();
        }
    }

    /** Returns the jar or folder a loaded module came from, or {@code unknown}. */
    static String locationOf(Module module) {
        if (module.getLayer() == null) {
            return "unknown";
        }
        return module.getLayer().configuration().findModule(module.getName())
                .flatMap(m -> m.reference().location())
                .map(uri -> "file".equals(uri.getScheme()) ? Path.of(uri).toString() : uri.toString())
                .orElse("unknown");
    }

    private static String locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "unknown";
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return source.getLocation().toString();
        }
    }

    /** Returns {@code module version (location)}, as messages quote a plugin's origin. */
    @Override
    public String toString() {
        return module + " " + version + " (" + location + ")";
    }
}
