package org.djx.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PlotWriterTests {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void aCurveThatReachesInfinityOrZeroOnALogAxisIsDrawnWithAGap() throws IOException {
        // A log-rmse curve of a fit gone wrong: an infinite epoch, a NaN one, a zero the log axis cannot show.
        LinePlot plot = new LinePlot("fold 1", "epoch", "log-rmse", true)
                .add("train", new double[] {1, 2, 3, 4, 5}, new double[] {0.5, Double.POSITIVE_INFINITY, Double.NaN, 0, 0.25});
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ByteArrayOutputStream svg = new ByteArrayOutputStream();

        PlotWriter.png(plot, png);
        PlotWriter.svg(plot, svg);

        assertThat(Arrays.copyOf(png.toByteArray(), 8)).isEqualTo(PNG_SIGNATURE);
        assertThat(svg.toString(StandardCharsets.UTF_8)).contains("<svg").endsWith("</svg>\n");
        // The plot keeps its own values: only what is drawn has the gaps.
        assertThat(plot.series().get(0).y()[1]).isEqualTo(Double.POSITIVE_INFINITY);
    }
}
