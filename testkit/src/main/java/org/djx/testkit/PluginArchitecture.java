package org.djx.testkit;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.djx.api.spi.DatasetSource;
import org.djx.api.spi.InitializerFactory;
import org.djx.api.spi.LayerFactory;
import org.djx.api.spi.LossFactory;
import org.djx.api.spi.OptimizerFactory;
import org.djx.api.spi.ParameterSpec;
import org.djx.api.spi.Plugin;
import org.djx.api.spi.ScheduleFactory;

/**
 * djx's architecture rules for plugins, for a plugin's own build to run: what djx checks of its built-in
 * plugins, so that a plugin which passes here loads and behaves in djx the same way.
 *
 * <ul>
 *   <li>{@link #dependsOnlyOnTheJdkTheApiAndItsLibraries}: the plugin's classes use the JDK
 *       ({@code java..}), djx's api ({@code org.djx.api..}), the plugin's own packages and the libraries
 *       it names, nothing else; above all not djx's engine, whose classes a plugin cannot see at run time;</li>
 *   <li>{@link #providersArePublicFinalWithAPublicNoArgumentConstructor}: what {@link ServiceLoader}
 *       needs to create a provider on the module path and the class path;</li>
 *   <li>{@link #checkNames}: each discovered provider's name is kebab-case and unique within its kind, and
 *       its configuration keys leave alone the keys the engine reads itself;</li>
 *   <li>{@link #checkRegistrations}: every provider class is registered both in {@code module-info}
 *       ({@code provides}), which djx reads, and in {@code META-INF/services}, which the class path reads;
 *       a provider registered only in the services file is invisible to djx.</li>
 * </ul>
 *
 * <p>The first two are ArchUnit rules, to check against {@link #importPlugin} or to use with
 * {@code @ArchTest}; like all ArchUnit rules they fail when they select no class, so a misspelt package
 * cannot pass. The other two are plain checks that throw {@link AssertionError}. {@link #check} runs all
 * four. ArchUnit ({@code com.tngtech.archunit:archunit}) is an optional dependency of the kit: a
 * plugin that uses this class adds it to its test dependencies.
 *
 * <pre>{@code
 * PluginArchitecture.check("com.example.myplugin");                               // no libraries
 * PluginArchitecture.check("com.example.myplugin", "com.fasterxml.jackson.core.."); // one library
 * }</pre>
 *
 * @since 0.1
 */
// ArchUnit types appear in the signatures, yet the kit requires ArchUnit only statically (it is optional,
// and an automatic module, which 'requires transitive' should not name): a caller has it anyway.
@SuppressWarnings("exports")
public final class PluginArchitecture {
    /** The service interfaces of the plugin kinds, one per kind; names are unique within a kind. */
    public static final List<Class<? extends Plugin>> KINDS = List.of(
            LayerFactory.class, InitializerFactory.class, OptimizerFactory.class, LossFactory.class, DatasetSource.class,
            ScheduleFactory.class);

    private static final String API = "org.djx.api..";
    private static final String SERVICES = "META-INF/services/";
    private static final String MODULE_INFO = "module-info.class";

    private PluginArchitecture() {
    }

    /**
     * Runs every rule and check on the plugin whose classes live in {@code pluginPackage} and its
     * sub-packages.
     *
     * @param pluginPackage   the plugin's root package, such as {@code com.example.myplugin}
     * @param libraryPackages ArchUnit package patterns of the libraries the plugin bundles, such as
     *                        {@code org.apache.commons.csv..}; none for a plugin that needs the api alone
     * @throws AssertionError describing every violation of the first failing rule
     */
    public static void check(String pluginPackage, String... libraryPackages) {
        JavaClasses classes = importPlugin(pluginPackage);
        dependsOnlyOnTheJdkTheApiAndItsLibraries(pluginPackage, libraryPackages).check(classes);
        providersArePublicFinalWithAPublicNoArgumentConstructor().check(classes);
        checkNames(pluginPackage);
        checkRegistrations(classes);
    }

    /**
     * Imports the plugin's production classes (test classes left out) from the class path: those in
     * {@code pluginPackage} and its sub-packages.
     *
     * <p>Of the classes outside the plugin, ArchUnit resolves only supertypes, which is all these rules
     * need (dependencies are judged by their package names): following every dependency into the JDK,
     * ArchUnit's default, takes seconds. The setting holds for this import alone.
     *
     * @throws AssertionError if there are none, which means a misspelt package or a missing build
     */
    public static JavaClasses importPlugin(String pluginPackage) {
        Objects.requireNonNull(pluginPackage, "pluginPackage");
        JavaClasses classes = ArchConfiguration.withThreadLocalScope(configuration -> {
            for (String kind : List.of("MemberTypes", "AccessesToTypes", "EnclosingTypes", "AnnotationTypes",
                    "GenericSignatureTypes")) {
                configuration.setProperty("import.dependencyResolutionProcess.maxIterationsFor" + kind, "0");
            }
            return new ClassFileImporter()
                    .withImportOption(new ImportOption.DoNotIncludeTests())
                    .importPackages(pluginPackage);
        });
        if (!classes.stream().anyMatch(c -> inPackage(c.getPackageName(), pluginPackage))) {
            throw new AssertionError("no production class found in package " + pluginPackage
                    + " or below on the class path; check the package name and that the plugin is compiled");
        }
        return classes;
    }

    /**
     * Returns the rule that the plugin's classes depend only on the JDK's {@code java..} packages, djx's
     * api, the plugin's own packages and the given libraries.
     *
     * @param pluginPackage   the plugin's root package
     * @param libraryPackages ArchUnit package patterns of the libraries it may use, such as
     *                        {@code org.apache.commons.csv..}
     */
    public static ArchRule dependsOnlyOnTheJdkTheApiAndItsLibraries(String pluginPackage, String... libraryPackages) {
        Objects.requireNonNull(pluginPackage, "pluginPackage");
        List<String> allowed = new ArrayList<>(List.of("java..", API, pluginPackage + ".."));
        allowed.addAll(Arrays.asList(libraryPackages));
        return ArchRuleDefinition.classes()
                .that().resideInAPackage(pluginPackage + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(new String[0]))
                .because("at run time a plugin sees the JDK, djx's api and the jars in its own plugin folder;"
                        + " djx's engine and other plugins are out of its reach");
    }

    /**
     * Returns the rule that every provider, a class implementing {@link Plugin} outside the api, is a
     * public, final, top-level class with a public no-argument constructor.
     */
    public static ArchRule providersArePublicFinalWithAPublicNoArgumentConstructor() {
        return ArchRuleDefinition.classes()
                .that().implement(Plugin.class)
                .and().resideOutsideOfPackage(API)
                .should().bePublic()
                .andShould().haveModifier(JavaModifier.FINAL)
                .andShould().beTopLevelClasses()
                .andShould(haveAPublicNoArgumentConstructor())
                .because("ServiceLoader creates providers reflectively, and Plugin's contract says so");
    }

    private static ArchCondition<JavaClass> haveAPublicNoArgumentConstructor() {
        return new ArchCondition<>("have a public no-argument constructor") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean present = javaClass.getConstructors().stream()
                        .anyMatch(c -> c.getModifiers().contains(JavaModifier.PUBLIC) && c.getRawParameterTypes().isEmpty());
                if (!present) {
                    events.add(SimpleConditionEvent.violated(javaClass,
                            "Class <" + javaClass.getName() + "> has no public no-argument constructor"));
                }
            }
        };
    }

    /**
     * Checks the providers in {@code pluginPackage} (and below) that {@link ServiceLoader} discovers on
     * the class path, as djx would: at least one exists; each can be created; its {@link Plugin#name()} is
     * kebab-case ({@link Plugin#NAME_PATTERN}) and unique within its kind; its {@link Plugin#description()} is not
     * blank; and its {@link Plugin#configuration()} keys are unique and leave alone the keys the
     * engine reads itself ({@link Plugin#reservedKeys}).
     *
     * @throws AssertionError listing every problem found
     */
    public static void checkNames(String pluginPackage) {
        Objects.requireNonNull(pluginPackage, "pluginPackage");
        List<String> problems = new ArrayList<>();
        int found = 0;
        for (Class<? extends Plugin> kind : KINDS) {
            Map<String, String> names = new HashMap<>();
            Iterator<? extends ServiceLoader.Provider<? extends Plugin>> providers = ServiceLoader.load(kind).stream().iterator();
            while (true) {
                ServiceLoader.Provider<? extends Plugin> provider;
                try {
                    if (!providers.hasNext()) {
                        break;
                    }
                    provider = providers.next();
                } catch (ServiceConfigurationError e) {
                    // ServiceLoader's message names the class; another plugin's broken provider is not ours.
                    if (e.getMessage() != null && e.getMessage().contains(pluginPackage + ".")) {
                        found++;
                        problems.add(kindLabel(kind) + " provider cannot be created: " + e.getMessage());
                    }
                    continue;
                }
                String type = provider.type().getName();
                if (!inPackage(provider.type().getPackageName(), pluginPackage)) {
                    continue;
                }
                found++;
                String label = kindLabel(kind) + " provider " + type;
                Plugin plugin;
                try {
                    plugin = provider.get();
                } catch (RuntimeException | ServiceConfigurationError e) {
                    problems.add(label + " cannot be created: " + (e.getCause() != null ? e.getCause() : e));
                    continue;
                }
                String name = plugin.name();
                if (!Plugin.isValidName(name)) {
                    problems.add(label + " is named '" + name + "', which is not kebab-case (" + Plugin.NAME_PATTERN
                            + "); experiment files refer to it as \"type\": \"" + name + "\"");
                } else if (names.containsKey(name)) {
                    problems.add(label + " is named '" + name + "' like " + names.get(name) + "; names are unique within"
                            + " a kind, and djx refuses both");
                } else {
                    names.put(name, type);
                }
                if (plugin.description() == null || plugin.description().isBlank()) {
                    problems.add(label + " has no description; 'djx describe' and 'djx plugins' show it");
                }
                problems.addAll(parameterProblems(label, kind, plugin.configuration()));
            }
        }
        if (found == 0) {
            problems.add("ServiceLoader finds no provider in package " + pluginPackage + " or below on the class path;"
                    + " list the classes in META-INF/services/<kind interface> (src/main/resources), such as "
                    + SERVICES + LayerFactory.class.getName());
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("the plugin in " + pluginPackage + " breaks djx's naming rules:\n  "
                    + String.join("\n  ", problems));
        }
    }

    private static List<String> parameterProblems(String label, Class<? extends Plugin> kind, List<ParameterSpec> parameters) {
        List<String> problems = new ArrayList<>();
        if (parameters == null) {
            problems.add(label + " returns null from configuration(); return an empty list for none");
            return problems;
        }
        List<String> reserved = Plugin.reservedKeys(kind);
        Set<String> seen = new TreeSet<>();
        for (ParameterSpec p : parameters) {
            if (!seen.add(p.name())) {
                problems.add(label + " declares the parameter '" + p.name() + "' twice");
            }
            if (reserved.contains(p.name())) {
                problems.add(label + " declares the parameter '" + p.name() + "', which the engine reads itself from"
                        + " every " + kindLabel(kind) + " entry " + reserved + "; djx refuses such a plugin");
            }
        }
        return problems;
    }

    /**
     * Checks that the provider classes among {@code classes} (concrete classes implementing a kind's
     * interface) and the registrations of the jar or folder they were compiled into agree: for each kind,
     * {@code module-info}'s {@code provides} (when there is a module-info), the
     * {@code META-INF/services} file, and the classes themselves name the same providers.
     *
     * @param classes the plugin's classes, as {@link #importPlugin} returns them
     * @throws AssertionError listing every provider that is registered in one place but not the other
     */
    public static void checkRegistrations(JavaClasses classes) {
        Map<String, Set<String>> implemented = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        Path root = null;
        for (JavaClass c : classes) {
            if (c.isInterface() || c.getModifiers().contains(JavaModifier.ABSTRACT) || !c.isAssignableTo(Plugin.class)
                    || inPackage(c.getPackageName(), "org.djx.api")) {
                continue;
            }
            List<String> kinds = KINDS.stream().filter(c::isAssignableTo).map(Class::getName).toList();
            if (kinds.isEmpty()) {
                problems.add(c.getName() + " implements Plugin but none of the kinds " + KINDS.stream()
                        .map(Class::getSimpleName).collect(Collectors.joining(", ")) + "; djx cannot find it");
            }
            kinds.forEach(k -> implemented.computeIfAbsent(k, x -> new TreeSet<>()).add(c.getName()));
            root = root != null ? root : rootOf(c);
        }
        if (root == null) {
            throw new AssertionError("no provider class among the " + classes.size() + " classes given; a plugin has at"
                    + " least one concrete class implementing " + KINDS.stream().map(Class::getName)
                    .collect(Collectors.joining(", ", "", " or the like")));
        }
        Registrations registered = Registrations.read(root);
        for (Class<? extends Plugin> kind : KINDS) {
            String service = kind.getName();
            Set<String> classesOfKind = implemented.getOrDefault(service, Set.of());
            Set<String> listed = registered.serviceFiles().getOrDefault(service, Set.of());
            for (String c : classesOfKind) {
                if (!listed.contains(c)) {
                    problems.add(c + " is not listed in " + SERVICES + service + " (" + root + "); on the class path it"
                            + " would not be found");
                }
                if (registered.provides().isPresent() && !registered.provides().get().getOrDefault(service, Set.of()).contains(c)) {
                    problems.add(c + " is not declared in module-info: 'provides " + service + " with " + c + ";'; djx"
                            + " loads plugins as modules and would not find it");
                }
            }
            for (String c : listed) {
                if (!classesOfKind.contains(c)) {
                    problems.add(SERVICES + service + " lists " + c + ", which is not a concrete " + kind.getSimpleName()
                            + " among the plugin's classes");
                }
            }
            if (registered.provides().isPresent()) {
                for (String c : registered.provides().get().getOrDefault(service, Set.of())) {
                    if (!classesOfKind.contains(c)) {
                        problems.add("module-info provides " + service + " with " + c + ", which is not a concrete "
                                + kind.getSimpleName() + " among the plugin's classes");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("the plugin's providers and their registrations in " + root + " disagree:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** Returns the class-path root (folder or jar) that {@code type}'s class file was imported from. */
    private static Path rootOf(JavaClass type) {
        URI uri = type.getSource().map(Source::getUri).orElseThrow(() ->
                new AssertionError("ArchUnit does not know where " + type.getName() + " was imported from"));
        if ("jar".equals(uri.getScheme())) {
            String inner = uri.getRawSchemeSpecificPart();
            return Path.of(URI.create(inner.substring(0, inner.indexOf("!/"))));
        }
        // .../root/com/example/Name.class: one level up per package segment, and one for the file.
        Path root = Path.of(uri);
        for (int i = type.getName().split("\\.").length; i > 0; i--) {
            root = root.getParent();
        }
        return root;
    }

    private static boolean inPackage(String packageName, String root) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }

    private static String kindLabel(Class<? extends Plugin> kind) {
        return kind.getSimpleName().replace("Factory", "").replace("Source", "").toLowerCase(Locale.ROOT);
    }

    /**
     * What a plugin's jar or classes folder registers: the provider classes of each {@code META-INF/services}
     * file, and of each {@code provides} of its module-info when it has one.
     */
    record Registrations(Map<String, Set<String>> serviceFiles, Optional<Map<String, Set<String>>> provides) {
        static Registrations read(Path root) {
            Map<String, Set<String>> services = new TreeMap<>();
            ModuleDescriptor descriptor = null;
            try {
                if (Files.isDirectory(root)) {
                    Path info = root.resolve(MODULE_INFO);
                    if (Files.isRegularFile(info)) {
                        try (InputStream in = Files.newInputStream(info)) {
                            descriptor = ModuleDescriptor.read(in);
                        }
                    }
                    Path folder = root.resolve(SERVICES);
                    if (Files.isDirectory(folder)) {
                        try (var files = Files.list(folder)) {
                            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                                try (InputStream in = Files.newInputStream(file)) {
                                    services.put(file.getFileName().toString(), providerLines(in));
                                }
                            }
                        }
                    }
                } else {
                    try (JarFile jar = new JarFile(root.toFile())) {
                        JarEntry info = jar.getJarEntry(MODULE_INFO);
                        if (info != null) {
                            try (InputStream in = jar.getInputStream(info)) {
                                descriptor = ModuleDescriptor.read(in);
                            }
                        }
                        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                            JarEntry e = entries.nextElement();
                            if (!e.isDirectory() && e.getName().startsWith(SERVICES) && e.getName().length() > SERVICES.length()) {
                                try (InputStream in = jar.getInputStream(e)) {
                                    services.put(e.getName().substring(SERVICES.length()), providerLines(in));
                                }
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the registrations of " + root, e);
            }
            Optional<Map<String, Set<String>>> provides = Optional.empty();
            if (descriptor != null) {
                Map<String, Set<String>> declared = new LinkedHashMap<>();
                descriptor.provides().forEach(p -> declared.put(p.service(), new TreeSet<>(p.providers())));
                provides = Optional.of(declared);
            }
            return new Registrations(services, provides);
        }

        /** Returns the class names of a services file: comments after '#' and blank lines dropped. */
        static Set<String> providerLines(InputStream in) throws IOException {
            Set<String> names = new TreeSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int hash = line.indexOf('#');
                String name = (hash < 0 ? line : line.substring(0, hash)).strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            return names;
        }
    }
}
