package org.djx.plugins.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.djx.api.DType;
import org.djx.api.Parameter;
import org.djx.api.Shape;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerFactory;
import org.djx.testkit.PluginConfig;
import org.junit.jupiter.api.Test;

/**
 * The float32 updates of the optimizers with state follow their float64 updates: the kit's trajectories
 * run in float64, so this runs both element types side by side on f = 1/2 sum a_i (w_i - c_i)^2.
 */
class Float32Tests {
    private static final double[] A = {0.5, 1, 2, 4};
    private static final double[] C = {1, -2, 0.5, 3};
    private static final double[] START = {-1, 1, 2.5, 0};
    private static final int STEPS = 40;

    @Test
    void sgdWithMomentumDampeningAndNesterovComputesInFloat32AsInFloat64() {
        SgdOptimizerFactory sgd = new SgdOptimizerFactory();
        check(sgd, Map.of("lr", 0.02, "momentum", 0.9, "weight-decay", 0.1));
        check(sgd, Map.of("lr", 0.02, "momentum", 0.8, "dampening", 0.3));
        check(sgd, Map.of("lr", 0.02, "momentum", 0.9, "nesterov", true));
    }

    @Test
    void adamwWithAndWithoutAmsgradComputesInFloat32AsInFloat64() {
        AdamWOptimizerFactory adamw = new AdamWOptimizerFactory();
        check(adamw, Map.of("lr", 0.05, "weight-decay", 0.1));
        check(adamw, Map.of("lr", 0.05, "weight-decay", 0.1, "amsgrad", true, "beta2", 0.5));
    }

    private static void check(OptimizerFactory factory, Map<String, ?> settings) {
        double[] wide = run(factory, settings, DType.FLOAT64);
        double[] narrow = run(factory, settings, DType.FLOAT32);
        for (int i = 0; i < A.length; i++) {
            assertThat(narrow[i]).as("%s %s, variable %d after %d steps", factory.name(), settings, i, STEPS)
                    .isCloseTo(wide[i], within(1e-4 * Math.max(1, Math.abs(wide[i]))));
            // Moved well away from the start, so the comparison says something.
            assertThat(Math.abs(wide[i] - START[i])).isGreaterThan(0.1);
        }
    }

    private static double[] run(OptimizerFactory factory, Map<String, ?> settings, DType dtype) {
        Parameter p = new Parameter("w", Parameter.Role.WEIGHT, dtype, Shape.of(A.length), 1, 1);
        for (int i = 0; i < A.length; i++) {
            p.value().set(i, START[i]);
        }
        Optimizer optimizer = factory.create(PluginConfig.of(factory, settings), List.of(p));
        for (int t = 0; t < STEPS; t++) {
            for (int i = 0; i < A.length; i++) {
                p.gradient().set(i, A[i] * (p.value().get(i) - C[i]));
            }
            optimizer.step();
        }
        assertThat(p.value().dtype()).isEqualTo(dtype);
        double[] out = new double[A.length];
        for (int i = 0; i < A.length; i++) {
            out[i] = p.value().get(i);
        }
        return out;
    }
}
