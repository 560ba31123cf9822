package org.djx.plugins.nn;

import org.djx.testkit.PluginArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules djx hands plugin authors, run as a third-party plugin runs them.
 */
class PluginArchitectureTests {
    @Test
    void keepsDjxsArchitectureRulesForPlugins() {
        PluginArchitecture.check("org.djx.plugins.nn");
    }
}
