package org.djx.distribution;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Provides;
import java.lang.module.ModuleDescriptor.Requires;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What djx's module jars must declare, the artifact-level counterpart of {@link ArchitectureRules}.
 *
 * <p>Each check returns the problems it finds, one sentence each, or an empty list. {@link ModuleJarsTests}
 * runs them over the jars in {@code target/djx/lib}; {@link ModuleRulesFailTests} shows each one failing
 * on a hand-made descriptor.
 */
final class ModuleRules {
    static final String API_MODULE = "org.djx.api";

    private ModuleRules() {
    }

    /**
     * The jar is an explicit module (it has a module-info) and every package in it is the module's name
     * or starts with it, as JUnit's modules do: artifact = module = root package.
     */
    static List<String> packagesStartWithTheModuleName(ModuleJar jar) {
        List<String> problems = new ArrayList<>();
        ModuleDescriptor d = jar.descriptor();
        if (d.isAutomatic()) {
            problems.add(jar.source() + " has no module-info; it would load as automatic module '" + d.name() + "'");
        }
        for (String p : new TreeSet<>(d.packages())) {
            if (!p.equals(d.name()) && !p.startsWith(d.name() + ".")) {
                problems.add("module " + d.name() + " holds package " + p + ", which does not start with the module name");
            }
        }
        return problems;
    }

    /**
     * A plugin module is neither open nor exports or opens a package: the engine reaches it through its
     * providers alone.
     */
    static List<String> pluginsExportNothing(ModuleJar jar) {
        List<String> problems = new ArrayList<>();
        if (!jar.isPlugin()) {
            return problems;
        }
        ModuleDescriptor d = jar.descriptor();
        if (d.isOpen()) {
            problems.add("plugin module " + d.name() + " is open");
        }
        d.exports().forEach(e -> problems.add("plugin module " + d.name() + " exports " + e));
        d.opens().forEach(o -> problems.add("plugin module " + d.name() + " opens " + o));
        return problems;
    }

    /**
     * A plugin module requires the api and no other djx module; the engine and the other plugins are
     * out of its reach.
     */
    static List<String> pluginsRequireTheApiAndNoOtherDjxModule(ModuleJar jar) {
        List<String> problems = new ArrayList<>();
        if (!jar.isPlugin()) {
            return problems;
        }
        ModuleDescriptor d = jar.descriptor();
        Set<String> required = new TreeSet<>();
        d.requires().stream().map(Requires::name).forEach(required::add);
        if (!required.contains(API_MODULE)) {
            problems.add("plugin module " + d.name() + " does not require " + API_MODULE);
        }
        required.stream()
                .filter(name -> name.startsWith("org.djx.") && !name.equals(API_MODULE))
                .forEach(name -> problems.add("plugin module " + d.name() + " requires " + name
                        + "; a plugin may require no djx module but " + API_MODULE));
        return problems;
    }

    /**
     * The api module requires nothing but JDK modules ({@code java.*}) and exports each of its packages
     * to everyone, and only those.
     */
    static List<String> apiRequiresTheJdkAloneAndExportsEachOfItsPackages(ModuleJar jar) {
        List<String> problems = new ArrayList<>();
        ModuleDescriptor d = jar.descriptor();
        if (!d.name().equals(API_MODULE)) {
            return problems;
        }
        d.requires().stream().map(Requires::name).filter(name -> !name.startsWith("java.")).sorted()
                .forEach(name -> problems.add("the api module requires " + name + "; it may require JDK modules alone"));
        Set<String> exported = new TreeSet<>();
        for (Exports e : d.exports()) {
            exported.add(e.source());
            if (e.isQualified()) {
                problems.add("the api module exports " + e.source() + " only to " + e.targets()
                        + "; plugins from anywhere must see it");
            }
        }
        Set<String> unexported = new TreeSet<>(d.packages());
        unexported.removeAll(exported);
        unexported.forEach(p -> problems.add("the api module does not export its package " + p));
        return problems;
    }

    /**
     * The {@code provides} of module-info and the {@code META-INF/services} files list the same
     * providers in the same order for each service, so the jar behaves the same on the module path
     * and on the class path.
     */
    static List<String> providesMatchTheServiceFiles(ModuleJar jar) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> provides = new TreeMap<>();
        for (Provides p : jar.descriptor().provides()) {
            provides.put(p.service(), p.providers());
        }
        Set<String> services = new TreeSet<>(provides.keySet());
        services.addAll(jar.serviceFiles().keySet());
        for (String service : services) {
            List<String> declared = provides.get(service);
            List<String> listed = jar.serviceFiles().get(service);
            if (declared == null) {
                problems.add(jar.name() + " has META-INF/services/" + service + " but no 'provides " + service + "'");
            } else if (listed == null) {
                problems.add(jar.name() + " has 'provides " + service + "' but no META-INF/services/" + service);
            } else if (!declared.equals(listed)) {
                problems.add(jar.name() + " provides " + service + " with " + declared
                        + " in module-info but META-INF/services lists " + listed);
            }
        }
        return problems;
    }

    /** Every service a plugin provides is one the engine declares it {@code uses}. */
    static List<String> theEngineUsesEveryServiceThePluginsProvide(ModuleJar engine, Collection<ModuleJar> plugins) {
        List<String> problems = new ArrayList<>();
        for (ModuleJar plugin : plugins) {
            for (Provides p : plugin.descriptor().provides()) {
                if (!engine.descriptor().uses().contains(p.service())) {
                    problems.add(plugin.name() + " provides " + p.service() + ", which " + engine.name()
                            + " does not declare it uses");
                }
            }
        }
        return problems;
    }

    /**
     * The provider classes found among the classes (those implementing {@code Plugin}) are exactly
     * those the plugin modules declare in {@code provides}: none is left undeclared, none is declared
     * that does not exist.
     */
    static List<String> everyProviderIsDeclared(Set<String> providerClasses, Collection<ModuleJar> plugins) {
        Set<String> declared = new TreeSet<>();
        for (ModuleJar plugin : plugins) {
            plugin.descriptor().provides().forEach(p -> declared.addAll(p.providers()));
        }
        List<String> problems = new ArrayList<>();
        new TreeSet<>(providerClasses).stream().filter(c -> !declared.contains(c))
                .forEach(c -> problems.add(c + " implements Plugin but no plugin module provides it"));
        declared.stream().filter(c -> !providerClasses.contains(c))
                .forEach(c -> problems.add(c + " is declared as a provider but is no Plugin class"));
        return problems;
    }
}
