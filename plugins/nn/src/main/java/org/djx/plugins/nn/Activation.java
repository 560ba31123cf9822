package org.djx.plugins.nn;

import org.djx.api.spi.Config;
import org.djx.api.spi.Layer;
import org.djx.api.spi.LayerContext;
import org.djx.api.spi.LayerFactory;

/**
 * What the elementwise activation layers share: a name, a description, and a layer that applies the
 * subclass's function to every element. A subclass gives the function and its derivative, and itself
 * implements {@link LayerFactory}: only public final classes may be plugins.
 */
abstract class Activation {
    private final String name;
    private final String description;

    Activation(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public final String name() {
        return name;
    }

    public final String description() {
        return description;
    }

    public final Layer create(Config config, LayerContext context) {
        return new Elementwise(context) {
            @Override
            void apply(double[] x, double[] y, int n) {
                Activation.this.apply(x, y, n);
            }

            @Override
            void derive(double[] x, double[] y, double[] dy, double[] dx, int n) {
                Activation.this.derive(x, y, dy, dx, n);
            }

            @Override
            void apply(float[] x, float[] y, int n) {
                Activation.this.apply(x, y, n);
            }

            @Override
            void derive(float[] x, float[] y, float[] dy, float[] dx, int n) {
                Activation.this.derive(x, y, dy, dx, n);
            }
        };
    }

    /** Writes f(x[i]) into y[i] for i below n. */
    abstract void apply(double[] x, double[] y, int n);

    /** Writes dy[i] * f'(x[i]) into dx[i] for i below n, where y = f(x). */
    abstract void derive(double[] x, double[] y, double[] dy, double[] dx, int n);

    /** As {@link #apply(double[], double[], int)}, in float32: the same loop, so the JIT vectorizes it too. */
    abstract void apply(float[] x, float[] y, int n);

    /** As {@link #derive(double[], double[], double[], double[], int)}, in float32. */
    abstract void derive(float[] x, float[] y, float[] dy, float[] dx, int n);
}
