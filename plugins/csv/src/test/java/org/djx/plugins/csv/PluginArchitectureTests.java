package org.djx.plugins.csv;

import org.djx.testkit.PluginArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules djx hands plugin authors, run as a third-party plugin runs them. It reads CSV with commons-csv, the one library it may use.
 */
class PluginArchitectureTests {
    @Test
    void keepsDjxsArchitectureRulesForPlugins() {
        PluginArchitecture.check("org.djx.plugins.csv", "org.apache.commons.csv..");
    }
}
