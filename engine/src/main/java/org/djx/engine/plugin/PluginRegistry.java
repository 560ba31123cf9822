package org.djx.engine.plugin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.djx.api.PluginException;
import org.djx.api.spi.ParameterSpec;
import org.djx.api.spi.Plugin;

/**
 * The plugins available to a run, by kind and name.
 *
 * <p>Names are unique per kind. When two plugins claim the same name, neither is used: the name is
 * recorded as a conflict that names both sources, and looking it up fails with that message, while
 * every other plugin stays usable.
 *
 * <p>Dropped-in providers are created only when their names are needed: when a name of their kind is
 * not a built-in one ({@link #find}), when every name of their kind is asked for ({@link #names}, as a
 * did-you-mean does), or when everything is ({@link #all}, {@link #problems}). So a built-in name
 * always means the built-in plugin: a dropped-in one that claims it is not used, and becomes a problem
 * once it is created. Each creation is bounded in time ({@link ProviderCreation}).
 */
public final class PluginRegistry {
    private final Map<PluginKind, Map<String, PluginDescriptor>> plugins = new EnumMap<>(PluginKind.class);
    private final Map<PluginKind, Map<String, List<PluginDescriptor>>> conflicts = new EnumMap<>(PluginKind.class);
    private final Map<PluginKind, Map<String, String>> conflictSources = new EnumMap<>(PluginKind.class);
    /** Every name a built-in plugin claims, with its first claimant: names dropped-in plugins cannot take. */
    private final Map<PluginKind, Map<String, PluginDescriptor>> builtInNames = new EnumMap<>(PluginKind.class);
    /** Dropped-in providers found but not created yet. */
    private final Map<PluginKind, List<FoundProvider>> notCreated = new EnumMap<>(PluginKind.class);
    private final List<PluginProblem> problems = new ArrayList<>();
    private final Duration creationTimeout;

    private PluginRegistry(Duration creationTimeout) {
        this.creationTimeout = Objects.requireNonNull(creationTimeout, "creationTimeout");
        for (PluginKind kind : PluginKind.values()) {
            plugins.put(kind, new TreeMap<>());
            conflicts.put(kind, new TreeMap<>());
            conflictSources.put(kind, new TreeMap<>());
            builtInNames.put(kind, new TreeMap<>());
            notCreated.put(kind, new ArrayList<>());
        }
    }

    /**
     * Builds a registry from created plugins and the problems met while discovering them. Plugins
     * with an invalid name or parameter list become problems themselves; a plugin from a plugin layer
     * of its own is dropped in, and gives way to a built-in one of the same name.
     */
    public static PluginRegistry of(Collection<PluginDescriptor> descriptors, Collection<PluginProblem> problems) {
        PluginRegistry registry = new PluginRegistry(ProviderCreation.DEFAULT_TIMEOUT);
        registry.problems.addAll(problems);
        List<PluginDescriptor> builtInFirst = new ArrayList<>(descriptors);
        builtInFirst.sort(Comparator.comparing(d -> d.origin().droppedIn()));
        for (PluginDescriptor d : builtInFirst) {
            Optional<PluginProblem> invalid = declarationProblem(d);
            if (invalid.isPresent()) {
                registry.problems.add(invalid.get());
            } else {
                registry.add(d, d.origin().droppedIn());
            }
        }
        return registry;
    }

    /**
     * Builds the registry of what the loader found: built-in plugins, created and checked, and dropped-in
     * providers to create when needed, each within {@code creationTimeout}.
     */
    static PluginRegistry loaded(List<PluginDescriptor> builtIns, List<PluginProblem> problems,
            List<FoundProvider> droppedIn, Duration creationTimeout) {
        PluginRegistry registry = new PluginRegistry(creationTimeout);
        registry.problems.addAll(problems);
        builtIns.forEach(d -> registry.add(d, false));
        droppedIn.forEach(p -> registry.notCreated.get(p.kind()).add(p));
        return registry;
    }

    private void add(PluginDescriptor d, boolean droppedIn) {
        if (droppedIn) {
            PluginDescriptor builtIn = builtInNames.get(d.kind()).get(d.name());
            if (builtIn != null) {
                problems.add(new PluginProblem(d.origin().location(), "the " + d.kind().label() + " name '" + d.name()
                        + "' is claimed by the built-in " + builtIn.plugin().getClass().getName() + " in " + builtIn.origin()
                        + " and by " + d.plugin().getClass().getName() + " in " + d.origin() + "; a built-in name always"
                        + " means the built-in plugin, so " + d.plugin().getClass().getName() + " is not used: rename it"));
                return;
            }
        } else {
            builtInNames.get(d.kind()).putIfAbsent(d.name(), d);
        }
        Map<String, List<PluginDescriptor>> clashes = conflicts.get(d.kind());
        if (clashes.containsKey(d.name())) {
            clashes.get(d.name()).add(d);
            return;
        }
        PluginDescriptor previous = plugins.get(d.kind()).remove(d.name());
        if (previous != null) {
            clashes.put(d.name(), new ArrayList<>(List.of(previous, d)));
            conflictSources.get(d.kind()).put(d.name(), d.origin().location());
        } else {
            plugins.get(d.kind()).put(d.name(), d);
        }
    }

    /** Creates the dropped-in providers of {@code kind} not created yet, one after the other, each within the time bound. */
    private void createDroppedIn(PluginKind kind) {
        List<FoundProvider> waiting = notCreated.get(kind);
        for (FoundProvider provider : waiting) {
            ProviderCreation.Outcome outcome = ProviderCreation.createBounded(provider, creationTimeout);
            if (outcome.plugin() != null) {
                add(outcome.plugin(), true);
            } else {
                problems.add(outcome.problem());
            }
        }
        waiting.clear();
    }

    private void createAllDroppedIn() {
        for (PluginKind kind : PluginKind.values()) {
            createDroppedIn(kind);
        }
    }

    /**
     * Returns why {@code d} cannot be registered: a name that is not kebab-case, a parameter list that
     * is invalid or fails, or the marks of api 0.1; empty if it can. Calls the plugin's configuration().
     */
    static Optional<PluginProblem> declarationProblem(PluginDescriptor d) {
        String invalid = checkDeclaration(d);
        return invalid == null ? Optional.empty() : Optional.of(new PluginProblem(d.origin().location(), d.kind().label()
                + " plugin " + d.plugin().getClass().getName() + " " + invalid + "; it was not loaded"));
    }

    private static String checkDeclaration(PluginDescriptor d) {
        if (!Plugin.isValidName(d.name())) {
            return "has the name '" + d.name() + "', which is not kebab-case (" + Plugin.NAME_PATTERN + ")";
        }
        String old = ApiVersions.olderApi(d.plugin().getClass());
        if (old != null) {
            return old;
        }
        List<ParameterSpec> parameters;
        try {
            parameters = d.plugin().configuration();
        } catch (RuntimeException | LinkageError e) {
            return "failed to list its configuration keys: " + e + PluginLoader.linkageHint(e);
        }
        if (parameters == null) {
            return "returned null from configuration() instead of a list";
        }
        Map<String, ParameterSpec> seen = new LinkedHashMap<>();
        for (ParameterSpec p : parameters) {
            if (seen.put(p.name(), p) != null) {
                return "declares the parameter '" + p.name() + "' twice";
            }
            List<String> reserved = Plugin.reservedKeys(d.kind().service());
            if (reserved.contains(p.name())) {
                return "declares the parameter '" + p.name() + "', which the engine reserves for every "
                        + d.kind().label() + " " + reserved;
            }
        }
        return null;
    }

    private static String conflictMessage(PluginKind kind, String name, List<PluginDescriptor> claimants) {
        StringBuilder sb = new StringBuilder("the ").append(kind.label()).append(" name '").append(name)
                .append("' is claimed by ").append(claimants.size()).append(" plugins: ");
        for (int i = 0; i < claimants.size(); i++) {
            PluginDescriptor c = claimants.get(i);
            sb.append(i == 0 ? "" : " and ").append(c.plugin().getClass().getName()).append(" in ").append(c.origin());
        }
        return sb.append("; remove one of them to use the name").toString();
    }

    /**
     * Returns the plugin of {@code kind} called {@code name}, or empty when there is none. A name that
     * no built-in plugin claims has the dropped-in providers of its kind created first.
     *
     * @throws PluginException if several plugins claim the name
     */
    public synchronized Optional<PluginDescriptor> find(PluginKind kind, String name) {
        if (!builtInNames.get(kind).containsKey(name)) {
            createDroppedIn(kind);
        }
        List<PluginDescriptor> clash = conflicts.get(kind).get(name);
        if (clash != null) {
            throw new PluginException(conflictMessage(kind, name, clash));
        }
        return Optional.ofNullable(plugins.get(kind).get(name));
    }

    /** Returns the usable names of a kind, sorted; creates the dropped-in providers of the kind first. */
    public synchronized List<String> names(PluginKind kind) {
        createDroppedIn(kind);
        return List.copyOf(plugins.get(kind).keySet());
    }

    /** Returns every usable plugin, by kind and then name; creates every dropped-in provider first. */
    public synchronized List<PluginDescriptor> all() {
        createAllDroppedIn();
        return created();
    }

    /**
     * Returns every usable plugin created so far, by kind and then name: the built-in ones, and the
     * dropped-in ones whose names were needed. Creates nothing.
     */
    public synchronized List<PluginDescriptor> created() {
        List<PluginDescriptor> all = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            all.addAll(plugins.get(kind).values());
        }
        all.sort(Comparator.comparing(PluginDescriptor::kind).thenComparing(PluginDescriptor::name));
        return all;
    }

    /**
     * Returns what went wrong while discovering and creating plugins, then one problem per conflicting
     * name naming every claimant; empty if nothing. Creates every dropped-in provider first, so that
     * nothing is left out.
     */
    public synchronized List<PluginProblem> problems() {
        createAllDroppedIn();
        return knownProblems();
    }

    /**
     * Returns the problems {@link #problems()} returns, but only those known so far: a dropped-in provider
     * that was not needed yet has not been created, so its failures are not among them. Creates nothing.
     */
    public synchronized List<PluginProblem> knownProblems() {
        List<PluginProblem> all = new ArrayList<>(problems);
        for (PluginKind kind : PluginKind.values()) {
            conflicts.get(kind).forEach((name, claimants) -> all.add(new PluginProblem(
                    conflictSources.get(kind).get(name), conflictMessage(kind, name, claimants))));
        }
        return List.copyOf(all);
    }
}
