package org.djx.engine.plugin;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Objects;

/**
 * Where a plugin class came from: its module, the module's version, the jar or folder, the version of
 * the api it was compiled against, and whether it was dropped in rather than shipped with djx.
 *
 * @param module       the module name, or {@code (class path)} for the unnamed module
 * @param version      the module or jar version, or {@code unknown}
 * @param location     the jar or folder path, or {@code unknown}
 * @param builtAgainst the version of {@code org.djx.api} recorded in the module's {@code requires} when
 *                     it was compiled, or {@code unknown} (a plain jar records none)
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
        String builtAgainst = module.getDescriptor() == null ? "unknown"
                : module.getDescriptor().requires().stream()
                        .filter(r -> r.name().equals(API_MODULE))
                        .flatMap(r -> r.rawCompiledVersion().stream())
                        .findFirst().orElse("unknown");
        boolean droppedIn = module.getLayer() != null && module.getLayer() != PluginOrigin.class.getModule().getLayer();
        return new PluginOrigin(name, version == null ? "unknown" : version, locationOf(type), builtAgainst, droppedIn);
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
