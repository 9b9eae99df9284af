package io.perpcarry.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LevenshteinTest {
    @Test
    void distanceCountsEdits() {
        assertThat(Levenshtein.distance("levrage", "leverage")).isEqualTo(1);
        assertThat(Levenshtein.distance("", "abc")).isEqualTo(3);
        assertThat(Levenshtein.distance("BTC", "BTC")).isZero();
    }

    @Test
    void closestIsNearestFirstWithAlphabeticalTies() {
        assertThat(Levenshtein.closest("BTX", List.of("ETH", "SOL", "BTC", "BCH", "BTC"), 3))
                .containsExactly("BTC", "BCH", "ETH");
        assertThat(Levenshtein.closest("X", List.of(), 3)).isEmpty();
    }
}
