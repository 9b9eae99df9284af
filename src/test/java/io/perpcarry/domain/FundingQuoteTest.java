package io.perpcarry.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.perpcarry.domain.TestMarkets.T0;
import static io.perpcarry.domain.TestMarkets.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FundingQuoteTest {

    @Test
    void goldenLighterEightHourQuote() {
        FundingQuote q = TestMarkets.lighterFunding("BTC", "0.0008");
        assertThat(q.hourlyRate()).isEqualByComparingTo("0.0001");
        assertThat(q.aprPercent()).isEqualByComparingTo("87.6");
    }

    @Test
    void goldenEdgexFourHourQuote() {
        FundingQuote q = TestMarkets.edgexFunding("BTC", "0.0001");
        assertThat(q.hourlyRate()).isEqualByComparingTo("0.000025");
        assertThat(q.aprPercent()).isEqualByComparingTo("21.9");
    }

    @Test
    void negativeRateMeansShortsPayAndKeepsItsSign() {
        FundingQuote q = new FundingQuote(Venue.EDGEX, "ETH", d("-0.0002"), Duration.ofMinutes(240), T0);
        assertThat(q.aprPercent()).isEqualByComparingTo("-43.8");
    }

    @Test
    void rejectsZeroOrFractionalSecondIntervals() {
        assertThatThrownBy(() -> new FundingQuote(Venue.EDGEX, "ETH", d("0.0001"), Duration.ZERO, T0))
                .hasMessageContaining("funding interval must be a positive");
        assertThatThrownBy(() -> new FundingQuote(Venue.EDGEX, "ETH", d("0.0001"), Duration.ofMillis(1500), T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FundingQuote(Venue.EDGEX, "ETH", null, Duration.ofHours(1), T0))
                .hasMessageContaining("rate is required");
    }
}
