package org.djx.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.djx.api.spi.BatchBuffer;
import org.djx.api.spi.Layer;
import org.djx.api.spi.LayerContext;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerState;
import org.djx.api.spi.Schedule;
import org.djx.api.spi.ScheduleFactory;
import org.junit.jupiter.api.Test;

class StabilityTests {
    /** A public type without a marker, which the check must report. */
    public static final class UnmarkedFixture {
    }

    /** A public type with a marker, which the check must pass. */
    @Stability(Stability.Status.STABLE)
    public static final class MarkedFixture {
    }

    /** Returns the public types of {@code types} without a {@link Stability} marker, by name. */
    private static List<String> unmarked(List<Class<?>> types) {
        return types.stream().filter(t -> Modifier.isPublic(t.getModifiers()))
                .filter(t -> !t.isAnnotationPresent(Stability.class)).map(Class::getName).toList();
    }

    /** Loads every top-level type compiled into the api module (its nested types share its status). */
    private static List<Class<?>> apiTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Tensor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                if (!name.contains("$") && !name.endsWith("module-info") && !name.endsWith("package-info")) {
                    types.add(Class.forName(name, false, StabilityTests.class.getClassLoader()));
                }
            }
        }
        return types;
    }

    @Test
    void everyPublicTypeOfTheApiCarriesAStabilityMarker() throws Exception {
        List<Class<?>> types = apiTypes();

        // Guards against a vacuous pass: the api has some thirty public types.
        assertThat(types).hasSizeGreaterThan(25).contains(Tensor.class, Layer.class, OptimizerState.class);
        assertThat(unmarked(types)).isEmpty();
    }

    @Test
    void theCheckReportsAPublicTypeWithoutAMarkerAndPassesAMarkedOne() {
        assertThat(unmarked(List.of(UnmarkedFixture.class, MarkedFixture.class)))
                .containsExactly(UnmarkedFixture.class.getName());
    }

    @Test
    void longStandingTypesAreStableAndTheHooksAndKindsOfApi02Experimental() throws Exception {
        assertThat(Tensor.class.getAnnotation(Stability.class).value()).isEqualTo(Stability.Status.STABLE);
        assertThat(Layer.class.getAnnotation(Stability.class).value()).isEqualTo(Stability.Status.STABLE);
        assertThat(BatchBuffer.class.getAnnotation(Stability.class).value()).isEqualTo(Stability.Status.EXPERIMENTAL);
        assertThat(OptimizerState.class.getAnnotation(Stability.class).value()).isEqualTo(Stability.Status.EXPERIMENTAL);
        assertThat(ScheduleFactory.class.getAnnotation(Stability.class).value()).isEqualTo(Stability.Status.EXPERIMENTAL);
        assertThat(Schedule.class.getAnnotation(Stability.class).value()).isEqualTo(Stability.Status.EXPERIMENTAL);
        assertThat(List.of(Layer.class.getMethod("setTraining", boolean.class),
                LayerContext.class.getMethod("buffer", int.class),
                Optimizer.class.getMethod("baseLearningRate"),
                Optimizer.class.getMethod("setLearningRate", double.class),
                Optimizer.class.getMethod("exportState"),
                Optimizer.class.getMethod("restoreState", OptimizerState.class)))
                .allSatisfy(m -> assertThat(m.getAnnotation(Stability.class).value())
                        .as(m.toString()).isEqualTo(Stability.Status.EXPERIMENTAL));
    }
}
