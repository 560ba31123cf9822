package org.djx.plugins.nn;

import org.djx.api.DType;
import org.djx.api.Tensor;
import org.djx.api.spi.BatchBuffer;
import org.djx.api.spi.Layer;
import org.djx.api.spi.LayerContext;

/**
 * A parameter-free layer that applies one function to each element; subclasses give the function and
 * its derivative, expressed through the input and the output so that each can use what is cheaper.
 */
abstract class Elementwise implements Layer {
    private final int features;
    private final BatchBuffer output;
    private final BatchBuffer inputGradient;
    private Tensor input;
    private Tensor lastOutput;

    Elementwise(LayerContext context) {
        this.features = context.inputFeatures();
        this.output = context.buffer(features);
        this.inputGradient = context.buffer(features);
    }

    /** Writes f(x[i]) into y[i] for i below n. */
    abstract void apply(double[] x, double[] y, int n);

    /** Writes dy[i] * f'(x[i]) into dx[i] for i below n, where y = f(x). */
    abstract void derive(double[] x, double[] y, double[] dy, double[] dx, int n);

    /** As {@link #apply(double[], double[], int)}, in float32. */
    abstract void apply(float[] x, float[] y, int n);

    /** As {@link #derive(double[], double[], double[], double[], int)}, in float32. */
    abstract void derive(float[] x, float[] y, float[] dy, float[] dx, int n);

    @Override
    public final int outputFeatures() {
        return features;
    }

    @Override
    public final Tensor forward(Tensor x) {
        input = x;
        lastOutput = output.rows(x.rows());
        if (x.dtype() == DType.FLOAT32) {
            apply(x.floats(), lastOutput.floats(), x.size());
        } else {
            apply(x.data(), lastOutput.data(), x.size());
        }
        return lastOutput;
    }

    @Override
    public final Tensor backward(Tensor dy) {
        Tensor dx = inputGradient.rows(dy.rows());
        if (dy.dtype() == DType.FLOAT32) {
            derive(input.floats(), lastOutput.floats(), dy.floats(), dx.floats(), dy.size());
        } else {
            derive(input.data(), lastOutput.data(), dy.data(), dx.data(), dy.size());
        }
        return dx;
    }
}
