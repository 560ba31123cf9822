package org.djx.engine.plugin;

import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.djx.api.spi.Plugin;

/**
 * Discovers plugins: the built-in ones beside the engine, and each dropped-in plugin folder or jar in
 * a module layer of its own.
 *
 * <p>A separate layer per plugin keeps the libraries a plugin bundles private to it. Each layer
 * resolves the plugin's modules after the engine's, so a plugin always sees djx's own api even if it
 * bundles a copy. A plugin that fails to load becomes a {@link PluginProblem}; the others still load.
 */
public final class PluginLoader {
    private final List<PluginDescriptor> found = new ArrayList<>();
    private final List<PluginProblem> problems = new ArrayList<>();

    private PluginLoader() {
    }

    /**
     * Loads the built-in plugins, then those in each plugin folder of {@code pluginFolders}: every jar
     * and every sub-folder (a plugin with its private libraries) in it is one plugin. A jar given
     * directly is one plugin too.
     */
    public static PluginRegistry load(List<Path> pluginFolders) {
        PluginLoader loader = new PluginLoader();
        loader.loadBuiltIn();
        for (Path folder : pluginFolders) {
            loader.loadFolder(folder);
        }
        return PluginRegistry.of(loader.found, loader.problems);
    }

    private void loadFolder(Path folder) {
        if (!Files.exists(folder)) {
            problems.add(new PluginProblem(folder.toString(), "no such file or folder on the plugin path"));
            return;
        }
        if (!Files.isDirectory(folder)) {
            if (Files.isRegularFile(folder) && folder.toString().endsWith(".jar")) {
                loadDroppedIn(folder);
            } else {
                problems.add(new PluginProblem(folder.toString(),
                        "is on the plugin path but is neither a folder nor a jar"));
            }
            return;
        }
        List<Path> entries;
        try (Stream<Path> children = Files.list(folder)) {
            entries = children.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".jar")).sorted().toList();
        } catch (java.io.IOException e) {
            problems.add(new PluginProblem(folder.toString(), "cannot be listed: " + e));
            return;
        }
        for (Path entry : entries) {
            loadDroppedIn(entry);
        }
    }

    private void loadBuiltIn() {
        ClassLoader engineLoader = PluginLoader.class.getClassLoader();
        for (PluginKind kind : PluginKind.values()) {
            collect(kind, ServiceLoader.load(kind.service(), engineLoader), null, "built-in plugins");
        }
    }

    private void loadDroppedIn(Path entry) {
        String source = entry.toString();
        if (!Files.exists(entry)) {
            problems.add(new PluginProblem(source, "no such file or folder on the plugin path"));
            return;
        }
        ModuleLayer layer;
        try {
            ModuleFinder finder = ModuleFinder.of(entry);
            Set<String> roots = finder.findAll().stream()
                    .map(ref -> ref.descriptor().name())
                    .collect(Collectors.toSet());
            if (roots.isEmpty()) {
                problems.add(new PluginProblem(source, "holds no jar or module; expected a plugin jar or a folder of jars"));
                return;
            }
            ModuleLayer parent = PluginLoader.class.getModule().getLayer() != null
                    ? PluginLoader.class.getModule().getLayer() : ModuleLayer.boot();
            for (String root : roots) {
                java.util.Optional<Module> existing = parent.findModule(root);
                if (existing.isPresent()) {
                    problems.add(new PluginProblem(source, "contains the module '" + root + "', which is already loaded from "
                            + PluginOrigin.locationOf(existing.get()) + "; a plugin needs a module name of its own"));
                    return;
                }
            }
            // The plugin's finder goes after the parent's: djx's own api wins over a bundled copy.
            Configuration configuration = parent.configuration()
                    .resolveAndBind(ModuleFinder.of(), finder, roots);
            layer = parent.defineModulesWithOneLoader(configuration, PluginLoader.class.getClassLoader());
        } catch (FindException | ResolutionException | LayerInstantiationException | SecurityException e) {
            problems.add(new PluginProblem(source, "cannot be loaded as a module: " + e.getMessage()));
            return;
        }
        int before = found.size();
        for (PluginKind kind : PluginKind.values()) {
            collect(kind, ServiceLoader.load(layer, kind.service()), layer, source);
        }
        if (found.size() == before && problems.stream().noneMatch(p -> p.source().equals(source))) {
            problems.add(new PluginProblem(source, "declares no djx plugin: it has no 'provides' of an "
                    + "org.djx.api.spi interface in module-info and no META-INF/services entry"));
        }
    }

    private void collect(PluginKind kind, ServiceLoader<? extends Plugin> services, ModuleLayer onlyLayer, String source) {
        // Iterate provider by provider, so that one broken provider cannot hide the rest.
        Iterator<? extends ServiceLoader.Provider<? extends Plugin>> providers = services.stream().iterator();
        while (true) {
            ServiceLoader.Provider<? extends Plugin> provider;
            try {
                if (!providers.hasNext()) {
                    return;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError e) {
                problems.add(new PluginProblem(source, kind.label() + " provider cannot be found: " + e.getMessage()));
                continue;
            }
            // ServiceLoader.load(layer, ...) also yields the parents' providers: keep this layer's own.
            if (onlyLayer != null && provider.type().getModule().getLayer() != onlyLayer) {
                continue;
            }
            try {
                Plugin plugin = provider.get();
                found.add(new PluginDescriptor(kind, plugin.name(), plugin, PluginOrigin.of(provider.type()),
                        provider.type().getClassLoader()));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                problems.add(new PluginProblem(sourceOf(provider.type(), source), kind.label() + " provider "
                        + provider.type().getName() + " failed in its constructor: " + cause));
            }
        }
    }

    private static String sourceOf(Class<?> type, String fallback) {
        String location = PluginOrigin.of(type).location();
        return "unknown".equals(location) ? fallback : location;
    }

    /** Splits a path list such as {@code DJX_PLUGIN_PATH} on the platform's separator. */
    public static List<Path> parsePath(String pathList) {
        if (pathList == null || pathList.isBlank()) {
            return List.of();
        }
        return Stream.of(pathList.split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .collect(Collectors.toList());
    }
}
