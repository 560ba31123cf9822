package org.djx.plugins.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.djx.api.spi.OptimizerFactory;
import org.junit.jupiter.api.Test;

/** Guards that a new built-in optimizer cannot ship without its own golden-value tests. */
class BuiltInOptimizersTests {
    @Test
    void everyBuiltInOptimizerHasGoldenValueTests() {
        Set<String> discovered = ServiceLoader.load(OptimizerFactory.class).stream()
                .map(p -> p.get().name())
                .collect(Collectors.toSet());

        // Each name here has a test class next to this one: SgdOptimizerTests, AdamOptimizerTests.
        assertThat(discovered).containsExactlyInAnyOrder("sgd", "adam");
    }
}
