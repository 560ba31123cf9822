package com.example.djx.extras;

import org.djx.testkit.PluginArchitecture;
import org.junit.jupiter.api.Test;

/**
 * djx's architecture rules for plugins, from the kit: the plugin uses the JDK and djx's api alone, its
 * providers are public final classes with a public no-argument constructor, their names are kebab-case
 * and unique per kind, and each is registered in module-info and in META-INF/services.
 */
class PluginArchitectureTests {
    @Test
    void keepsDjxsArchitectureRulesForPlugins() {
        // A plugin that bundles a library names its packages here, such as "org.apache.commons.csv..".
        PluginArchitecture.check("com.example.djx.extras");
    }
}
