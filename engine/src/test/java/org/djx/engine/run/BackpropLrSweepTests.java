package org.djx.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.report.Expectation;
import org.djx.engine.report.RunResult;
import org.djx.engine.tasks.Experiments;
import org.djx.engine.tensor.CpuKernels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * experiments/backprop-lr-sweep.json against the gradient flow of D2L's 2-2-2 network, integrated here with RK4,
 * and against the delta rules of D2L 4.7 written out by hand.
 */
class BackpropLrSweepTests {
    private static final Path FILE = Path.of("..", "experiments", "backprop-lr-sweep.json");
    private static final double[] X = {0.05, 0.10};
    private static final double[] Y = {0.01, 0.99};
    private static final double TOLERANCE = 1e-5;

    private static Experiment experiment;
    private static RunResult result;

    @BeforeAll
    static void run() {
        experiment = Experiments.reader().read(FILE);
        result = new ExperimentRunner(CpuKernels::new, line -> { }).withTrials(new LocalTrialExecutor(Experiments.reader(),
                CpuKernels::new, Experiments.NO_DATA)).run(experiment);
        assertThat(result.metric("completed-trials")).isEqualTo(11);
    }

    /** W1 (2 x 2) then W2 (2 x 2), flattened, w[i][j] from unit i to unit j as D2L's w_ji. */
    private static double[] initial() {
        return new double[] {0.15, 0.25, 0.20, 0.30, 0.40, 0.50, 0.45, 0.55};
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** J = 1/2 sum_j (a_j - y_j)^2 at w; with {@code gradient} non-null, also dJ/dw by D2L's delta rules. */
    private static double loss(double[] w, double[] gradient) {
        double[] h = new double[2];
        double[] a = new double[2];
        for (int j = 0; j < 2; j++) {
            h[j] = sigmoid(X[0] * w[j] + X[1] * w[2 + j]);
        }
        for (int j = 0; j < 2; j++) {
            a[j] = sigmoid(h[0] * w[4 + j] + h[1] * w[6 + j]);
        }
        if (gradient != null) {
            double[] d3 = new double[2];
            for (int j = 0; j < 2; j++) {
                d3[j] = (a[j] - Y[j]) * a[j] * (1 - a[j]);
            }
            for (int i = 0; i < 2; i++) {
                double d2 = (w[4 + 2 * i] * d3[0] + w[5 + 2 * i] * d3[1]) * h[i] * (1 - h[i]);
                for (int j = 0; j < 2; j++) {
                    gradient[4 + 2 * i + j] = h[i] * d3[j];
                }
                gradient[i] = X[0] * d2;
                gradient[2 + i] = X[1] * d2;
            }
        }
        return 0.5 * ((a[0] - Y[0]) * (a[0] - Y[0]) + (a[1] - Y[1]) * (a[1] - Y[1]));
    }

    private static double[] step(double[] w, double[] direction, double size) {
        double[] out = w.clone();
        for (int i = 0; i < w.length; i++) {
            out[i] -= size * direction[i];
        }
        return out;
    }

    /** One RK4 step of dw/dt = -grad J(w). */
    private static double[] rk4(double[] w, double dt) {
        double[] k1 = new double[8];
        double[] k2 = new double[8];
        double[] k3 = new double[8];
        double[] k4 = new double[8];
        loss(w, k1);
        loss(step(w, k1, dt / 2), k2);
        loss(step(w, k2, dt / 2), k3);
        loss(step(w, k3, dt), k4);
        double[] out = w.clone();
        for (int i = 0; i < 8; i++) {
            out[i] -= dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return out;
    }

    /** The time the gradient flow takes from the initial weights down to J = TOLERANCE. */
    private static double flowTime() {
        double dt = 0.5;
        double t = 0;
        double[] w = initial();
        while (true) {
            double[] next = rk4(w, dt);
            if (loss(next, null) < TOLERANCE) {
                double lo = 0;
                double hi = dt;
                for (int i = 0; i < 60; i++) {
                    double mid = (lo + hi) / 2;
                    if (loss(rk4(w, mid), null) < TOLERANCE) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                return t + hi;
            }
            w = next;
            t += dt;
        }
    }

    /** Plain SGD by the delta rules: the epoch after which J first falls below the tolerance. */
    private static int sgdEpochs(double eta) {
        double[] w = initial();
        double[] g = new double[8];
        for (int epoch = 1; ; epoch++) {
            loss(w, g);
            w = step(w, g, eta);
            if (loss(w, null) < TOLERANCE) {
                return epoch;
            }
        }
    }

    @Test
    void theBandsAreTheGradientFlowsTimeOverEta() {
        double time = flowTime();
        assertThat(time).isCloseTo(11533.63, within(0.01));
        assertThat(experiment.description()).contains("T = 11533.63");
        List<Double> etas = experiment.sweep().points().stream().map(p -> p.get("optimizer.lr").doubleValue()).toList();
        List<Expectation> bands = experiment.expectations();
        assertThat(bands).hasSize(8);
        for (int t = 0; t < bands.size(); t++) {
            Expectation band = bands.get(t);
            double eta = etas.get(t);
            double tolerance = eta <= 16 ? 0.005 : 0.01;
            assertThat(band.metric()).isEqualTo("trial-" + (t + 1) + "/epochs");
            assertThat(band.min()).isCloseTo(time / eta * (1 - tolerance), within(0.051));
            assertThat(band.max()).isCloseTo(time / eta * (1 + tolerance), within(0.051));
        }
        assertThat(result.expectationsHeld()).isTrue();
    }

    @Test
    void eachTrialTakesTheEpochsOfSgdByTheDeltaRules() {
        List<Double> etas = experiment.sweep().points().stream().map(p -> p.get("optimizer.lr").doubleValue()).toList();
        for (int t = 0; t < 9; t++) {
            assertThat(result.metric("trial-" + (t + 1) + "/epochs")).as("eta %s", etas.get(t)).isEqualTo(sgdEpochs(etas.get(t)));
        }
        // At 256 the steps never settle: the run ends at its epoch limit.
        assertThat(result.metric("trial-11/epochs")).isEqualTo(200000);
        assertThat(result.metric("best/optimizer.lr")).isEqualTo(64);
    }
}
