package org.djx.engine.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renders a run as one self-contained HTML page: the plots are embedded as data URIs and the style is
 * inline, so the page needs no network and no other file to be read.
 */
public final class HtmlReport {
    /** One expectation as the report shows it. */
    public record Band(String result, String band, double value, boolean held) {
    }

    private HtmlReport() {
    }

    /** A classification's confusion matrix, which the report shows as a table. */
    static final String CONFUSION_TABLE = "confusion.csv";

    /** Beyond this many rows a table of results is folded, so that the plots after it stay in view. */
    static final int FOLD_RESULTS_BEYOND = 12;

    /**
     * Returns the page for the run whose files are in {@code folder}.
     *
     * @param reason why the run ended as it did (a divergence, a failure, an interrupt); empty for a completed run
     */
    public static String render(String name, String description, String status, String reason, String resolvedExperiment,
            Map<String, Double> results, List<Band> bands, Map<String, Object> provenance, Path folder) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(name)).append(" - djx run</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:1000px;color:#222;padding:0 1em}\n")
                .append("h1{margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:.2em}\n")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.3em .7em;text-align:left}\n")
                .append("td.num{text-align:right;font-variant-numeric:tabular-nums;font-family:ui-monospace,monospace}\n")
                .append(".held{color:#1a7f37;font-weight:bold}.broken{color:#cf222e;font-weight:bold}\n")
                .append(".status{display:inline-block;padding:.15em .6em;border-radius:.3em;background:#eee}\n")
                .append(".stopped{background:#ffebe9;color:#82071e}.reason{border-left:4px solid #cf222e;padding:.3em .8em;background:#fff8f7}\n")
                .append("summary{cursor:pointer;color:#0969da}\n")
                .append("pre{background:#f6f8fa;padding:1em;overflow:auto;font-size:.85em}img{max-width:100%;border:1px solid #eee}\n")
                .append("figure{margin:1em 0}figcaption{color:#555;font-size:.9em}\n</style>\n</head>\n<body>\n");
        h.append("<h1>").append(escape(name)).append("</h1>\n");
        boolean completed = "COMPLETED".equals(status);
        h.append("<p><span class=\"status").append(completed ? "" : " stopped").append("\">").append(escape(status))
                .append("</span></p>\n");
        if (reason != null && !reason.isEmpty()) {
            h.append("<p class=\"reason\">").append(escape(reason)).append("</p>\n");
        }
        if (!description.isEmpty()) {
            h.append("<p>").append(escape(description)).append("</p>\n");
        }
        if (!bands.isEmpty()) {
            h.append("<h2>Expectations</h2>\n<table>\n<tr><th>result</th><th>band</th><th>value</th><th>verdict</th></tr>\n");
            for (Band b : bands) {
                h.append("<tr><td>").append(escape(b.result())).append("</td><td>").append(escape(b.band()))
                        .append("</td><td class=\"num\">").append(Double.isNaN(b.value()) ? "missing" : number(b.value()))
                        .append("</td><td class=\"").append(b.held() ? "held\">held" : "broken\">BROKEN").append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        List<Path> plots = files(folder, ".png");
        if (!plots.isEmpty()) {
            h.append("<h2>Plots</h2>\n");
            for (Path p : plots) {
                h.append("<figure><img alt=\"").append(escape(p.getFileName().toString())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(read(p))).append("\"><figcaption>")
                        .append(escape(p.getFileName().toString())).append(" (also as SVG beside this page)</figcaption></figure>\n");
            }
        }
        if (!results.isEmpty()) {
            h.append("<h2>Results</h2>\n");
            boolean folded = results.size() > FOLD_RESULTS_BEYOND;
            if (folded) {
                h.append("<details><summary>").append(results.size()).append(" results</summary>\n");
            }
            h.append("<table>\n<tr><th>result</th><th>value</th></tr>\n");
            results.forEach((k, v) -> h.append("<tr><td>").append(escape(k)).append("</td><td class=\"num\">").append(number(v))
                    .append("</td></tr>\n"));
            h.append("</table>\n").append(folded ? "</details>\n" : "");
        }
        // A classifier's confusion matrix reads best as a table, beside its plot.
        Path confusion = folder.resolve(CONFUSION_TABLE);
        if (Files.isRegularFile(confusion)) {
            h.append("<h2>Confusion matrix</h2>\n<p>Rows are the true classes, columns the predicted ones.</p>\n");
            appendCsvTable(h, confusion, true);
        }
        // A sweep's ranked trials are what its reader looks for first after the plots.
        Path trials = folder.resolve(TRIALS_TABLE);
        if (Files.isRegularFile(trials)) {
            h.append("<h2>Trials, best first</h2>\n");
            appendCsvTable(h, trials, false);
        }
        // The tables and the text a run writes beside them, such as what preprocessing fitted.
        List<Path> tables = new java.util.ArrayList<>(files(folder, ".csv"));
        tables.addAll(files(folder, ".txt"));
        tables.sort(null);
        if (!tables.isEmpty()) {
            h.append("<h2>Files</h2>\n<ul>\n");
            for (Path p : tables) {
                String f = escape(p.getFileName().toString());
                h.append("<li><a href=\"").append(f).append("\">").append(f).append("</a></li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<h2>Experiment, every default filled in</h2>\n<details><summary>experiment.json</summary>\n<pre>")
                .append(escape(resolvedExperiment)).append("</pre>\n</details>\n");
        h.append("<h2>Provenance</h2>\n<details><summary>plugins, data files, versions</summary>\n<pre>")
                .append(escape(provenanceText(provenance))).append("</pre>\n</details>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** The table of a sweep's trials, ranked, which the report shows in full. */
    static final String TRIALS_TABLE = "trials.csv";
    /** A sweep's table longer than this is folded. */
    private static final int FOLD_TABLE_BEYOND = 25;

    /**
     * Appends a CSV file written by djx (quotes only around cells with a comma, quote or line break) as a table.
     *
     * @param rowNames whether the first cell of each row names the row (a class), rather than being a value
     */
    private static void appendCsvTable(StringBuilder h, Path csv, boolean rowNames) {
        List<List<String>> rows = new java.util.ArrayList<>();
        for (String line : new String(read(csv), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                rows.add(Csv.fields(line));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        boolean folded = rows.size() - 1 > FOLD_TABLE_BEYOND;
        if (folded) {
            h.append("<details><summary>").append(rows.size() - 1).append(" rows</summary>\n");
        }
        // Wide tables scroll in their own box; the figures show six digits (trials.csv has every one).
        h.append("<div style=\"overflow-x:auto\"><table>\n<tr>");
        rows.get(0).forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
        h.append("</tr>\n");
        for (List<String> row : rows.subList(1, rows.size())) {
            h.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String c = row.get(i);
                if (i == 0 && rowNames) {
                    h.append("<th>").append(escape(c)).append("</th>");
                    continue;
                }
                // Counts are exact as written; other figures show six digits.
                boolean whole = c.matches("-?[0-9]+");
                boolean number = !c.isEmpty() && c.matches("-?[0-9.]+([eE][-+]?[0-9]+)?");
                h.append(whole ? "<td class=\"num\">" + escape(c)
                        : number ? "<td class=\"num\" title=\"" + escape(c) + "\">" + escape(Format.number(Double.parseDouble(c), 6))
                        : "<td>" + escape(c)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n").append(folded ? "</details>\n" : "");
    }

    private static String provenanceText(Map<String, Object> provenance) {
        StringBuilder sb = new StringBuilder();
        provenance.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    private static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix) && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.8g", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
