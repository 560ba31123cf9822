package org.djx.engine.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.fit.Fit;
import org.djx.engine.fit.Trials;
import org.djx.engine.model.Network;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.report.Format;
import org.djx.engine.report.LinePlot;
import org.djx.engine.report.RunOutput;
import org.djx.engine.report.RunResult;
import org.djx.engine.shift.RegionConcept;
import org.djx.engine.spec.ComponentSpec;
import org.djx.engine.spec.ModelSpec;
import org.djx.engine.spec.TrainingSetup;
import org.djx.engine.task.Bound;
import org.djx.engine.task.Form;
import org.djx.engine.task.Job;
import org.djx.engine.task.ResultNames;
import org.djx.engine.task.Section;
import org.djx.engine.task.Task;
import org.djx.engine.task.TaskContext;
import org.djx.engine.task.TaskInput;
import org.djx.engine.train.StopReason;

/**
 * D2L 4.9's concept shift, measured: the same inputs mean different labels in different regions. A model
 * trained on region 1 learns region 1's rule and fails where the rule differs; trained on every region
 * without knowing the region it can only split the difference; given the region as input it learns each
 * region's rule.
 */
public final class ConceptShiftTask implements Task {
    static final Section CONCEPT = new Section("concept", "The regions and their label rules.", Form.parameters(List.of(
            ParameterSpec.integer("inputs", "Input features per example, besides the region.").withDefault(2).atLeast(1).atMost(100),
            ParameterSpec.integer("train-rows", "Training rows per region.").withDefault(500).atLeast(1).atMost(1_000_000),
            ParameterSpec.integer("test-rows", "Test rows per region.").withDefault(500).atLeast(1).atMost(1_000_000),
            ParameterSpec.numbers("thresholds",
                    "One threshold per region (at least two): in region r the label is 1 when x_1 + ... + x_d exceeds thresholds[r].")
                    .asRequired(),
            ParameterSpec.number("label-noise", "The probability that a label is flipped.").withDefault(0.0).atLeast(0)
                    .lessThan(0.5))), "{\"thresholds\": [0, 1]}");

    /**
     * A generated classification problem whose label rule depends on a region. Every region draws its inputs
     * from N(0, I), and in region r the label is 1 when {@code x_1 + ... + x_d > thresholds[r]} (then flipped
     * with probability {@code labelNoise}). The model (its last layer gives one logit, trained with
     * {@code bce-with-logits}) is trained three ways: on region 1 alone, on every region without knowing the
     * region, and on every region with the region as one-hot input features.
     *
     * @param thresholds one decision threshold per region, at least two
     * @param setup      the model, bce-with-logits, the optimizer and the schedule
     */
    public record Spec(int inputs, int trainRows, int testRows, List<Double> thresholds, double labelNoise, TrainingSetup setup) {
        public Spec {
            thresholds = List.copyOf(thresholds);
        }

        /** Returns the number of regions. */
        public int regions() {
            return thresholds.size();
        }
    }

    @Override
    public String name() {
        return "concept-shift";
    }

    @Override
    public String description() {
        return "Trains on a generated problem whose label rule changes with a region, with and without the region (D2L 4.9).";
    }

    @Override
    public List<Section> sections() {
        return List.of(CONCEPT, Sections.MODEL, Sections.OPTIMIZER, Sections.TRAINING);
    }

    @Override
    public Job read(TaskInput in) {
        Bound concept = in.section("concept");
        Bound model = in.section("model");
        ComponentSpec loss = Sections.logitLoss(in, "$", "the concept-shift task trains its model");
        TrainingSetup setup = Sections.setup(in, loss);
        if (model != null && model.model().inputs() != ModelSpec.FROM_DATA) {
            in.problem("$.model.inputs", "leave model.inputs out: the concept-shift task trains the model on the inputs alone"
                    + " and on the inputs plus one column per region, so the data decides the width");
        }
        if (concept == null) {
            return null;
        }
        var c = concept.config();
        double[] thresholds = c.numbers("thresholds");
        if (thresholds.length < 2) {
            in.problem("$.concept.thresholds", "expected one threshold per region and at least two regions, found "
                    + thresholds.length + " threshold" + (thresholds.length == 1 ? "" : "s"));
        }
        if (setup != null && in.problems() == 0) {
            // The model is trained on the inputs alone and on the inputs with one column per region.
            for (int width : new int[] {c.integer("inputs"), c.integer("inputs") + thresholds.length}) {
                Network network = in.probe(setup.model(), width);
                if (network == null || network.outputs() != 1) {
                    if (network != null) {
                        in.problem("$.model.layers", "the network's last layer has " + network.outputs() + " outputs; it gives"
                                + " one logit, so it needs 1");
                    }
                    break;
                }
            }
        }
        if (setup == null || in.problems() > 0) {
            return null;
        }
        List<Double> list = new ArrayList<>();
        for (double t : thresholds) {
            list.add(t);
        }
        Spec spec = new Spec(c.integer("inputs"), c.integer("train-rows"), c.integer("test-rows"), list, c.number("label-noise"), setup);
        List<String> names = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            for (int r = 1; r <= spec.regions(); r++) {
                names.add(setting.key + "/region-" + r + "-error");
            }
            names.add(setting.key + "/worst-error");
        }
        for (int r = 2; r <= spec.regions(); r++) {
            names.add("rule-disagreement/region-" + r);
        }
        return Job.of(spec, ResultNames.of().and(names), ConceptShiftTask::run);
    }

    /** How a model is trained: on which regions, and whether it sees the region. */
    private enum Setting {
        ONE_REGION("one-region", "trained on region 1 only", "region 1 only"),
        POOLED("pooled", "trained on every region, without the region", "all regions, no region input"),
        WITH_REGION("with-region", "trained on every region, with the region as input", "all regions, region as input");

        final String key;
        final String words;
        final String legend;

        Setting(String key, String words, String legend) {
            this.key = key;
            this.words = words;
            this.legend = legend;
        }
    }

    private static RunResult run(Spec spec, TaskContext context) {
        RunOutput out = context.out();
        int k = spec.regions();
        int d = spec.inputs();
        List<String> rules = new ArrayList<>();
        for (int r = 0; r < k; r++) {
            rules.add("> " + Format.number(spec.thresholds().get(r)) + " in region " + (r + 1));
        }
        out.line(String.format(Locale.ROOT, "%s: %d regions, inputs N(0, I) of %d; label 1 when %s %s%s; %d training and %d test rows"
                + " per region", context.name(), k, d, d == 1 ? "x_1" : d == 2 ? "x_1 + x_2" : "x_1 + ... + x_" + d,
                String.join(", ", rules), spec.labelNoise() > 0 ? ", flipped with probability " + Format.number(spec.labelNoise()) : "",
                spec.trainRows(), spec.testRows()));
        RandomStreams streams = context.streams();
        RegionConcept.Rows[] train = new RegionConcept.Rows[k];
        RegionConcept.Rows[] test = new RegionConcept.Rows[k];
        for (int r = 0; r < k; r++) {
            double t = spec.thresholds().get(r);
            train[r] = RegionConcept.draw(d, spec.trainRows(), t, spec.labelNoise(), streams.stream("region-" + (r + 1) + "/train"));
            test[r] = RegionConcept.draw(d, spec.testRows(), t, spec.labelNoise(), streams.stream("region-" + (r + 1) + "/test"));
        }
        RunResult.Builder result = RunResult.builder(context.name());
        StringBuilder csv = new StringBuilder("setting,region,test-error\n");
        double[][] errors = new double[Setting.values().length][k];
        Fit.Fitted[] fitted = new Fit.Fitted[Setting.values().length];
        // The three fits are independent (each draws from streams named after its setting), so they run at once.
        List<Fit.Fitted> fits = Trials.run(Setting.values().length, context.threads(), i -> {
            Setting setting = Setting.values()[i];
            boolean region = setting == Setting.WITH_REGION;
            int regions = setting == Setting.ONE_REGION ? 1 : k;
            return Fitting.fit(spec.setup(), stack(train, regions, region, k, true), stack(train, regions, region, k, false), null,
                    setting.key + "/", context.forThread(), setting.words);
        });
        for (Setting setting : Setting.values()) {
            boolean region = setting == Setting.WITH_REGION;
            Fit.Fitted fit = fits.get(setting.ordinal());
            if (fit.training().reason() == StopReason.DIVERGED) {
                String why = "diverged: the model " + setting.words + " reached a loss of "
                        + fit.training().loss(fit.training().epochs()) + ". Lower the learning rate.";
                out.result(why);
                return result.diverged(why).build();
            }
            fitted[setting.ordinal()] = fit;
            List<String> parts = new ArrayList<>();
            for (int r = 0; r < k; r++) {
                double[] logits = fit.predict(withRegion(test[r].inputs(), region ? r : -1, k));
                double wrong = 0;
                for (int i = 0; i < logits.length; i++) {
                    wrong += (logits[i] > 0 ? 1 : 0) != test[r].labels().get(i) ? 1 : 0;
                }
                double error = wrong / logits.length;
                errors[setting.ordinal()][r] = error;
                result.metric(setting.key + "/region-" + (r + 1) + "-error", error);
                csv.append(setting.key).append(',').append(r + 1).append(',').append(error).append('\n');
                String expected = setting == Setting.ONE_REGION && r > 0
                        ? String.format(Locale.ROOT, " (%.4f if it learnt region 1's rule exactly)", ruleDisagreement(spec, 0, r)) : "";
                parts.add(String.format(Locale.ROOT, "region %d %.4f%s", r + 1, error, expected));
            }
            out.result(setting.words + ": test error " + String.join(", ", parts));
        }
        for (int r = 1; r < k; r++) {
            result.metric("rule-disagreement/region-" + (r + 1), ruleDisagreement(spec, 0, r));
        }
        double worstOne = max(errors[Setting.ONE_REGION.ordinal()]);
        double worstPooled = max(errors[Setting.POOLED.ordinal()]);
        double worstAware = max(errors[Setting.WITH_REGION.ordinal()]);
        result.metric("one-region/worst-error", worstOne).metric("pooled/worst-error", worstPooled)
                .metric("with-region/worst-error", worstAware);
        out.result(String.format(Locale.ROOT, "worst region's test error: %.4f trained on region 1, %.4f pooled, %.4f with the region"
                + " (label noise %s)", worstOne, worstPooled, worstAware, Format.number(spec.labelNoise())));
        context.writeText("errors.csv", csv.toString());
        writePlots(spec, errors, fitted, context);
        return result.build();
    }

    /**
     * Returns how often region a's rule and region b's disagree: P(S between the two thresholds) with
     * S = x_1 + ... + x_d ~ N(0, d), before label noise; with noise p the disagreement of the noisy labels
     * with a's noiseless rule is p + (1 - 2p) times that.
     */
    static double ruleDisagreement(Spec spec, int a, int b) {
        double s = Math.sqrt(spec.inputs());
        double p = Math.abs(normalCdf(spec.thresholds().get(b) / s) - normalCdf(spec.thresholds().get(a) / s));
        return spec.labelNoise() + (1 - 2 * spec.labelNoise()) * p;
    }

    /** The standard normal distribution function. */
    static double normalCdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /** erfc by Numerical Recipes' Chebyshev fit (erfcc), relative error below 1.2e-7 everywhere. */
    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** Stacks the first {@code regions} regions' inputs (with one-hot region columns when asked) or labels. */
    private static Tensor stack(RegionConcept.Rows[] rows, int regions, boolean region, int k, boolean inputs) {
        List<double[]> parts = new ArrayList<>();
        int columns = 0;
        int n = 0;
        for (int r = 0; r < regions; r++) {
            Tensor t = inputs ? withRegion(rows[r].inputs(), region ? r : -1, k) : rows[r].labels();
            parts.add(t.toArray());
            columns = t.columns();
            n += t.rows();
        }
        double[] all = new double[n * columns];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return Tensor.wrap(Shape.of(n, columns), all);
    }

    /** Returns the inputs with k one-hot columns for region {@code region} appended, or unchanged when it is -1. */
    private static Tensor withRegion(Tensor x, int region, int k) {
        if (region < 0) {
            return x;
        }
        int d = x.columns();
        double[] out = new double[x.rows() * (d + k)];
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < d; j++) {
                out[i * (d + k) + j] = x.get(i * d + j);
            }
            out[i * (d + k) + d + region] = 1;
        }
        return Tensor.wrap(Shape.of(x.rows(), d + k), out);
    }

    private static void writePlots(Spec spec, double[][] errors, Fit.Fitted[] fitted,
            TaskContext context) {
        int k = spec.regions();
        double[] regions = new double[k];
        for (int r = 0; r < k; r++) {
            regions[r] = r + 1;
        }
        LinePlot perRegion = new LinePlot(context.name() + ": test error per region", "region", "test error (share misclassified)", false);
        for (Setting s : Setting.values()) {
            perRegion.addPoints(s.legend, regions, errors[s.ordinal()]);
        }
        context.writePlot("error-per-region", perRegion);

        // Along the diagonal x_j = s / d every input row has sum s, which is all the label rules look at.
        int d = spec.inputs();
        double reach = Math.ceil(4 * Math.sqrt(d));
        double[] sums = Fitting.grid(-reach, reach, (int) (40 * reach) + 1);
        double[] rows = new double[sums.length * d];
        for (int i = 0; i < sums.length; i++) {
            for (int j = 0; j < d; j++) {
                rows[i * d + j] = sums[i] / d;
            }
        }
        Tensor diagonal = Tensor.wrap(Shape.of(sums.length, d), rows);
        LinePlot rules = new LinePlot(context.name() + ": P(label 1) along x_1 + ... + x_d", "x_1 + ... + x_d", "P(label 1)", false);
        for (int r = 0; r < Math.min(k, 3); r++) {
            double t = spec.thresholds().get(r);
            double[] truth = new double[sums.length];
            for (int i = 0; i < sums.length; i++) {
                truth[i] = RegionConcept.label(sums[i], t);
            }
            rules.addReference("rule " + (r + 1), sums, truth);
        }
        rules.add("region 1 only", sums, sigmoid(fitted[Setting.ONE_REGION.ordinal()].predict(diagonal)));
        rules.add("pooled", sums, sigmoid(fitted[Setting.POOLED.ordinal()].predict(diagonal)));
        for (int r = 0; r < Math.min(k, 3); r++) {
            rules.add("with region (" + (r + 1) + ")", sums,
                    sigmoid(fitted[Setting.WITH_REGION.ordinal()].predict(withRegion(diagonal, r, k))));
        }
        context.writePlot("decision-rules", rules);
    }

    private static double[] sigmoid(double[] z) {
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = 1 / (1 + Math.exp(-z[i]));
        }
        return p;
    }
}
