package org.djx.distribution;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.module.ModuleFinder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.djx.api.DjxException;
import org.djx.api.spi.Plugin;

/**
 * The architecture of djx as ArchUnit rules: which module may see which, where plugin discovery and
 * console output live, and what a provider looks like.
 *
 * <p>{@link ArchitectureTests} checks them against the production classes;
 * {@link ArchitectureRulesFailTests} shows each one failing on a deliberate violation, so that a
 * rule which can no longer fail (a typo in a package name, say) does not pass unnoticed. Rules that
 * depend on a setting are built by a public factory method, so that both tests use the same rule.
 *
 * <p>Rules keep ArchUnit's default of failing when their {@code that()} selects nothing.
 */
public final class ArchitectureRules {

    /** The packages of the service-provider interface, which everything else builds on. */
    public static final String API = "org.djx.api..";

    /** The engine and launcher. */
    public static final String ENGINE = "org.djx.engine..";

    /** All plugins; each plugin is one package {@code org.djx.plugins.<name>} and its sub-packages. */
    public static final String PLUGINS = "org.djx.plugins..";

    /** The only package that discovers plugins and builds module layers. */
    public static final String PLUGIN_LOADING = "org.djx.engine.plugin..";

    /** The only package that writes to the console: the launcher. */
    public static final String LAUNCHER = "org.djx.engine.cli..";

    private static final String PLUGINS_PREFIX = "org.djx.plugins.";

    /**
     * The third-party packages (ArchUnit package patterns such as {@code org.apache.commons.csv..}) that
     * each plugin may use besides the JDK and the api, by plugin name; a plugin that is not listed may
     * use none.
     */
    public static final Map<String, List<String>> PLUGIN_LIBRARIES = Map.of(
            "nn", List.of(),
            "init", List.of(),
            "optim", List.of(),
            "csv", List.of("org.apache.commons.csv.."));

    // Rule 1: the api depends on the JDK alone, so a plugin compiled against it drags nothing along.
    public static final ArchRule API_DEPENDS_ON_THE_JDK_ALONE = classes()
            .that().resideInAPackage(API)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", API)
            .because("a plugin compiled against the api must not drag the engine or a library along");

    // Rule 2: a plugin reaches the engine only through api types, and never another plugin.
    public static final ArchRule PLUGINS_SEE_ONLY_THE_JDK_THE_API_AND_THEIR_OWN_LIBRARIES =
            pluginsSeeOnlyTheJdkTheApiAndTheirOwnLibraries(PLUGIN_LIBRARIES);

    // Rule 3: the engine finds plugins through discovery, so a plugin can be left out or replaced.
    public static final ArchRule ENGINE_NEVER_DEPENDS_ON_A_PLUGIN = noClasses()
            .that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat().resideInAPackage(PLUGINS)
            .because("the engine reaches plugins only through the api and service discovery");

    // Rule 4: slices are the packages below org.djx, such as engine.cli and api.spi.
    public static final ArchRule PACKAGES_ARE_FREE_OF_CYCLES = slices()
            .matching("org.djx.(**)")
            .should().beFreeOfCycles();

    // Rule 5: ServiceLoader and ModuleLayer with their nested types, and all of java.lang.module.
    public static final ArchRule ONLY_PLUGIN_LOADING_TOUCHES_SERVICES_AND_MODULE_LAYERS = noClasses()
            .that().resideOutsideOfPackage(PLUGIN_LOADING)
            .should().dependOnClassesThat().belongToAnyOf(ServiceLoader.class, ModuleLayer.class)
            .orShould().dependOnClassesThat().resideInAPackage(ModuleFinder.class.getPackageName() + "..")
            .because("plugin discovery and module layers are the business of " + PLUGIN_LOADING + " alone");

    // Rule 6: what ServiceLoader needs on the class path and the module path, and what djx promises.
    public static final ArchRule PROVIDERS_ARE_PUBLIC_FINAL_TOP_LEVEL_WITH_A_PUBLIC_NO_ARG_CONSTRUCTOR = classes()
            .that().implement(Plugin.class)
            .and().resideOutsideOfPackage(API)
            .should().bePublic()
            .andShould().haveModifier(JavaModifier.FINAL)
            .andShould().beTopLevelClasses()
            .andShould(haveAPublicNoArgumentConstructor())
            .because("ServiceLoader instantiates providers reflectively, and Plugin's contract says so");

    // Rule 7: any overload of printStackTrace counts, whatever stream it is given.
    public static final ArchRule ONLY_THE_LAUNCHER_WRITES_TO_THE_CONSOLE = noClasses()
            .that().resideOutsideOfPackage(LAUNCHER)
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethodWhere(printStackTrace())
            .because("only the launcher prints; everything else returns values or uses System.Logger");

    // Rule 8a: a bare RuntimeException (or Exception, Error, Throwable) says nothing a caller can act on.
    public static final ArchRule NO_CLASS_CREATES_A_BARE_EXCEPTION = noClasses()
            .should().callConstructorWhere(createsABare(RuntimeException.class, Exception.class, Error.class, Throwable.class))
            .because("djx throws specific exceptions of the api (ConfigurationException, PluginException, ...)");

    // Rule 8b: an exception of another family would reach the user as an internal error.
    public static final ArchRule EXCEPTIONS_DJX_DEFINES_ARE_DJX_EXCEPTIONS = classes()
            .that().areAssignableTo(Throwable.class)
            .should().beAssignableTo(DjxException.class)
            .because("the launcher tells user errors from bugs through DjxException.isUserError()");

    // Rule 8c: providers are the only public face of a plugin; helpers stay package-private.
    public static final ArchRule PLUGIN_CLASSES_OTHER_THAN_PROVIDERS_ARE_NOT_PUBLIC = classes()
            .that().resideInAPackage(PLUGINS)
            .and().doNotImplement(Plugin.class)
            .should().notBePublic()
            .because("a plugin's helpers are its own business, even on the class path where nothing is"
                    + " encapsulated");

    /**
     * The engine's computation and the tasks built on it: they see plain specs, never the experiment file
     * format, and never what runs them.
     */
    public static final String[] COMPUTATION = {"org.djx.engine.task..", "org.djx.engine.tasks..", "org.djx.engine.train..",
            "org.djx.engine.fit..", "org.djx.engine.model..", "org.djx.engine.spec..", "org.djx.engine.tabular..",
            "org.djx.engine.shift..", "org.djx.engine.metric..", "org.djx.engine.tensor..", "org.djx.engine.random..",
            "org.djx.engine.report..", "org.djx.engine.data..", "org.djx.engine.plugin..", "org.djx.engine.io.."};

    /** The packages that read experiment files, run them and launch djx. */
    public static final String[] FILE_FORMAT_AND_ORCHESTRATION = {"org.djx.engine.experiment..", "org.djx.engine.json..",
            "org.djx.engine.run..", "org.djx.engine.sweep..", "org.djx.engine.cli..", "com.fasterxml.jackson.."};

    /** The built-in tasks, which only the launcher names (to register them). */
    public static final String TASKS = "org.djx.engine.tasks..";

    /** What a task is and runs with; the tasks, the reader, the runner and the launcher use it. */
    public static final String TASK = "org.djx.engine.task..";

    /** What the tasks build on: it knows nothing of tasks. */
    public static final String[] BELOW_THE_TASKS = {"org.djx.engine.train..", "org.djx.engine.fit..", "org.djx.engine.model..",
            "org.djx.engine.spec..", "org.djx.engine.tabular..", "org.djx.engine.shift..", "org.djx.engine.metric..",
            "org.djx.engine.tensor..", "org.djx.engine.random..", "org.djx.engine.report..", "org.djx.engine.data..",
            "org.djx.engine.plugin..", "org.djx.engine.io.."};

    // Rule 9: specs are plain values, so computation and tasks never depend on the file format or the runner.
    public static final ArchRule COMPUTATION_NEVER_READS_THE_FILE_FORMAT = noClasses()
            .that().resideInAnyPackage(COMPUTATION)
            .should().dependOnClassesThat().resideInAnyPackage(FILE_FORMAT_AND_ORCHESTRATION)
            .because("a spec holds plain values, so that what computes never depends on how the file was written or run");

    // Rule 10: tasks depend on train, fit, model, data and report, never the reverse.
    public static final ArchRule THE_COMPUTATION_SITS_BELOW_THE_TASKS = noClasses()
            .that().resideInAnyPackage(BELOW_THE_TASKS)
            .should().dependOnClassesThat().resideInAnyPackage(TASK, TASKS)
            .because("tasks build on train, fit, model, data and report, which know nothing of tasks");

    // Rule 11: the reader, the schema and the runner learn the tasks from the registry, so adding one is one
    // class and one line.
    public static final ArchRule ONLY_THE_LAUNCHER_NAMES_THE_TASKS = noClasses()
            .that().resideInAPackage(ENGINE)
            .and().resideOutsideOfPackages(TASKS, LAUNCHER)
            .should().dependOnClassesThat().resideInAPackage(TASKS)
            .because("everything else reaches tasks through org.djx.engine.task.TaskRegistry");

    /** The package a Java application embeds to predict with a saved model. */
    public static final String SERVING = "org.djx.engine.serving..";

    // Rule 12: a saved model is served from plain Java, so what serves it never reaches the launcher or its library.
    public static final ArchRule SERVING_IS_FREE_OF_THE_LAUNCHER = noClasses()
            .that().resideInAPackage(SERVING)
            .should().dependOnClassesThat().resideInAnyPackage(LAUNCHER, "picocli..", TASKS)
            .because("an application that embeds a model gets the model, not the command line or the tasks");

    /** The one module that may name Spark: its executor of a sweep's runs. */
    public static final String SPARK_EXECUTOR = "org.djx.spark..";

    // Rule 13: Spark is a cluster's, provided at run time and no JPMS module; djx-spark alone knows it is there.
    public static final ArchRule ONLY_THE_SPARK_EXECUTOR_NAMES_SPARK = noClasses()
            .that().resideOutsideOfPackage(SPARK_EXECUTOR)
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
            .because("every other module runs without Spark, on the module path; the engine reaches the Spark executor"
                    + " through ServiceLoader");

    private ArchitectureRules() {
    }

    /**
     * Returns the rule that each plugin depends only on the JDK, the api, its own packages, and the
     * libraries listed for it.
     *
     * @param librariesByPlugin package patterns such as {@code org.apache.commons.csv..} by plugin name
     *                          (the package segment after {@code org.djx.plugins}); a plugin that is not
     *                          a key may use no library
     */
    public static ArchRule pluginsSeeOnlyTheJdkTheApiAndTheirOwnLibraries(Map<String, List<String>> librariesByPlugin) {
        Map<String, List<String>> libraries = new TreeMap<>(librariesByPlugin);
        return classes()
                .that().resideInAPackage(PLUGINS)
                .should(dependOnlyOnTheJdkTheApiTheirOwnPluginAnd(libraries))
                .because("a plugin reaches the engine only through the context objects the api defines,"
                        + " and never another plugin");
    }

    private static ArchCondition<JavaClass> dependOnlyOnTheJdkTheApiTheirOwnPluginAnd(Map<String, List<String>> libraries) {
        return new ArchCondition<>("depend only on java.., " + API + ", their own plugin's packages and their"
                + " plugin's libraries " + libraries) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String plugin = pluginOf(javaClass.getPackageName());
                List<PackageMatcher> allowed = new ArrayList<>();
                allowed.add(PackageMatcher.of("java.."));
                allowed.add(PackageMatcher.of(API));
                allowed.add(PackageMatcher.of(plugin.isEmpty() ? "org.djx.plugins" : PLUGINS_PREFIX + plugin + ".."));
                libraries.getOrDefault(plugin, List.of()).forEach(pattern -> allowed.add(PackageMatcher.of(pattern)));
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (target.isPrimitive()) {
                        continue;
                    }
                    String targetPackage = target.getPackageName();
                    if (allowed.stream().noneMatch(matcher -> matcher.matches(targetPackage))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                + (plugin.isEmpty() ? "" : " (plugin '" + plugin + "')")));
                    }
                }
            }
        };
    }

    /** Returns the plugin name of a package in {@code org.djx.plugins}, or empty for the root package. */
    static String pluginOf(String packageName) {
        if (!packageName.startsWith(PLUGINS_PREFIX)) {
            return "";
        }
        String rest = packageName.substring(PLUGINS_PREFIX.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
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

    private static DescribedPredicate<JavaMethodCall> printStackTrace() {
        return new DescribedPredicate<>("Throwable.printStackTrace") {
            @Override
            public boolean test(JavaMethodCall call) {
                return call.getName().equals("printStackTrace") && call.getTargetOwner().isAssignableTo(Throwable.class);
            }
        };
    }

    /**
     * Matches {@code new X(...)} of the given exception types. A subclass's constructor calling
     * {@code super(...)} is how a specific exception is built, so it does not count.
     */
    private static DescribedPredicate<JavaConstructorCall> createsABare(Class<?>... types) {
        Set<String> names = Arrays.stream(types).map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        return new DescribedPredicate<>("the target is a bare " + names) {
            @Override
            public boolean test(JavaConstructorCall call) {
                JavaClass target = call.getTargetOwner();
                if (!names.contains(target.getName())) {
                    return false;
                }
                boolean superCall = call.getOrigin() instanceof JavaConstructor
                        && call.getOriginOwner().getRawSuperclass().map(s -> s.getName().equals(target.getName())).orElse(false);
                return !superCall;
            }
        };
    }
}
