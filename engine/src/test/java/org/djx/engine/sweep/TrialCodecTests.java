package org.djx.engine.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests and outcomes as they cross a process or a cluster: read back to the same values, bit for bit. */
class TrialCodecTests {
    @Test
    void aRequestReadsBackWithItsDataFolder() {
        TrialRequest request = new TrialRequest(3, 1, 2, "{\"task\": \"train\"}", "/data/sweeps/house");

        TrialRequest back = TrialCodec.readRequest(TrialCodec.write(request));

        assertThat(back).isEqualTo(request);
        assertThat(TrialCodec.write(request)).contains("\"data-folder\":\"/data/sweeps/house\"");
    }

    @Test
    void aRequestWithoutADataFolderStartsFromTheWorkingDirectory() {
        // As djx trial received requests before they carried the folder.
        TrialRequest old = TrialCodec.readRequest("{\"trial\": 1, \"repeat\": 0, \"rung\": 0, \"experiment\": \"{}\"}");

        assertThat(old.dataFolder()).isEmpty();
        assertThat(TrialCodec.write(old)).doesNotContain("data-folder");
    }

    @Test
    void aDataFolderThatIsNotTextIsRefused() {
        assertThatThrownBy(() -> TrialCodec.readRequest(
                "{\"trial\": 1, \"repeat\": 0, \"rung\": 0, \"experiment\": \"{}\", \"data-folder\": 7}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data-folder must be the folder's path as text; found 7");
    }

    @Test
    void anOutcomeReadsBackToTheSameBitsNotANumberAndInfinitiesIncluded() {
        Map<String, Double> results = new LinkedHashMap<>();
        results.put("avg-valid-log-rmse", 0.12768817421474820);
        results.put("smallest", Double.MIN_VALUE);
        results.put("loss", Double.NaN);
        results.put("gradient", Double.NEGATIVE_INFINITY);
        TrialOutcome outcome = new TrialOutcome(TrialOutcome.Status.DIVERGED, results, "the loss became NaN", 1.25,
                Map.of("data/rows.csv", "c1985a7d0b4c2a9f0e6a3b1d5c7e9f1a2b3c4d5e6f708192a3b4c5d6e7f80912"));

        TrialOutcome back = TrialCodec.readOutcome(TrialCodec.write(outcome));

        assertThat(back.status()).isEqualTo(TrialOutcome.Status.DIVERGED);
        assertThat(back.message()).isEqualTo("the loss became NaN");
        assertThat(back.seconds()).isEqualTo(1.25);
        // Double.equals compares bits, and calls NaN equal to NaN.
        assertThat(back.results()).containsExactlyEntriesOf(results);
        assertThat(back.localFiles()).isEqualTo(outcome.localFiles());
        // An outcome without files, as records were written before outcomes named them, reads as naming none.
        assertThat(TrialCodec.readOutcome("{\"status\": \"COMPLETED\", \"message\": \"\", \"seconds\": 1, \"results\": {}}")
                .localFiles()).isEmpty();
    }
}
