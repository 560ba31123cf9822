package org.djx.testkit;

import java.util.Locale;
import java.util.SplittableRandom;
import org.djx.api.Stability;
import org.djx.api.Tensor;
import org.djx.api.spi.Config;
import org.djx.api.spi.Layer;
import org.djx.api.spi.LayerFactory;

/**
 * Checks for a layer that drops elements at random in training, as inverted dropout does: finite differences
 * cannot check such a layer, since every forward pass draws a new mask, so these check what defines it.
 * <ul>
 *   <li>in evaluation (a new layer's mode) it is the identity: forward returns the input and backward the
 *       output gradient, exactly;</li>
 *   <li>in training each output element is 0 or the input times 1 / (1 - p); over 100,000 elements the share
 *       of zeros is p and the mean output is the mean input, each within 5 standard errors (the expected value
 *       is preserved);</li>
 *   <li>backward passes the gradient through the same mask: dx = dy * (y / x), element by element, to 1e-12;</li>
 *   <li>two forward passes draw different masks, and two layers created with the same seed draw the same ones;</li>
 *   <li>after {@code setTraining(false)} it is the identity again, and in float32 it follows the same rules.</li>
 * </ul>
 *
 * @since 0.2
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class DropoutChecks {
    private static final int WIDTH = 50;
    private static final int ROWS = 2000;
    private static final long SEED = 0xD0_0B_5EEDL;

    private DropoutChecks() {
    }

    /**
     * Checks a dropout layer that zeroes each element with probability {@code p} in training.
     *
     * @throws AssertionError describing the first failure
     */
    public static void checkDropout(LayerFactory factory, Config config, double p) {
        String who = factory.name() + " " + config;
        Tensor x = input();
        Layer evaluation = factory.create(config, new TestLayerContext(WIDTH, SEED));
        Tensor same = evaluation.forward(x);
        for (int i = 0; i < x.size(); i++) {
            require(same.get(i) == x.get(i), who, "in evaluation, output " + i + " is " + same.get(i) + " for input " + x.get(i));
        }
        Tensor dy = input();
        Tensor back = evaluation.backward(dy);
        for (int i = 0; i < dy.size(); i++) {
            require(back.get(i) == dy.get(i), who, "in evaluation, input gradient " + i + " is " + back.get(i) + " for " + dy.get(i));
        }

        Layer training = factory.create(config, new TestLayerContext(WIDTH, SEED));
        training.setTraining(true);
        Tensor y = training.forward(x).copy();
        double scale = 1 / (1 - p);
        int zeros = 0;
        double sumIn = 0;
        double sumOut = 0;
        double sumSquares = 0;
        for (int i = 0; i < x.size(); i++) {
            double ratio = y.get(i) / x.get(i);
            boolean dropped = y.get(i) == 0;
            require(dropped || Math.abs(ratio - scale) <= 1e-6 * scale, who, "in training, output " + i + " is " + y.get(i)
                    + " for input " + x.get(i) + ": neither 0 nor the input times 1 / (1 - p) = " + scale);
            zeros += dropped ? 1 : 0;
            sumIn += x.get(i);
            sumOut += y.get(i);
            sumSquares += x.get(i) * x.get(i);
        }
        int n = x.size();
        double share = (double) zeros / n;
        double shareError = Math.sqrt(p * (1 - p) / n);
        require(Math.abs(share - p) <= 5 * shareError + 1e-12, who, String.format(Locale.ROOT,
                "in training, %.4f of the elements are zeroed, expected p = %s within %.4f", share, p, 5 * shareError));
        // Each output is x * m with E[m] = 1 and Var[m] = p / (1 - p): the mean's standard error follows from sum x^2.
        double meanError = Math.sqrt(p / (1 - p) * sumSquares) / n;
        require(Math.abs(sumOut / n - sumIn / n) <= 5 * meanError + 1e-12, who, String.format(Locale.ROOT,
                "in training, the mean output is %.5f for a mean input of %.5f; dropout must keep the expected value"
                        + " (allowed %.5f)", sumOut / n, sumIn / n, 5 * meanError));

        Tensor dx = training.backward(dy);
        for (int i = 0; i < n; i++) {
            double expected = dy.get(i) * (y.get(i) / x.get(i));
            require(Math.abs(dx.get(i) - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), who, "in training, input gradient "
                    + i + " is " + dx.get(i) + ", but the mask of the forward pass gives dy * y / x = " + expected);
        }

        Tensor again = training.forward(x);
        boolean differs = false;
        for (int i = 0; i < n && !differs; i++) {
            differs = again.get(i) != y.get(i);
        }
        require(p == 0 || differs, who, "two forward passes in training drew the same mask; each step needs a new one");
        // Back in evaluation after training, it is the identity again.
        training.setTraining(false);
        Tensor after = training.forward(x);
        for (int i = 0; i < n; i++) {
            require(after.get(i) == x.get(i), who, "after setTraining(false), output " + i + " is " + after.get(i)
                    + " for input " + x.get(i) + "; evaluation must pass the input through");
        }
        // In float32 the same rules hold: each output is 0 or the input times 1 / (1 - p).
        Layer single = factory.create(config, new TestLayerContext(WIDTH, SEED, org.djx.api.DType.FLOAT32));
        single.setTraining(true);
        Tensor x32 = x.to(org.djx.api.DType.FLOAT32);
        Tensor y32 = single.forward(x32);
        for (int i = 0; i < n; i++) {
            double out = y32.get(i);
            require(out == 0 || Math.abs(out / x32.get(i) - scale) <= 1e-5 * scale, who, "in float32 training, output " + i
                    + " is " + out + " for input " + x32.get(i) + ": neither 0 nor the input times " + scale);
        }
        Layer twin = factory.create(config, new TestLayerContext(WIDTH, SEED));
        twin.setTraining(true);
        Tensor twinOut = twin.forward(x);
        for (int i = 0; i < n; i++) {
            require(twinOut.get(i) == y.get(i), who, "two layers created with the same seed drew different masks (element " + i
                    + "): draw from LayerContext.random, not from an unseeded generator");
        }
    }

    private static Tensor input() {
        SplittableRandom random = new SplittableRandom(SEED);
        double[][] rows = new double[ROWS][WIDTH];
        for (double[] row : rows) {
            for (int c = 0; c < WIDTH; c++) {
                double magnitude = random.nextDouble(0.1, 2);
                row[c] = random.nextBoolean() ? magnitude : -magnitude;
            }
        }
        return Tensor.matrix(rows);
    }

    private static void require(boolean holds, String who, String what) {
        if (!holds) {
            throw new AssertionError(who + ": " + what);
        }
    }
}
