package org.djx.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a reader sees first in report.html: how the run ended and why, then the plots, then the long tables. */
class HtmlReportTests {
    private static Path folderWithAPlot(Path dir) throws Exception {
        LinePlot plot = new LinePlot("curve", "epoch", "loss", false).add("train", new double[] {1, 2}, new double[] {2, 1});
        try (var out = Files.newOutputStream(dir.resolve("curve.png"))) {
            PlotWriter.png(plot, out);
        }
        Files.writeString(dir.resolve("metrics.csv"), "fold,epoch,split,metric,value\n");
        return dir;
    }

    private static Map<String, Double> results(int count) {
        Map<String, Double> results = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            results.put("fold-" + i + "/valid-rmse", 0.1 * i);
        }
        return results;
    }

    @Test
    void plotsComeBeforeTheResultsAndManyResultsAreFolded(@TempDir Path dir) throws Exception {
        String page = HtmlReport.render("run", "", "COMPLETED", "", "{}", results(HtmlReport.FOLD_RESULTS_BEYOND + 1),
                List.of(new HtmlReport.Band("fold-1/valid-rmse", "<= 1", 0.1, true)), Map.of(), folderWithAPlot(dir));

        assertThat(page.indexOf("<h2>Expectations")).isLessThan(page.indexOf("<h2>Plots"));
        assertThat(page.indexOf("<h2>Plots")).isLessThan(page.indexOf("<h2>Results"));
        assertThat(page).contains("<details><summary>" + (HtmlReport.FOLD_RESULTS_BEYOND + 1) + " results</summary>")
                .doesNotContain("class=\"reason\"");
        // The run's tables and texts are linked, in name order.
        Files.writeString(dir.resolve("preprocessing.txt"), "fitted on ...\n");
        String again = HtmlReport.render("run", "", "COMPLETED", "", "{}", Map.of(), List.of(), Map.of(), dir);
        assertThat(again).contains("<li><a href=\"metrics.csv\">metrics.csv</a></li>\n<li><a href=\"preprocessing.txt\">");
    }

    @Test
    void aFewResultsStayOpen(@TempDir Path dir) throws Exception {
        String page = HtmlReport.render("run", "", "COMPLETED", "", "{}", results(HtmlReport.FOLD_RESULTS_BEYOND), List.of(),
                Map.of(), folderWithAPlot(dir));

        assertThat(page).contains("<h2>Results</h2>\n<table>").doesNotContain(" results</summary>");
    }

    @Test
    void aStoppedRunSaysWhyAtTheTop(@TempDir Path dir) throws Exception {
        String page = HtmlReport.render("run", "what it does", "DIVERGED", "diverged in fold 2: the loss became NaN <here>",
                "{}", Map.of(), List.of(), Map.of(), folderWithAPlot(dir));

        assertThat(page).contains("<span class=\"status stopped\">DIVERGED</span>")
                .contains("<p class=\"reason\">diverged in fold 2: the loss became NaN &lt;here&gt;</p>");
        assertThat(page.indexOf("class=\"reason\"")).isLessThan(page.indexOf("what it does"));
        // No results: no empty table.
        assertThat(page).doesNotContain("<h2>Results");
    }
}
