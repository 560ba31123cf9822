package org.djx.engine.plugin;

import java.lang.module.ModuleDescriptor;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.djx.api.spi.Plugin;

/**
 * Which api versions a plugin may have been compiled against and still run on this djx.
 *
 * <p>The api follows semantic versioning: within a major version a newer api keeps everything an older
 * one had, so a plugin built against 1.2 runs on 1.5, but not the other way round, since it may call
 * what 1.2 lacks. Before 1.0 a minor version may break plugins, as semantic versioning allows, so 0.1.x
 * and 0.2.x do not mix. Patch versions never matter.
 */
final class ApiVersions {
    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)(?:[.\\-+].*)?$");

    private ApiVersions() {
    }

    /**
     * Returns the version of the api djx runs with: its module's version, or on the class path the
     * version in the api jar's module-info.class; empty when neither records one.
     */
    static Optional<String> running() {
        Module api = Plugin.class.getModule();
        if (api.getDescriptor() != null) {
            return api.getDescriptor().rawVersion();
        }
        return PluginOrigin.compiledDescriptor(Plugin.class).flatMap(ModuleDescriptor::rawVersion);
    }

    /**
     * Returns why a plugin whose module {@code module} was compiled against api {@code builtAgainst}
     * is not loaded on an api {@code running}, the same on the module path and the class path; empty
     * if it fits.
     */
    static Optional<String> refusal(String module, String builtAgainst, String running) {
        return incompatibility(builtAgainst, running).map(why -> "was built against djx-api " + builtAgainst
                + " (module " + module + " requires " + PluginOrigin.API_MODULE + "@" + builtAgainst + "), but this djx"
                + " runs djx-api " + running + " (" + why + "); rebuild the plugin against djx-api " + running
                + "; it was not loaded");
    }

    /**
     * Returns why a plugin class written for api 0.1 is not loaded, or null. Api 0.2 renamed
     * {@code Plugin.parameters()} to {@code configuration()}, which has a default: a 0.1 plugin in a jar
     * without a module descriptor (which would name its api version) would link, load and silently accept
     * no configuration key, so the old method's presence is what tells.
     */
    static String olderApi(Class<?> plugin) {
        try {
            java.lang.reflect.Method parameters = plugin.getMethod("parameters");
            java.lang.reflect.Method configuration = plugin.getMethod("configuration");
            boolean declaresTheOldMethod = java.util.List.class.isAssignableFrom(parameters.getReturnType())
                    && !parameters.getDeclaringClass().getName().startsWith("org.djx.api.")
                    // a class that is also a layer declares parameters() for its weights
                    && !org.djx.api.spi.Layer.class.isAssignableFrom(plugin);
            if (declaresTheOldMethod && configuration.getDeclaringClass() == Plugin.class) {
                String running = running().orElse("of this djx");
                return "was built against djx-api 0.1 (it declares parameters(), which djx-api 0.2 renamed configuration()),"
                        + " but this djx runs djx-api " + running + "; rebuild the plugin against djx-api " + running;
            }
        } catch (NoSuchMethodException e) {
            // no parameters() method: not a 0.1 plugin
        }
        return null;
    }

    /**
     * Returns why a plugin compiled against api {@code builtAgainst} cannot run on api {@code running},
     * or empty if it can.
     */
    static Optional<String> incompatibility(String builtAgainst, String running) {
        if (builtAgainst.equals(running)) {
            return Optional.empty();
        }
        Matcher built = MAJOR_MINOR.matcher(builtAgainst);
        Matcher run = MAJOR_MINOR.matcher(running);
        if (!built.matches() || !run.matches()) {
            return Optional.of("the versions differ and are not of the form MAJOR.MINOR.PATCH");
        }
        long builtMajor = Long.parseLong(built.group(1));
        long runMajor = Long.parseLong(run.group(1));
        long builtMinor = Long.parseLong(built.group(2));
        long runMinor = Long.parseLong(run.group(2));
        if (builtMajor != runMajor) {
            return Optional.of("a new major version of the api may break plugins");
        }
        if (builtMajor == 0 && builtMinor != runMinor) {
            return Optional.of("before 1.0 a new minor version of the api may break plugins");
        }
        if (builtMinor > runMinor) {
            return Optional.of("it may use what the older api " + running + " lacks");
        }
        // Same minor version: a patch adds nothing a plugin could call.
        return Optional.empty();
    }
}
