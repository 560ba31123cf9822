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
import java.time.Duration;
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
 *
 * <p>Built-in providers are created at once. Dropped-in ones are only found: their layers are defined
 * and their classes loaded, which runs none of their code, and the {@link PluginRegistry} creates them
 * when it first needs their names, each within a time bound ({@link ProviderCreation}). So a broken
 * dropped-in plugin cannot touch a run that uses only built-in ones.
 */
public final class PluginLoader {
    private static final String BUILT_IN = "built-in plugins";

    private final List<PluginDescriptor> builtIns = new ArrayList<>();
    private final List<FoundProvider> droppedIn = new ArrayList<>();
    private final List<PluginProblem> problems = new ArrayList<>();
    private final Optional<String> runningApi = ApiVersions.running();

    private PluginLoader() {
    }

    /**
     * Loads the built-in plugins, then those in each plugin folder of {@code pluginFolders}: every jar
     * and every sub-folder (a plugin with its private libraries) in it is one plugin. A jar given
     * directly is one plugin too. A folder given twice is searched once. A dropped-in provider may take
     * as long to be created as {@link ProviderCreation#TIMEOUT_VARIABLE} says, by default
     * {@link ProviderCreation#DEFAULT_TIMEOUT}.
     *
     * @throws org.djx.api.ConfigurationException if that variable holds no valid number of seconds
     */
    public static PluginRegistry load(List<Path> pluginFolders) {
        return load(pluginFolders, ProviderCreation.timeout(System.getenv(ProviderCreation.TIMEOUT_VARIABLE)));
    }

    /** Loads plugins as {@link #load(List)} does, giving each dropped-in provider {@code creationTimeout} to be created. */
    public static PluginRegistry load(List<Path> pluginFolders, Duration creationTimeout) {
        PluginLoader loader = new PluginLoader();
        loader.loadBuiltIn();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path folder : pluginFolders) {
            if (seen.add(folder.toAbsolutePath().normalize())) {
                loader.loadFolder(folder);
            }
        }
        return PluginRegistry.loaded(loader.builtIns, loader.problems, loader.droppedIn, creationTimeout);
    }

    private void loadFolder(Path folder) {
        if (!Files.exists(folder)) {
            problems.add(new PluginProblem(folder.toString(), "no such file or folder on the plugin path"));
            return;
        }
        if (!Files.isDirectory(folder)) {
            if (isJar(folder)) {
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
            problems.add(new PluginProblem(folder.toString(), "cannot be listed: " + JarCheck.osReason(e)
                    + "; make the folder readable for the user djx runs as, or take it off the plugin path"));
            return;
        }
        if (isJar(folder) && entries.stream().noneMatch(PluginLoader::isJar)) {
            // Meant as a jar (an unpacked one, say): one plugin, which JarCheck reports unless it is an exploded module.
            loadDroppedIn(folder);
            return;
        }
        for (Path entry : entries) {
            loadDroppedIn(entry);
        }
    }

    private static boolean isJar(Path path) {
        return JarCheck.isJarName(path);
    }

    private void loadBuiltIn() {
        ClassLoader engineLoader = PluginLoader.class.getClassLoader();
        for (PluginKind kind : PluginKind.values()) {
            for (FoundProvider found : find(kind, ServiceLoader.load(kind.service(), engineLoader), null, BUILT_IN)) {
                // A plugin layer was checked as a whole before it was defined; a provider found on the class
                // path is checked here, from the module-info.class its jar holds.
                Optional<String> refusal = classPathRefusal(found.type());
                if (refusal.isPresent()) {
                    problems.add(new PluginProblem(found.source(), refusal.get()));
                    continue;
                }
                // Shipped with djx and started with it: created at once, on this thread.
                ProviderCreation.Outcome outcome = ProviderCreation.create(found);
                if (outcome.plugin() != null) {
                    builtIns.add(outcome.plugin());
                } else {
                    problems.add(outcome.problem());
                }
            }
        }
    }

    private void loadDroppedIn(Path entry) {
        String source = entry.toString();
        Optional<String> unreadable = JarCheck.problem(entry);
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
        int before = droppedIn.size();
        int problemsBefore = problems.size();
        for (PluginKind kind : PluginKind.values()) {
            // Found, not created: the registry creates them when it needs their names.
            droppedIn.addAll(find(kind, ServiceLoader.load(layer, kind.service()), layer, source));
        }
        if (droppedIn.size() == before && problems.size() == problemsBefore) {
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

    /**
     * Returns the providers of {@code kind} that {@code services} finds (in {@code onlyLayer} alone, unless
     * null) without creating any, after recording a problem for each that cannot even be found.
     */
    private List<FoundProvider> find(PluginKind kind, ServiceLoader<? extends Plugin> services, ModuleLayer onlyLayer,
            String source) {
        List<FoundProvider> providers = new ArrayList<>();
        // Iterate provider by provider, so that one broken provider cannot hide the rest.
        Iterator<? extends ServiceLoader.Provider<? extends Plugin>> iterator = services.stream().iterator();
        while (true) {
            ServiceLoader.Provider<? extends Plugin> provider;
            try {
                if (!iterator.hasNext()) {
                    return providers;
                }
                provider = iterator.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add(new PluginProblem(source, kind.label() + " provider cannot be found: " + e.getMessage()
                        + linkageHint(e)));
                continue;
            }
            // ServiceLoader.load(layer, ...) also yields the parents' providers: keep this layer's own.
            if (onlyLayer == null || provider.type().getModule().getLayer() == onlyLayer) {
                providers.add(new FoundProvider(kind, provider, sourceOf(provider.type(), source)));
            }
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
        return e instanceof LinkageError linkage ? " (" + Plugins.explainLinkage(linkage) + ")" : "";
    }

    private static String sourceOf(Class<?> type, String fallback) {
        String location = PluginOrigin.of(type).location();
        return "unknown".equals(location) ? fallback : location;
    }

    /**
     * Returns the providers of {@code service} that the engine's own class loader sees: for the engine's extension
     * points that are not plugins of the api, such as where a sweep's runs happen (djx-spark, on the class path). The
     * engine module must declare that it {@code uses} the service.
     */
    public static <T> List<T> engineServices(Class<T> service) {
        List<T> found = new ArrayList<>();
        try {
            ServiceLoader.load(service, PluginLoader.class.getClassLoader()).forEach(found::add);
        } catch (ServiceConfigurationError | LinkageError e) {
            // A provider whose own dependencies are missing (djx-spark without Spark's jars) cannot even be created.
            throw new org.djx.api.ConfigurationException("a provider of " + service.getSimpleName() + " on the class path"
                    + " cannot be loaded: " + (e.getCause() != null ? e.getCause() : e) + "; are the jars it needs there,"
                    + " in the versions it was built for?");
        }
        return found;
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
