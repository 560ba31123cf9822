package org.djx.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ThinningTests {
    @Test
    void keepsTheFirstLowestHighestAndLastPointOfEveryPixelColumnInOrder() {
        // Two columns: x in [10, 11) and [11, 12); the lowest of the first comes after its highest.
        double[] xs = {10.0, 10.2, 10.4, 10.6, 10.8, 11.0, 11.5, 11.9};
        double[] ys = {5, 9, 7, 1, 4, 3, 8, 6};

        int kept = Thinning.thin(xs, ys, xs.length);

        assertThat(kept).isEqualTo(7);
        assertThat(Arrays.copyOf(xs, kept)).containsExactly(10.0, 10.2, 10.6, 10.8, 11.0, 11.5, 11.9);
        assertThat(Arrays.copyOf(ys, kept)).containsExactly(5, 9, 1, 4, 3, 8, 6);
    }

    @Test
    void aLongNoisyCurveKeepsAtMostFourPointsPerColumnAndItsWholeRange() {
        int n = 23_067;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = 60 + 700.0 * i / n;
            ys[i] = 400 - 300.0 / (1 + i / 50.0) + 3 * Math.sin(i);
        }
        double low = Arrays.stream(ys).min().orElseThrow();
        double high = Arrays.stream(ys).max().orElseThrow();

        int kept = Thinning.thin(xs, ys, n);

        assertThat(kept).isLessThanOrEqualTo(4 * 701);
        assertThat(Arrays.stream(ys, 0, kept).min().orElseThrow()).isEqualTo(low);
        assertThat(Arrays.stream(ys, 0, kept).max().orElseThrow()).isEqualTo(high);
        assertThat(xs[0]).isEqualTo(60);
        assertThat(xs[kept - 1]).isEqualTo(60 + 700.0 * (n - 1) / n);
    }

    @Test
    void aLineThatTurnsBackIsKeptWhole() {
        double[] xs = {10.0, 10.5, 10.2, 10.7};
        double[] ys = {1, 2, 3, 4};

        assertThat(Thinning.thin(xs, ys, 4)).isEqualTo(4);
        assertThat(ys).containsExactly(1, 2, 3, 4);
    }
}
