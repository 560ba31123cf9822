package org.djx.engine.plugin;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Objects;

/**
 * Where a plugin class came from: its module, the module's version, and the jar or folder.
 *
 * @param module   the module name, or {@code (class path)} for the unnamed module
 * @param version  the module or jar version, or {@code unknown}
 * @param location the jar or folder path, or {@code unknown}
 */
public record PluginOrigin(String module, String version, String location) {
    public PluginOrigin {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(location, "location");
    }

    /** Returns the origin of {@code type}, read from its module descriptor and code source. */
    public static PluginOrigin of(Class<?> type) {
        Module module = type.getModule();
        String name = module.isNamed() ? module.getName() : "(class path)";
        String version = module.getDescriptor() == null ? null
                : module.getDescriptor().rawVersion().orElse(null);
        if (version == null && type.getPackage() != null) {
            version = type.getPackage().getImplementationVersion();
        }
        return new PluginOrigin(name, version == null ? "unknown" : version, locationOf(type));
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

    @Override
    public String toString() {
        return module + " " + version + " (" + location + ")";
    }
}
