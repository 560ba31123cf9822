package org.djx.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.djx.api.DType;
import org.djx.api.Parameter;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.api.spi.Config;
import org.djx.api.spi.Layer;
import org.djx.api.spi.LayerFactory;

/**
 * Gradient checks that every {@link LayerFactory} runs: the backward pass against central finite
 * differences of the forward pass, for the input and every parameter.
 *
 * <p>For each input width (by default 2 and 5) the kit creates one layer with a
 * {@link TestLayerContext} and feeds it batches of 3, 8 and 1 rows in that order (so buffers both grow
 * and shrink). For each batch it draws an input x whose elements have magnitude in [0.1, 2) and random
 * sign, and a fixed output weighting r uniform in [-1, 1), and checks the gradients of the scalar
 * {@code L = sum(r * forward(x))}:
 * <ul>
 *   <li>analytic: {@code backward(r)} after a fresh {@code forward(x)} gives dL/dx, and each
 *       parameter's {@link Parameter#gradient()} gives dL/dparameter;</li>
 *   <li>numeric: each element v of x and of every parameter value is set in place to {@code v + h} and
 *       {@code v - h} with {@link #STEP h = 1e-5}, and the derivative is
 *       {@code sum(r * (forward(x+) - forward(x-))) / ((v + h) - (v - h))};</li>
 *   <li>they agree when every element's relative error {@code |a - n| / max(|a| + |n|, 1e-8)} is at
 *       most {@link #TOLERANCE 1e-6} (or the bound the author passes).</li>
 * </ul>
 * The step is close to the cube root of the double-precision epsilon, which balances truncation and
 * rounding error of central differences. Inputs keep at least 0.1, ten thousand steps, away from zero,
 * so a layer with a kink at zero (relu) is never differentiated across it.
 *
 * <p>The checks also require that forward returns {@code batch x outputFeatures()} finite values and
 * leaves its input alone; that backward returns a finite {@code batch x width} gradient, leaves the
 * output gradient alone and <em>overwrites</em> parameter gradients: a second forward and backward on the
 * same batch must give the same gradients (within 1e-12), not twice them. The input and the output
 * gradient view arrays longer than their shapes, padded with NaN, as the engine's smaller last batch
 * does ({@link Tensor#withRows}): a layer must read and write only their first {@code size()} elements.
 *
 * <p>A failure is an {@link AssertionError} naming the layer and its configuration, the width and
 * batch, the tensor ({@code 'input'} or the parameter's name), its shape, the worst element's index
 * ({@code (row, column)} for a matrix), the analytic and numeric values and the relative error.
 *
 * @since 0.1
 */
public final class LayerChecks {
    /** The finite-difference step h. */
    public static final double STEP = 1e-5;
    /** The default bound on the relative error between analytic and numeric gradients. */
    public static final double TOLERANCE = 1e-6;

    private static final int[] DEFAULT_WIDTHS = {2, 5};
    private static final int[] BATCHES = {3, 8, 1};
    private static final double REPEAT_TOLERANCE = 1e-12;
    private static final long SEED = 0x5EED_1A7E_4L;

    private LayerChecks() {
    }

    /**
     * Checks the layer's gradients at input widths 2 and 5 with the default bound {@link #TOLERANCE}.
     *
     * @throws AssertionError describing the first failure
     */
    public static void checkGradients(LayerFactory factory, Config config) {
        checkGradients(factory, config, TOLERANCE, DEFAULT_WIDTHS);
    }

    /**
     * Checks the layer's gradients at input widths 2 and 5 with an author's bound, for a layer whose
     * arithmetic loses more precision than plain double loops.
     *
     * @throws AssertionError describing the first failure
     */
    public static void checkGradients(LayerFactory factory, Config config, double tolerance) {
        checkGradients(factory, config, tolerance, DEFAULT_WIDTHS);
    }

    /**
     * Checks the layer's gradients at the given input widths, for a layer whose configuration fixes its
     * input width (such as explicit weights).
     *
     * @param inputWidths one or more positive widths
     * @throws AssertionError describing the first failure
     */
    public static void checkGradients(LayerFactory factory, Config config, double tolerance, int... inputWidths) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(config, "config");
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be positive and finite, found " + tolerance);
        }
        if (inputWidths.length == 0) {
            throw new IllegalArgumentException("give at least one input width");
        }
        String layerName = Comparison.plugin("layer", factory.name(), config);
        for (int width : inputWidths) {
            Layer layer = factory.create(config, new TestLayerContext(width, SEED + width));
            if (layer == null) {
                throw new AssertionError(layerName + ": create returned null");
            }
            for (int batch : BATCHES) {
                String where = layerName + " (input width " + width + ", batch " + batch + ")";
                try {
                    checkBatch(where, layer, width, batch, tolerance);
                } catch (RuntimeException e) {
                    throw new AssertionError(where + ": the layer threw " + e, e);
                }
            }
        }
    }

    /** The bound on the relative difference between a layer's float32 and float64 results. */
    public static final double FLOAT32_TOLERANCE = 1e-4;

    /**
     * Checks that the layer computes in float32 what it computes in float64, within single precision:
     * at input widths 2 and 5 it creates the layer twice, with {@link TestLayerContext}s of the same seed
     * in each element type (so the float32 twin starts from the float64 values rounded), and for
     * batches of 3, 8 and 1 compares the forward output, the input gradient of {@code backward(r)} and
     * every parameter gradient. Two elements agree when {@code |a32 - a64| <= FLOAT32_TOLERANCE *
     * (|a64| + s)}, s the tensor's largest magnitude, so that a sum of terms that cancel is judged by
     * the terms' size. It also requires float32 outputs and gradients, and that
     * {@link Layer#backwardParameters} writes the parameter gradients that {@code backward} writes.
     *
     * @throws AssertionError describing the first failure
     */
    public static void checkFloat32(LayerFactory factory, Config config) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(config, "config");
        String layerName = Comparison.plugin("layer", factory.name(), config);
        for (int width : DEFAULT_WIDTHS) {
            Layer exact = factory.create(config, new TestLayerContext(width, SEED + width, DType.FLOAT64));
            Layer single = factory.create(config, new TestLayerContext(width, SEED + width, DType.FLOAT32));
            if (exact == null || single == null) {
                throw new AssertionError(layerName + ": create returned null");
            }
            for (int batch : BATCHES) {
                String where = layerName + " (input width " + width + ", batch " + batch + ")";
                try {
                    compareTypes(where, exact, single, width, batch);
                } catch (RuntimeException e) {
                    throw new AssertionError(where + ": the layer threw " + e, e);
                }
            }
        }
    }

    private static void compareTypes(String where, Layer exact, Layer single, int width, int batch) {
        SplittableRandom random = new SplittableRandom(SEED * 7 + width * 10L + batch);
        Tensor x = Tensor.zeros(batch, width);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, Comparison.awayFromZero(random, 0.1, 2.0));
        }
        // Inputs exactly representable in float32, so both layers see the same numbers.
        x = x.to(DType.FLOAT32).to(DType.FLOAT64);
        Tensor y64 = exact.forward(x);
        Tensor y32 = single.forward(x.to(DType.FLOAT32));
        requireFloat32(where, "forward output", y32);
        agree(where, "forward output", y64, y32);
        Tensor r = Tensor.zeros(y64.rows(), exact.outputFeatures());
        for (int i = 0; i < r.size(); i++) {
            r.set(i, random.nextDouble(-1, 1));
        }
        r = r.to(DType.FLOAT32).to(DType.FLOAT64);
        Tensor dx64 = exact.backward(r);
        Tensor dx32 = single.backward(r.to(DType.FLOAT32));
        requireFloat32(where, "input gradient", dx32);
        agree(where, "input gradient", dx64, dx32);
        List<Parameter> p64 = exact.parameters();
        List<Parameter> p32 = single.parameters();
        if (p64.size() != p32.size()) {
            throw new AssertionError(where + ": " + p64.size() + " float64 parameters but " + p32.size() + " float32");
        }
        double[][] fromBackward = new double[p32.size()][];
        for (int k = 0; k < p32.size(); k++) {
            requireFloat32(where, "parameter '" + p32.get(k).name() + "'", p32.get(k).value());
            requireFloat32(where, "gradient of '" + p32.get(k).name() + "'", p32.get(k).gradient());
            agree(where, "gradient of '" + p64.get(k).name() + "'", p64.get(k).gradient(), p32.get(k).gradient());
            fromBackward[k] = p32.get(k).gradient().toArray();
            p32.get(k).gradient().fill(Double.NaN);
        }
        single.forward(x.to(DType.FLOAT32));
        single.backwardParameters(r.to(DType.FLOAT32));
        for (int k = 0; k < p32.size(); k++) {
            double[] again = p32.get(k).gradient().toArray();
            if (!Arrays.equals(again, fromBackward[k])) {
                throw new AssertionError(where + ": backwardParameters wrote a different gradient of '" + p32.get(k).name()
                        + "' than backward: " + Arrays.toString(again) + " against "
                        + Arrays.toString(fromBackward[k]));
            }
        }
    }

    private static void requireFloat32(String where, String what, Tensor t) {
        if (t.dtype() != DType.FLOAT32) {
            throw new AssertionError(where + ": the float32 layer's " + what + " is " + t.dtype()
                    + "; a layer computes in its context's dtype()");
        }
    }

    private static void agree(String where, String what, Tensor expected, Tensor actual) {
        if (!expected.shape().equals(actual.shape())) {
            throw new AssertionError(where + ": " + what + " has shape " + actual.shape() + " in float32 but "
                    + expected.shape() + " in float64");
        }
        double scale = 0;
        for (int i = 0; i < expected.size(); i++) {
            scale = Math.max(scale, Math.abs(expected.get(i)));
        }
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.get(i);
            double a = actual.get(i);
            if (!(Math.abs(a - e) <= FLOAT32_TOLERANCE * (Math.abs(e) + scale))) {
                throw new AssertionError(where + ": " + what + " element " + i + " is " + a + " in float32 but " + e
                        + " in float64 (allowed difference " + FLOAT32_TOLERANCE * (Math.abs(e) + scale) + ")");
            }
        }
    }

    private static void checkBatch(String where, Layer layer, int width, int batch, double tolerance) {
        SplittableRandom random = new SplittableRandom(SEED * 1_000 + width * 10L + batch);
        double[] xOriginal = new double[batch * width];
        for (int i = 0; i < xOriginal.length; i++) {
            xOriginal[i] = Comparison.awayFromZero(random, 0.1, 2.0);
        }
        Tensor x = Comparison.padded(Shape.of(batch, width), xOriginal);
        double[] xd = x.data();

        Tensor y = layer.forward(x);
        int outputs = layer.outputFeatures();
        Shape outputShape = Shape.of(batch, outputs);
        if (!y.shape().equals(outputShape)) {
            throw new AssertionError(where + ": forward returned shape " + y.shape() + ", expected " + outputShape
                    + " (batch x outputFeatures())");
        }
        requireFinite(where, "the forward output", y);
        requireUnchanged(where, "forward modified its input", x, xOriginal);

        double[] rd = new double[batch * outputs];
        for (int i = 0; i < rd.length; i++) {
            rd[i] = random.nextDouble(-1, 1);
        }
        Tensor outputGradient = Comparison.padded(outputShape, rd);
        Tensor dx = layer.backward(outputGradient);
        requireUnchanged(where, "backward modified its output gradient", outputGradient, rd);
        int past = Math.max(Comparison.writtenPastSize(x), Comparison.writtenPastSize(outputGradient));
        if (past >= 0) {
            throw new AssertionError(where + ": the layer wrote past the size of a tensor it was given, at position "
                    + past + " of the backing array; tensors may view longer arrays (Tensor.withRows)");
        }
        requireUnchanged(where, "backward modified the input of the last forward", x, xOriginal);
        if (!dx.shape().equals(x.shape())) {
            throw new AssertionError(where + ": backward returned an input gradient of shape " + dx.shape()
                    + ", expected " + x.shape() + " (the input's shape)");
        }
        requireFinite(where, "the input gradient", dx);
        double[] analyticInput = dx.toArray();
        List<Parameter> parameters = layer.parameters();
        double[][] analytic = new double[parameters.size()][];
        for (int k = 0; k < parameters.size(); k++) {
            analytic[k] = parameters.get(k).gradient().toArray();
        }

        // The same batch again: an accumulating backward would now report twice the gradient.
        layer.forward(x);
        Tensor dxAgain = layer.backward(Comparison.padded(outputShape, rd));
        for (int k = 0; k < parameters.size(); k++) {
            Parameter p = parameters.get(k);
            String problem = Comparison.compare(p.gradient().shape(), p.gradient().toArray(), analytic[k],
                    REPEAT_TOLERANCE, "second", "first");
            if (problem != null) {
                throw new AssertionError(where + ": a second forward and backward on the same batch changed the gradient"
                        + " of '" + p.name() + "' (shape " + p.gradient().shape() + ") at " + problem
                        + "; backward must overwrite each parameter's gradient, not add to it");
            }
        }
        String repeat = Comparison.compare(dx.shape(), dxAgain.toArray(), analyticInput, REPEAT_TOLERANCE, "second",
                "first");
        if (repeat != null) {
            throw new AssertionError(where + ": a second forward and backward on the same batch changed the input"
                    + " gradient (shape " + dx.shape() + ") at " + repeat
                    + "; backward must depend on the last forward and the output gradient alone");
        }

        double[] numericInput = numeric(layer, x, xd, x.size(), rd);
        report(where, "'input'", x.shape(), analyticInput, numericInput, tolerance);
        for (int k = 0; k < parameters.size(); k++) {
            Parameter p = parameters.get(k);
            double[] numericParameter = numeric(layer, x, p.value().data(), p.value().size(), rd);
            report(where, "'" + p.name() + "'", p.value().shape(), analytic[k], numericParameter, tolerance);
        }
    }

    /** Central differences of L = sum(r * forward(x)) with respect to each of the first count values. */
    private static double[] numeric(Layer layer, Tensor x, double[] values, int count, double[] r) {
        double[] out = new double[count];
        for (int k = 0; k < count; k++) {
            double saved = values[k];
            double up = saved + STEP;
            double down = saved - STEP;
            values[k] = up;
            double[] plus = layer.forward(x).toArray();
            values[k] = down;
            double[] minus = layer.forward(x).toArray();
            values[k] = saved;
            // Differencing the outputs before weighting them keeps the rounding of L out of the result.
            double sum = 0;
            for (int j = 0; j < plus.length; j++) {
                sum += r[j] * (plus[j] - minus[j]);
            }
            out[k] = sum / (up - down);
        }
        return out;
    }

    private static void report(String where, String tensor, Shape shape, double[] analytic, double[] numeric,
            double tolerance) {
        String problem = Comparison.compare(shape, analytic, numeric, tolerance, "analytic", "numeric");
        if (problem != null) {
            throw new AssertionError(where + ": the gradient of " + tensor + " (shape " + shape + ") is wrong at "
                    + problem + " [numeric: central differences of"
                    + " L = sum(r * forward(x)) with h = " + STEP + "; relative error |a - n| / max(|a| + |n|, "
                    + Comparison.FLOOR + ") must be <= " + tolerance + "]");
        }
    }

    private static void requireFinite(String where, String what, Tensor t) {
        for (int i = 0; i < t.size(); i++) {
            if (!Double.isFinite(t.get(i))) {
                throw new AssertionError(where + ": " + what + " is " + t.get(i) + " at element "
                        + Comparison.index(t.shape(), i) + " (shape " + t.shape() + "); the inputs were finite (a"
                        + " NaN may come from reading past a tensor's size: the kit's tensors view longer arrays"
                        + " padded with NaN)");
            }
        }
    }

    private static void requireUnchanged(String where, String what, Tensor t, double[] original) {
        double[] now = t.toArray();
        if (!Arrays.equals(now, original)) {
            int i = Arrays.mismatch(now, original);
            throw new AssertionError(where + ": " + what + " at element " + Comparison.index(t.shape(), i)
                    + " (shape " + t.shape() + "): " + original[i] + " became " + now[i]);
        }
    }
}
