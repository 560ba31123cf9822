package org.djx.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTests {
    @Test
    void countsAnAdjacentTranspositionAsOneEdit() {
        assertThat(Suggestions.distance("sdg", "sgd")).isEqualTo(1);
        assertThat(Suggestions.distance("lineer", "linear")).isEqualTo(1);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void suggestsTheClosestCandidateWithinASmallDistance() {
        assertThat(Suggestions.didYouMean("adamm", List.of("adam", "sgd"))).isEqualTo(" (did you mean 'adam'?)");
        assertThat(Suggestions.didYouMean("SGD", List.of("adam", "sgd"))).isEqualTo(" (did you mean 'sgd'?)");
    }

    @Test
    void suggestsNothingWhenNothingIsClose() {
        // "lbfgs" is 4 edits from "adam"; a 5-letter word is allowed max(1, min(3, 5 / 3)) = 1 edit.
        assertThat(Suggestions.didYouMean("lbfgs", List.of("adam", "sgd"))).isEmpty();
        assertThat(Suggestions.didYouMean("x", List.of())).isEmpty();
    }
}
