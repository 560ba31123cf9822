package org.djx.engine.plugin;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.djx.api.spi.Plugin;

/**
 * Discovers plugins: the built-in ones beside the engine, and each dropped-in plugin folder or jar in
 * a module layer of its own.
 *
 * <p>A separate layer per plugin keeps the libraries a plugin bundles private to it. Each layer
 * resolves the plugin's modules after the engine's, so a plugin always sees djx's own api even if it
 * bundles a copy. A plugin that fails to load becomes a {@link PluginProblem} naming its jar or folder
 * and the reason; the others still load. Layers cannot be unloaded: a new set of plugins takes a new
 * djx process.
 */
public final class PluginLoader {
    private static final String BUILT_IN = "built-in plugins";

    private final List<PluginDescriptor> found = new ArrayList<>();
    private final List<PluginProblem> problems = new ArrayList<>();
    private final Optional<String> runningApi = ApiVersions.running();

    private PluginLoader() {
    }

    /**
     * Loads the built-in plugins, then those in each plugin folder of {@code pluginFolders}: every jar
     * and every sub-folder (a plugin with its private libraries) in it is one plugin. A jar given
     * directly is one plugin too. A folder given twice is searched once.
     */
    public static PluginRegistry load(List<Path> pluginFolders) {
        PluginLoader loader = new PluginLoader();
        loader.loadBuiltIn();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path folder : pluginFolders) {
            if (seen.add(folder.toAbsolutePath().normalize())) {
                loader.loadFolder(folder);
            }
        }
        return PluginRegistry.of(loader.found, loader.problems);
    }

    private void loadFolder(Path folder) {
        if (!Files.exists(folder)) {
            problems.add(new PluginProblem(folder.toString(), "no such file or folder on the plugin path"));
            return;
        }
        if (!Files.isDirectory(folder)) {
            if (Files.isRegularFile(folder) && isJar(folder)) {
                loadDroppedIn(folder);
            } else {
                problems.add(new PluginProblem(folder.toString(),
                        "is on the plugin path but is neither a folder nor a jar"));
            }
            return;
        }
        List<Path> entries;
        try (Stream<Path> children = Files.list(folder)) {
            entries = children.filter(p -> Files.isDirectory(p) || isJar(p)).sorted().toList();
        } catch (IOException e) {
            problems.add(new PluginProblem(folder.toString(), "cannot be listed: " + e));
            return;
        }
        for (Path entry : entries) {
            loadDroppedIn(entry);
        }
    }

    private static boolean isJar(Path path) {
        return path.getFileName().toString().endsWith(".jar");
    }

    private void loadBuiltIn() {
        ClassLoader engineLoader = PluginLoader.class.getClassLoader();
        for (PluginKind kind : PluginKind.values()) {
            collect(kind, ServiceLoader.load(kind.service(), engineLoader), null, BUILT_IN);
        }
    }

    private void loadDroppedIn(Path entry) {
        String source = entry.toString();
        Optional<String> unreadable = unreadableJar(entry);
        if (unreadable.isPresent()) {
            problems.add(new PluginProblem(source, unreadable.get()));
            return;
        }
        ModuleLayer layer;
        Set<ModuleReference> modules = Set.of();
        try {
            ModuleFinder finder = ModuleFinder.of(entry);
            modules = finder.findAll();
            if (modules.isEmpty()) {
                problems.add(new PluginProblem(source, "holds no jar or module; expected a plugin jar or a folder of jars"));
                return;
            }
            Set<String> roots = modules.stream().map(ref -> ref.descriptor().name())
                    .collect(Collectors.toCollection(TreeSet::new));
            ModuleLayer parent = PluginLoader.class.getModule().getLayer() != null
                    ? PluginLoader.class.getModule().getLayer() : ModuleLayer.boot();
            for (String root : roots) {
                Optional<Module> existing = parent.findModule(root);
                if (existing.isPresent()) {
                    problems.add(new PluginProblem(source, alreadyLoaded(root, existing.get())));
                    return;
                }
            }
            Optional<String> mismatch = apiMismatch(modules);
            if (mismatch.isPresent()) {
                problems.add(new PluginProblem(source, mismatch.get()));
                return;
            }
            // The plugin's finder goes after the parent's: djx's own api wins over a bundled copy.
            Configuration configuration = parent.configuration()
                    .resolveAndBind(ModuleFinder.of(), finder, roots);
            layer = parent.defineModulesWithOneLoader(configuration, PluginLoader.class.getClassLoader());
        } catch (FindException e) {
            problems.add(new PluginProblem(source, cannotFind(entry, e)));
            return;
        } catch (ResolutionException e) {
            problems.add(new PluginProblem(source, "cannot be loaded as a module: " + e.getMessage() + jarsOf(entry, modules)
                    + (e.getMessage() != null && e.getMessage().contains("not found")
                            ? "; put the jars it needs beside it in a plugin folder of its own (plugins/NAME/*.jar)" : "")
                    + "; the plugin was not loaded"));
            return;
        } catch (LayerInstantiationException | SecurityException e) {
            problems.add(new PluginProblem(source, "cannot be loaded as a module: " + e.getMessage() + jarsOf(entry, modules)
                    + "; the plugin was not loaded"));
            return;
        }
        int before = found.size();
        int problemsBefore = problems.size();
        for (PluginKind kind : PluginKind.values()) {
            collect(kind, ServiceLoader.load(layer, kind.service()), layer, source);
        }
        if (found.size() == before && problems.size() == problemsBefore) {
            problems.add(new PluginProblem(source, noProviders(layer)));
        }
    }

    /**
     * Explains a plugin that brings a module djx itself has loaded: djx's own (the api above all), or a
     * library djx uses. One layer cannot see two modules of one name, so the plugin must use djx's.
     */
    private static String alreadyLoaded(String name, Module existing) {
        String where = PluginOrigin.locationOf(existing);
        if (name.startsWith("org.djx.")) {
            return "bundles djx's own module '" + name + "', which djx loads from " + where + "; a plugin gets it from"
                    + " djx: give that dependency Maven scope 'provided' and leave its jar out; the plugin was not loaded";
        }
        String version = existing.getDescriptor() == null ? "" : existing.getDescriptor().rawVersion().map(v -> " " + v).orElse("");
        return "bundles the module '" + name + "', which djx itself loads from " + where + "; a module name can be"
                + " loaded only once, so leave that jar out of the plugin and it will use djx's copy" + version
                + "; the plugin was not loaded";
    }

    /**
     * Names the jar of each module of a plugin folder, since Java's resolution messages name modules
     * alone (two jars sharing a package, say); empty for a single jar.
     */
    private static String jarsOf(Path entry, Set<ModuleReference> modules) {
        if (!Files.isDirectory(entry) || modules.isEmpty()) {
            return "";
        }
        return modules.stream()
                .sorted(Comparator.comparing(ref -> ref.descriptor().name()))
                .map(ref -> ref.descriptor().name() + " is " + ref.location()
                        .map(uri -> "file".equals(uri.getScheme()) ? Path.of(uri).getFileName().toString() : uri.toString())
                        .orElse("(unknown)"))
                .collect(Collectors.joining(", ", " (in " + entry.getFileName() + "/: ", ")"));
    }

    /**
     * Returns why a jar (or a jar in a plugin folder) cannot be read as a zip file, or empty. Java's own
     * message for this names neither the problem nor the cure ({@code Error reading ...}).
     */
    private static Optional<String> unreadableJar(Path entry) {
        List<Path> jars;
        if (Files.isDirectory(entry)) {
            try (Stream<Path> children = Files.list(entry)) {
                jars = children.filter(p -> Files.isRegularFile(p) && isJar(p)).sorted().toList();
            } catch (IOException e) {
                return Optional.of("cannot be listed: " + e);
            }
        } else {
            jars = List.of(entry);
        }
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile(), false)) {
                file.getManifest();
            } catch (IOException | SecurityException e) {
                String which = jar.equals(entry) ? "" : "holds " + jar.getFileName() + ", which ";
                return Optional.of(which + "is not a valid jar/zip file (" + e.getMessage() + "); a plugin jar is"
                        + " a zip archive as 'jar' or Maven builds it: replace it with the plugin's jar, or remove it;"
                        + " the plugin was not loaded");
            }
        }
        return Optional.empty();
    }

    /** Explains a module that Java cannot even describe, above all a plain jar whose file name is no module name. */
    private static String cannotFind(Path entry, FindException e) {
        Throwable cause = e.getCause();
        String message = cause == null ? null : cause.getMessage();
        String prefix = "Unable to derive module descriptor for ";
        String jar = e.getMessage() != null && e.getMessage().startsWith(prefix)
                ? Path.of(e.getMessage().substring(prefix.length())).getFileName().toString()
                : null;
        String subject = Files.isDirectory(entry) ? "holds the plain jar '" + jar + "', which is" : "is";
        String invalid = ": Invalid module name: ";
        if (jar != null && cause instanceof IllegalArgumentException && message != null && message.contains(invalid)) {
            String derived = message.substring(0, message.indexOf(invalid));
            String why = message.substring(message.indexOf(invalid) + invalid.length());
            String suggested = suggestedName(jar);
            return subject + " a plain jar (no module-info.class, no Automatic-Module-Name in its manifest), so Java"
                    + " derives its module name from the file name: '" + jar + "' gives '" + derived + "', which is not a"
                    + " valid module name (" + why + "); rename the jar (for example to '" + suggested + "'), add"
                    + " 'Automatic-Module-Name: com.example." + suggested.substring(0, suggested.length() - 4).toLowerCase(Locale.ROOT)
                    + "' to its manifest, or give it a module-info; the plugin was not loaded";
        }
        String provider = "Provider class ";
        if (jar != null && message != null && message.startsWith(provider) && message.endsWith(" not in module")) {
            String type = message.substring(provider.length(), message.length() - " not in module".length());
            return (Files.isDirectory(entry) ? "holds '" + jar + "', which lists" : "lists") + " the provider class "
                    + type + " in META-INF/services, but the jar does not contain it; correct the class name in the"
                    + " services file or add the class; the plugin was not loaded";
        }
        StringBuilder sb = new StringBuilder("cannot be loaded as a module: ").append(e.getMessage());
        for (Throwable t = cause; t != null; t = t.getCause()) {
            sb.append(": ").append(t.getMessage());
        }
        return sb.append("; the plugin was not loaded").toString();
    }

    /** Returns a file name from which Java derives a valid module name: keywords and leading digits lose their dots. */
    static String suggestedName(String jar) {
        String base = jar.endsWith(".jar") ? jar.substring(0, jar.length() - 4) : jar;
        String joined = base.replaceAll("[^A-Za-z0-9]", "");
        if (joined.isEmpty() || !Character.isJavaIdentifierStart(joined.charAt(0))) {
            joined = "plugin" + joined;
        }
        return joined + ".jar";
    }

    /** Returns why a plugin built against another api version must not be loaded, or empty. */
    private Optional<String> apiMismatch(Set<ModuleReference> modules) {
        if (runningApi.isEmpty()) {
            return Optional.empty();
        }
        String running = runningApi.get();
        for (ModuleReference ref : modules) {
            ModuleDescriptor d = ref.descriptor();
            for (ModuleDescriptor.Requires r : d.requires()) {
                if (!r.name().equals(PluginOrigin.API_MODULE) || r.rawCompiledVersion().isEmpty()) {
                    continue;
                }
                Optional<String> refusal = ApiVersions.refusal(d.name(), r.rawCompiledVersion().get(), running);
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
        }
        return Optional.empty();
    }

    /** Explains a plugin layer in which no module provides any djx service. */
    private static String noProviders(ModuleLayer layer) {
        StringBuilder sb = new StringBuilder("declares no djx plugin: no module in it provides ");
        List<String> services = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            services.add(kind.service().getName());
        }
        sb.append(String.join(", ", services.subList(0, services.size() - 1))).append(" or ")
                .append(services.get(services.size() - 1));
        Set<String> provided = new TreeSet<>();
        boolean explicit = false;
        for (Module m : layer.modules()) {
            m.getDescriptor().provides().forEach(p -> provided.add(p.service()));
            explicit |= !m.getDescriptor().isAutomatic();
        }
        if (!provided.isEmpty()) {
            sb.append(" (it provides only ").append(String.join(", ", provided)).append(")");
        }
        sb.append("; a plugin jar with a module-info declares 'provides org.djx.api.spi.LayerFactory with ...;'");
        if (explicit) {
            sb.append(" there (its META-INF/services files are ignored on the module path)");
        }
        sb.append(", and a plain jar lists its classes in META-INF/services/org.djx.api.spi.LayerFactory"
                + " (or the file of another kind)");
        return sb.toString();
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
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add(new PluginProblem(source, kind.label() + " provider cannot be found: " + e.getMessage()
                        + linkageHint(e)));
                continue;
            }
            // ServiceLoader.load(layer, ...) also yields the parents' providers: keep this layer's own.
            if (onlyLayer != null && provider.type().getModule().getLayer() != onlyLayer) {
                continue;
            }
            String where = sourceOf(provider.type(), source);
            if (onlyLayer == null) {
                // A plugin layer was checked as a whole before it was defined; a provider found on the class
                // path is checked here, from the module-info.class its jar holds.
                Optional<String> refusal = classPathRefusal(provider.type());
                if (refusal.isPresent()) {
                    problems.add(new PluginProblem(where, refusal.get()));
                    continue;
                }
            }
            Plugin plugin;
            try {
                plugin = provider.get();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                Throwable cause = e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
                problems.add(new PluginProblem(where, kind.label() + " provider " + provider.type().getName()
                        + " could not be created: its constructor threw " + cause + linkageHint(cause)
                        + "; the other plugins are unaffected"));
                continue;
            }
            String name;
            try {
                name = plugin.name();
            } catch (RuntimeException | LinkageError e) {
                problems.add(new PluginProblem(where, kind.label() + " provider " + provider.type().getName()
                        + " failed in name(): " + e + linkageHint(e) + "; it was not loaded"));
                continue;
            }
            if (name == null) {
                problems.add(new PluginProblem(where, kind.label() + " provider " + provider.type().getName()
                        + " returned null from name(); it was not loaded"));
                continue;
            }
            found.add(new PluginDescriptor(kind, name, plugin, PluginOrigin.of(provider.type()),
                    provider.type().getClassLoader()));
        }
    }

    /** Returns why a provider class built against another api line must not be used, or empty. */
    private Optional<String> classPathRefusal(Class<?> type) {
        PluginOrigin origin = PluginOrigin.of(type);
        if (runningApi.isEmpty() || "unknown".equals(origin.builtAgainst())) {
            return Optional.empty();
        }
        String module = type.getModule().isNamed() ? type.getModule().getName()
                : PluginOrigin.compiledDescriptor(type).map(ModuleDescriptor::name).orElse(origin.module());
        return ApiVersions.refusal(module, origin.builtAgainst(), runningApi.get());
    }

    /** Adds what a linkage error most likely means for a plugin, or nothing for other errors. */
    static String linkageHint(Throwable e) {
        return e instanceof LinkageError ? " (" + Plugins.explainLinkage((LinkageError) e) + ")" : "";
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
