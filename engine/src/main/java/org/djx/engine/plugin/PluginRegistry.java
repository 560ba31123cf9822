package org.djx.engine.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 */
public final class PluginRegistry {
    private final Map<PluginKind, Map<String, PluginDescriptor>> plugins = new EnumMap<>(PluginKind.class);
    private final Map<PluginKind, Map<String, List<PluginDescriptor>>> conflicts = new EnumMap<>(PluginKind.class);
    private final List<PluginProblem> problems = new ArrayList<>();
    private final Map<PluginKind, Map<String, String>> conflictSources = new EnumMap<>(PluginKind.class);

    private PluginRegistry() {
        for (PluginKind kind : PluginKind.values()) {
            plugins.put(kind, new TreeMap<>());
            conflicts.put(kind, new TreeMap<>());
            conflictSources.put(kind, new TreeMap<>());
        }
    }

    /**
     * Builds a registry from discovered plugins and the problems met while discovering them. Plugins
     * with an invalid name or parameter list become problems themselves.
     */
    public static PluginRegistry of(Collection<PluginDescriptor> descriptors, Collection<PluginProblem> problems) {
        PluginRegistry registry = new PluginRegistry();
        registry.problems.addAll(problems);
        for (PluginDescriptor d : descriptors) {
            registry.add(d);
        }
        return registry;
    }

    private void add(PluginDescriptor d) {
        String invalid = checkDeclaration(d);
        if (invalid != null) {
            problems.add(new PluginProblem(d.origin().location(), d.kind().label() + " plugin "
                    + d.plugin().getClass().getName() + " " + invalid + "; it was not loaded"));
            return;
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
     * Returns the plugin of {@code kind} called {@code name}, or empty when there is none.
     *
     * @throws PluginException if several plugins claim the name
     */
    public Optional<PluginDescriptor> find(PluginKind kind, String name) {
        List<PluginDescriptor> clash = conflicts.get(kind).get(name);
        if (clash != null) {
            throw new PluginException(conflictMessage(kind, name, clash));
        }
        return Optional.ofNullable(plugins.get(kind).get(name));
    }

    /** Returns the usable names of a kind, sorted. */
    public List<String> names(PluginKind kind) {
        return List.copyOf(plugins.get(kind).keySet());
    }

    /** Returns every usable plugin, by kind and then name. */
    public List<PluginDescriptor> all() {
        List<PluginDescriptor> all = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            all.addAll(plugins.get(kind).values());
        }
        all.sort(Comparator.comparing(PluginDescriptor::kind).thenComparing(PluginDescriptor::name));
        return all;
    }

    /**
     * Returns what went wrong while discovering plugins, then one problem per conflicting name naming
     * every claimant; empty if nothing.
     */
    public List<PluginProblem> problems() {
        List<PluginProblem> all = new ArrayList<>(problems);
        for (PluginKind kind : PluginKind.values()) {
            conflicts.get(kind).forEach((name, claimants) -> all.add(new PluginProblem(
                    conflictSources.get(kind).get(name), conflictMessage(kind, name, claimants))));
        }
        return List.copyOf(all);
    }
}
