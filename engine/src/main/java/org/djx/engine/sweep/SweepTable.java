package org.djx.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.engine.report.Csv;
import org.djx.engine.report.LinePlot;
import org.djx.engine.report.Plot;

/** Turns the runs of a sweep into its table, its results and its plots: one row per point, ranked. */
final class SweepTable {
    private final SweepPlan plan;
    private final SweepSpec spec;

    SweepTable(SweepPlan plan) {
        this.plan = plan;
        this.spec = plan.spec();
    }

    /**
     * One point over its seeds.
     *
     * @param mean    the objective's mean over the repeats, NaN unless every repeat completed with it
     * @param std     its sample standard deviation, NaN with one repeat
     * @param epochs  the mean of the result {@code epochs} where the task reports it, else NaN
     * @param status  COMPLETED when every repeat did, else the first repeat's other status
     * @param message why a repeat did not complete; empty otherwise
     * @param seconds the wall time of all repeats
     */
    record Row(int trial, int rung, Map<String, JsonNode> point, double mean, double std, double epochs, TrialOutcome.Status status,
            String message, double seconds) {
        boolean scored() {
            return !Double.isNaN(mean);
        }
    }

    /** The table, the results and the plots of a finished sweep. */
    record Summary(List<Row> ranked, Row best, Map<String, Double> results, String csv, String line, Map<String, Plot> plots) {
    }

    /** Returns the best point among the runs finished so far, for the progress line. */
    String bestSoFar(Map<TrialRequest, TrialOutcome> outcomes) {
        Row best = rank(rows(outcomes, false)).stream().filter(Row::scored).findFirst().orElse(null);
        return best == null ? "" : "best " + spec.objective() + " " + SweepRunner.format(best.mean()) + " (trial " + best.trial() + ")";
    }

    Summary summarize(Map<TrialRequest, TrialOutcome> outcomes) {
        List<Row> rows = rows(outcomes, true);
        List<Row> ranked = rank(rows);
        // With halving, only a point that trained for the experiment's own epochs can be the best: best.json runs those.
        int lastRung = plan.rungs().size();
        Row best = ranked.stream().filter(r -> r.scored() && r.rung() == lastRung).findFirst().orElse(null);
        Map<String, Double> results = new LinkedHashMap<>();
        results.put("trials", (double) rows.size());
        results.put("completed-trials", (double) rows.stream().filter(r -> r.status() == TrialOutcome.Status.COMPLETED).count());
        results.put("best-trial", best == null ? Double.NaN : best.trial());
        results.put("best/" + spec.objective(), best == null ? Double.NaN : best.mean());
        if (spec.repeats() > 1) {
            results.put("best/" + spec.objective() + "-std", best == null ? Double.NaN : best.std());
        }
        for (SweepParameter p : spec.parameters()) {
            JsonNode v = best == null ? null : best.point().get(p.path());
            results.put("best/" + p.path(), v != null && v.isNumber() ? v.doubleValue() : Double.NaN);
        }
        for (Row r : rows) {
            results.put("trial-" + r.trial() + "/" + spec.objective(), r.mean());
        }
        String line = best == null
                ? "sweep: no trial of " + rows.size() + " completed with a value of " + spec.objective()
                        + (lastRung > 0 ? " at the last rung (" + plan.rungs().get(lastRung - 1) + " epochs)" : "")
                : "sweep: " + rows.size() + " trials, best " + spec.objective() + " " + SweepRunner.format(best.mean())
                        + (spec.repeats() > 1 ? " (std " + SweepRunner.format(best.std()) + " over " + spec.repeats() + " seeds)" : "")
                        + " at trial " + best.trial() + ": " + Points.describe(best.point());
        return new Summary(ranked, best, results, csv(ranked), line, plots(rows));
    }

    /** One row per point of the plan; with {@code complete} a point without runs yet is an error. */
    private List<Row> rows(Map<TrialRequest, TrialOutcome> outcomes, boolean complete) {
        // Each point at the last rung it reached (rung 0 throughout without halving).
        Map<Integer, Integer> lastRung = new java.util.TreeMap<>();
        for (TrialRequest r : plan.requests()) {
            if (outcomes.containsKey(r)) {
                lastRung.merge(r.trial(), r.rung(), Math::max);
            } else if (complete && plan.rungs().isEmpty()) {
                throw new IllegalStateException("run " + r.recordName() + " has no outcome");
            }
        }
        Map<Integer, List<TrialOutcome>> byTrial = new LinkedHashMap<>();
        for (TrialRequest r : plan.requests()) {
            TrialOutcome o = outcomes.get(r);
            if (o != null && r.rung() == lastRung.get(r.trial())) {
                byTrial.computeIfAbsent(r.trial(), t -> new ArrayList<>()).add(o);
            }
        }
        List<Row> rows = new ArrayList<>();
        byTrial.forEach((trial, runs) -> {
            if (!complete && runs.size() < spec.repeats()) {
                return;
            }
            double sum = 0;
            double epochs = 0;
            double seconds = 0;
            boolean scored = true;
            boolean hasEpochs = true;
            TrialOutcome.Status status = TrialOutcome.Status.COMPLETED;
            String message = "";
            double[] values = new double[runs.size()];
            for (int i = 0; i < runs.size(); i++) {
                TrialOutcome o = runs.get(i);
                seconds += o.seconds();
                Double v = o.results().get(spec.objective());
                if (o.status() != TrialOutcome.Status.COMPLETED || v == null || !Double.isFinite(v)) {
                    scored = false;
                    if (status == TrialOutcome.Status.COMPLETED) {
                        status = o.status() == TrialOutcome.Status.COMPLETED ? TrialOutcome.Status.FAILED : o.status();
                        message = o.status() != TrialOutcome.Status.COMPLETED ? o.message()
                                : v == null ? "the run produced no value of " + spec.objective()
                                : "the run's " + spec.objective() + " is " + v + ", which cannot be ranked";
                    }
                } else {
                    values[i] = v;
                    sum += v;
                }
                Double e = o.results().get("epochs");
                hasEpochs &= e != null;
                epochs += e == null ? 0 : e;
            }
            double mean = scored ? sum / runs.size() : Double.NaN;
            double std = Double.NaN;
            if (scored && runs.size() > 1) {
                double squares = 0;
                for (double v : values) {
                    squares += (v - mean) * (v - mean);
                }
                std = Math.sqrt(squares / (runs.size() - 1));
            }
            int rung = lastRung.get(trial);
            double epochsRun = hasEpochs ? epochs / runs.size() : rung > 0 ? plan.rungs().get(rung - 1) : Double.NaN;
            rows.add(new Row(trial, rung, plan.points().get(trial - 1), mean, std, epochsRun, status, message, seconds));
        });
        return rows;
    }

    /**
     * Best first: with halving, the points that reached a higher rung first; then scored before unscored, by score;
     * ties by trial number.
     */
    private List<Row> rank(List<Row> rows) {
        Comparator<Row> byScore = Comparator.comparingDouble(r -> spec.minimize() ? r.mean() : -r.mean());
        return rows.stream().sorted(Comparator.comparingInt((Row r) -> -r.rung()).thenComparing((Row r) -> !r.scored())
                .thenComparing((a, b) -> a.scored() && b.scored() ? byScore.compare(a, b) : 0).thenComparingInt(Row::trial)).toList();
    }

    /**
     * Returns the points of {@code alive} that go on from {@code rung}: the best 1 / reduction of them (rounded up)
     * by the objective at that rung; a point without a score does not go on.
     */
    List<Integer> promoted(Map<TrialRequest, TrialOutcome> outcomes, int rung, java.util.Set<Integer> alive) {
        Map<TrialRequest, TrialOutcome> atRung = new java.util.HashMap<>();
        outcomes.forEach((r, o) -> {
            if (r.rung() == rung && alive.contains(r.trial())) {
                atRung.put(r, o);
            }
        });
        List<Row> ranked = rank(rows(atRung, false)).stream().filter(Row::scored).toList();
        int keep = (alive.size() + spec.halving().reduction() - 1) / spec.halving().reduction();
        return ranked.subList(0, Math.min(keep, ranked.size())).stream().map(Row::trial).toList();
    }

    private String csv(List<Row> ranked) {
        StringBuilder sb = new StringBuilder("rank,trial");
        spec.parameters().forEach(p -> sb.append(',').append(Csv.field(p.path())));
        boolean epochsColumn = !spec.objective().equals("epochs");
        boolean halving = !plan.rungs().isEmpty();
        sb.append(',').append(Csv.field(spec.objective())).append(',').append(Csv.field(spec.objective() + "-std"))
                .append(epochsColumn ? ",epochs" : "").append(halving ? ",rung" : "").append(",status,seconds,message\n");
        int rank = 0;
        for (Row r : ranked) {
            sb.append(r.scored() ? String.valueOf(++rank) : "").append(',').append(r.trial());
            for (SweepParameter p : spec.parameters()) {
                JsonNode v = r.point().get(p.path());
                sb.append(',').append(Csv.field(v.isTextual() ? v.asText() : v.toString()));
            }
            sb.append(',').append(exact(r.mean())).append(',').append(exact(r.std()));
            if (epochsColumn) {
                sb.append(',').append(exact(r.epochs()));
            }
            if (halving) {
                sb.append(',').append(r.rung());
            }
            sb.append(',').append(r.status()).append(',').append(String.format(java.util.Locale.ROOT, "%.3f", r.seconds()))
                    // One line per row: a message of several lines (all the problems of a file) is joined.
                    .append(',').append(Csv.field(r.message().replaceAll("\\s*[\\r\\n]+\\s*", "; ").strip())).append('\n');
        }
        return sb.toString();
    }

    private static String exact(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** The objective against each numeric parameter, and the best so far against the trial number. */
    private Map<String, Plot> plots(List<Row> rows) {
        Map<String, Plot> plots = new LinkedHashMap<>();
        List<Row> scored = rows.stream().filter(Row::scored).toList();
        if (scored.isEmpty()) {
            return plots;
        }
        boolean logY = scored.stream().allMatch(r -> r.mean() > 0)
                && scored.stream().mapToDouble(Row::mean).max().orElse(1) >= 10 * scored.stream().mapToDouble(Row::mean).min().orElse(1);
        for (SweepParameter p : spec.parameters()) {
            if (!scored.stream().allMatch(r -> r.point().get(p.path()).isNumber())) {
                continue;
            }
            double[] all = scored.stream().mapToDouble(r -> r.point().get(p.path()).doubleValue()).toArray();
            boolean logX = p.domain().logarithmic() || spread(all);
            LinePlot plot = new LinePlot(spec.objective() + " against " + p.path() + " (" + scored.size() + " trials"
                    + (spec.repeats() > 1 ? ", mean of " + spec.repeats() + " seeds" : "") + ")", p.path(), spec.objective(), logY);
            if (logX) {
                plot.withLogX();
            }
            // With halving, each rung's points apart: a point stopped after a few epochs is not comparable to one trained longer.
            for (int rung = plan.rungs().isEmpty() ? 0 : 1; rung <= plan.rungs().size(); rung++) {
                int at = rung;
                List<Row> these = scored.stream().filter(r -> r.rung() == at).toList();
                if (these.isEmpty()) {
                    continue;
                }
                double[] x = these.stream().mapToDouble(r -> r.point().get(p.path()).doubleValue()).toArray();
                double[] y = these.stream().mapToDouble(Row::mean).toArray();
                String name = rung == 0 ? "trials" : rung == plan.rungs().size() ? "trained " + plan.rungs().get(rung - 1) + " epochs"
                        : "stopped after " + plan.rungs().get(rung - 1) + " epochs";
                if (rung == 0 && spec.method() == SweepSpec.Method.GRID && spec.parameters().size() == 1) {
                    plot.add(name, x, y);
                }
                plot.addPoints(name, x, y);
            }
            plots.put(fileName(spec.objective() + "-vs-" + p.path()), plot);
        }
        double[] trials = new double[rows.size()];
        double[] best = new double[rows.size()];
        double[] each = new double[rows.size()];
        double sofar = Double.NaN;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            trials[i] = r.trial();
            each[i] = r.mean();
            if (r.scored() && (Double.isNaN(sofar) || (spec.minimize() ? r.mean() < sofar : r.mean() > sofar))) {
                sofar = r.mean();
            }
            best[i] = sofar;
        }
        plots.put("best-so-far", new LinePlot("The best " + spec.objective() + " after each trial (" + spec.goal() + ")",
                "trial", spec.objective(), logY).add("best so far", trials, best).addPoints("trial", trials, each));
        return plots;
    }

    /** Positive values over more than two decades read better on a log axis. */
    private static boolean spread(double[] x) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : x) {
            if (v <= 0) {
                return false;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max >= 100 * min;
    }

    private static String fileName(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]+", "-");
    }
}
