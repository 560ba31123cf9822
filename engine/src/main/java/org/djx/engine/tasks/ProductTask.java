package org.djx.engine.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.djx.api.Tensor;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.report.Csv;
import org.djx.engine.report.Format;
import org.djx.engine.report.LinePlot;
import org.djx.engine.report.RunOutput;
import org.djx.engine.report.RunResult;
import org.djx.engine.task.Bound;
import org.djx.engine.task.Form;
import org.djx.engine.task.Job;
import org.djx.engine.task.ResultNames;
import org.djx.engine.task.Section;
import org.djx.engine.task.Task;
import org.djx.engine.task.TaskContext;
import org.djx.engine.task.TaskInput;

/**
 * D2L 4.8's exploding product: one matrix of N(0, 1) draws multiplied by many more. The same draws are
 * multiplied three ways: in float64, in float32 (to find where each overflows), and in float64 with
 * every factor scaled by 1/sqrt(n), the variance-preserving scale that Xavier-style initialization
 * uses.
 */
public final class ProductTask implements Task {
    static final Section PRODUCT = new Section("product", "The matrices to multiply.", Form.parameters(List.of(
            ParameterSpec.integer("size", "Rows and columns of each matrix.").withDefault(4).atLeast(1).atMost(1024),
            ParameterSpec.integer("factors", "How many matrices multiply the first.").withDefault(100).atLeast(1).atMost(1_000_000),
            ParameterSpec.integer("overflow-search",
                    "How many more factors to multiply while looking for the float32 and float64 overflow.")
                    .withDefault(10_000).atLeast(0).atMost(1_000_000))), "{\"size\": 4, \"factors\": 100}");

    /**
     * A {@code size x size} matrix of N(0, 1) draws multiplied by {@code factors} more such matrices.
     *
     * @param overflowSearch how many factors to keep multiplying, beyond {@code factors}, while looking
     *                       for the point where float32 and float64 overflow
     */
    public record Spec(int size, int factors, int overflowSearch) {
    }

    @Override
    public String name() {
        return "matrix-product";
    }

    @Override
    public String description() {
        return "Multiplies random Gaussian matrices and tracks how the product grows (D2L 4.8's explosion).";
    }

    @Override
    public List<Section> sections() {
        return List.of(PRODUCT);
    }

    @Override
    public Job read(TaskInput in) {
        Bound product = in.section("product");
        if (product == null) {
            return null;
        }
        var c = product.config();
        Spec spec = new Spec(c.integer("size"), c.integer("factors"), c.integer("overflow-search"));
        return Job.of(spec, ResultNames.of("max-abs-unscaled", "max-abs-scaled", "float32-overflow-factor",
                "float64-overflow-factor"), ProductTask::run);
    }

    private static RunResult run(Spec spec, TaskContext context) {
        int n = spec.size();
        double scale = 1 / Math.sqrt(n);
        RandomGenerator random = context.streams().stream("product");
        double[] first = draw(random, n);
        double[] product = first.clone();
        double[] scaled = scaledCopy(first, scale);
        float[] single = toFloat(first);
        double[] factor = new double[n * n];
        double[] scratch = new double[n * n];
        float[] scratchF = new float[n * n];
        double[] scaledFactor = new double[n * n];

        int total = spec.factors() + spec.overflowSearch();
        List<Double> maxPlain = new ArrayList<>(List.of(maxAbs(product)));
        List<Double> maxScaled = new ArrayList<>(List.of(maxAbs(scaled)));
        int overflow64 = -1;
        int overflow32 = -1;
        double[] reported = null;
        double[] reportedScaled = null;
        for (int k = 1; k <= total && (overflow64 < 0 || overflow32 < 0 || k <= spec.factors()); k++) {
            fill(random, factor);
            multiply(product, factor, scratch, n);
            System.arraycopy(scratch, 0, product, 0, n * n);
            multiply(single, toFloat(factor), scratchF, n);
            System.arraycopy(scratchF, 0, single, 0, n * n);
            for (int i = 0; i < factor.length; i++) {
                scaledFactor[i] = factor[i] * scale;
            }
            multiply(scaled, scaledFactor, scratch, n);
            System.arraycopy(scratch, 0, scaled, 0, n * n);
            if (overflow64 < 0 && !allFinite(product)) {
                overflow64 = k;
            }
            if (overflow32 < 0 && !allFinite(single)) {
                overflow32 = k;
            }
            if (k <= spec.factors()) {
                maxPlain.add(maxAbs(product));
                maxScaled.add(maxAbs(scaled));
            }
            if (k == spec.factors()) {
                reported = product.clone();
                reportedScaled = scaled.clone();
            }
        }

        RunOutput out = context.out();
        out.line(context.name() + ": a " + n + "x" + n + " matrix of N(0, 1) draws times "
                + spec.factors() + " more such " + (spec.factors() == 1 ? "matrix" : "matrices"));
        out.line("the first matrix:");
        printMatrix(out, first, n);
        out.line("after " + Format.count(spec.factors(), "multiplication") + " (float64):");
        printMatrix(out, reported, n);
        out.line("each factor scaled by 1/sqrt(" + n + "), after " + Format.count(spec.factors(), "multiplication") + ":");
        printMatrix(out, reportedScaled, n);
        out.result("largest |entry|: " + Format.number(maxAbs(reported)) + " unscaled, "
                + Format.number(maxAbs(reportedScaled)) + " scaled by 1/sqrt(" + n + ")");
        out.result(overflowLine("float32", overflow32, Float.MAX_VALUE, total));
        out.result(overflowLine("float64", overflow64, Double.MAX_VALUE, total));

        double[] k = new double[maxPlain.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = i;
        }
        double[] plain = maxPlain.stream().mapToDouble(Double::doubleValue).toArray();
        double[] kept = maxScaled.stream().mapToDouble(Double::doubleValue).toArray();
        context.writeText("product.csv", Csv.table(List.of("factors", "max_abs_unscaled", "max_abs_scaled"), List.of(k, plain, kept)));
        context.writePlot("product", new LinePlot(context.name() + ": largest |entry| of the product",
                "matrices multiplied", "largest |entry|", true)
                .add("N(0, 1) factors", k, plain)
                .add("factors scaled by 1/sqrt(" + n + ")", k, kept));
        return RunResult.builder(context.name())
                .outputs(java.util.Map.of("first", matrix(first, n), "product", matrix(reported, n), "scaled", matrix(reportedScaled, n)))
                .metric("max-abs-unscaled", maxAbs(reported))
                .metric("max-abs-scaled", maxAbs(reportedScaled))
                .metric("float32-overflow-factor", overflow32)
                .metric("float64-overflow-factor", overflow64)
                .build();
    }

    private static String overflowLine(String type, int at, double max, int searched) {
        return at > 0
                ? type + " overflows to infinity after " + Format.count(at, "multiplication") + " (its largest finite value is "
                        + Format.number(max) + ")"
                : type + " stays finite through " + Format.count(searched, "multiplication");
    }

    private static void printMatrix(RunOutput out, double[] m, int n) {
        Tensor t = matrix(m, n);
        for (double[] row : t.toRows()) {
            out.line("  " + Format.tensor(Tensor.vector(row)));
        }
    }

    private static Tensor matrix(double[] m, int n) {
        return Tensor.wrap(org.djx.api.Shape.of(n, n), m.clone());
    }

    private static double[] draw(RandomGenerator random, int n) {
        double[] m = new double[n * n];
        fill(random, m);
        return m;
    }

    private static void fill(RandomGenerator random, double[] m) {
        for (int i = 0; i < m.length; i++) {
            m[i] = random.nextGaussian();
        }
    }

    private static double[] scaledCopy(double[] m, double s) {
        double[] c = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i] * s;
        }
        return c;
    }

    private static float[] toFloat(double[] m) {
        float[] f = new float[m.length];
        for (int i = 0; i < m.length; i++) {
            f[i] = (float) m[i];
        }
        return f;
    }

    private static void multiply(double[] a, double[] b, double[] c, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < n; p++) {
                    s += a[i * n + p] * b[p * n + j];
                }
                c[i * n + j] = s;
            }
        }
    }

    // Arithmetic in float32 throughout, as a float32 tensor library would do it.
    private static void multiply(float[] a, float[] b, float[] c, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0;
                for (int p = 0; p < n; p++) {
                    s += a[i * n + p] * b[p * n + j];
                }
                c[i * n + j] = s;
            }
        }
    }

    private static boolean allFinite(double[] m) {
        for (double v : m) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allFinite(float[] m) {
        for (float v : m) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double maxAbs(double[] m) {
        double max = 0;
        for (double v : m) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
