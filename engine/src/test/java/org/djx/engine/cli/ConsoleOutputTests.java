package org.djx.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleOutputTests {
    private final StringWriter text = new StringWriter();

    private ConsoleOutput console(ConsoleOutput.Mode mode) {
        return new ConsoleOutput(new PrintWriter(text, true), mode);
    }

    @Test
    void quietPrintsResultsAlone() {
        ConsoleOutput out = console(ConsoleOutput.Mode.QUIET);

        out.line("fold 1, train log rmse 0.17");
        out.progress("fold 2 of 5", 50, 100, "valid log-rmse 0.2");
        out.result("5-fold validation: avg valid log rmse: 0.17");

        assertThat(text.toString()).isEqualTo("5-fold validation: avg valid log rmse: 0.17" + System.lineSeparator());
    }

    @Test
    void aTerminalRedrawsOneLiveLineAndClearsItBeforeTheNextLine() {
        ConsoleOutput out = console(ConsoleOutput.Mode.TERMINAL);

        out.progress("fold 1 of 5", 100, 100, "valid log-rmse 0.1559");
        out.line("fold 1, train log rmse 0.170173, valid log rmse 0.155936");

        String s = text.toString();
        assertThat(s).startsWith("\rfold 1 of 5 [####################] 100/100  valid log-rmse 0.1559");
        // Cleared with spaces and a carriage return, then the line itself on a clean row.
        assertThat(s).endsWith("\r" + " ".repeat("fold 1 of 5 [####################] 100/100  valid log-rmse 0.1559".length())
                + "\rfold 1, train log rmse 0.170173, valid log rmse 0.155936" + System.lineSeparator());
        assertThat(s).doesNotContain("ETA");
    }

    @Test
    void aLogGetsNoLiveLineAndNoCarriageReturns() {
        ConsoleOutput out = console(ConsoleOutput.Mode.LOG);

        for (int epoch = 1; epoch <= 100; epoch++) {
            out.progress("fold 1 of 5", epoch, 100, "");
        }
        out.line("fold 1, train log rmse 0.170173");

        // Progress lines come at most every 10 s, so a short stage prints none.
        assertThat(text.toString()).isEqualTo("fold 1, train log rmse 0.170173" + System.lineSeparator()).doesNotContain("\r");
    }
}
