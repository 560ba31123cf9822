package org.djx.plugins.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.djx.api.spi.OptimizerFactory;
import org.djx.api.spi.Plugin;
import org.djx.api.spi.ScheduleFactory;
import org.junit.jupiter.api.Test;

/** Guards that a new built-in optimizer or schedule cannot ship without its own golden-value tests. */
class BuiltInOptimizersTests {
    @Test
    void everyBuiltInOptimizerHasGoldenValueTests() {
        // Each name here has a test class next to this one: SgdOptimizerTests, AdamOptimizerTests,
        // AdamWOptimizerTests; TorchTrajectoriesTests compares sgd and adamw with PyTorch.
        assertThat(names(OptimizerFactory.class)).containsExactlyInAnyOrder("sgd", "adam", "adamw");
    }

    @Test
    void everyBuiltInScheduleHasGoldenValueTests() {
        // StepScheduleTests, CosineScheduleTests, LinearWarmupScheduleTests; and TorchTrajectoriesTests.
        assertThat(names(ScheduleFactory.class)).containsExactlyInAnyOrder("step", "cosine", "linear-warmup");
    }

    private static Set<String> names(Class<? extends Plugin> kind) {
        return ServiceLoader.load(kind).stream().map(p -> p.get().name()).collect(Collectors.toSet());
    }
}
