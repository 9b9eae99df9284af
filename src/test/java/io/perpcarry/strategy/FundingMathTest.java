package io.perpcarry.strategy;

import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.Venue;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.perpcarry.domain.TestMarkets.T0;
import static io.perpcarry.domain.TestMarkets.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FundingMathTest {

    @Test
    void goldenLighterCurrentRate() {
        // /funding-rates 0.0008 per 8 h → 0.0001 per hour → 0.0001 × 24 × 365 × 100 = 87.6 %
        FundingQuote q = FundingMath.lighterCurrent("BTC", d("0.0008"), T0);
        assertThat(q.venue()).isEqualTo(Venue.LIGHTER);
        assertThat(q.interval()).isEqualTo(Duration.ofHours(8));
        assertThat(q.hourlyRate()).isEqualByComparingTo("0.0001");
        assertThat(q.aprPercent()).isEqualByComparingTo("87.6");
    }

    @Test
    void goldenEdgexCurrentRate() {
        // 0.0001 per 240 min → 0.000025 per hour → 21.9 %
        FundingQuote q = FundingMath.edgexCurrent("BTC", d("0.0001"), 240, T0);
        assertThat(q.aprPercent()).isEqualByComparingTo("21.9");
        // the interval is read, not assumed: the same rate per 60 min is 4× the APR
        assertThat(FundingMath.edgexCurrent("BTC", d("0.0001"), 60, T0).aprPercent()).isEqualByComparingTo("87.6");
        assertThatThrownBy(() -> FundingMath.edgexCurrent("BTC", d("0.0001"), 0, T0))
                .hasMessageContaining("fundingRateIntervalMin must be > 0");
    }

    @Test
    void hourlyAndApr() {
        assertThat(FundingMath.hourlyRate(d("0.0003"), Duration.ofMinutes(180))).isEqualByComparingTo("0.0001");
        assertThat(FundingMath.aprPercent(d("0.00001"))).isEqualByComparingTo("8.76");
        assertThatThrownBy(() -> FundingMath.hourlyRate(d("1"), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lighterSettledHistoryIsPercentPerHourWithThePayerInDirection() {
        // "0.0012" percent for the hour = 0.000012; longs paid → positive
        assertThat(FundingMath.lighterSettledHourly(d("0.0012"), "long")).isEqualByComparingTo("0.000012");
        assertThat(FundingMath.lighterSettledHourly(d("0.0012"), "SHORT")).isEqualByComparingTo("-0.000012");
        // cross-check with /funding-rates: 0.0008 per 8 h ⇔ 0.01 % per hour settled
        assertThat(FundingMath.lighterSettledHourly(d("0.01"), "long"))
                .isEqualByComparingTo(FundingMath.lighterCurrent("BTC", d("0.0008"), T0).hourlyRate());
        assertThatThrownBy(() -> FundingMath.lighterSettledHourly(d("0.01"), "both"))
                .hasMessageContaining("direction must be long or short");
        assertThatThrownBy(() -> FundingMath.lighterSettledHourly(d("-0.01"), "long"))
                .hasMessageContaining("expected unsigned");
    }

    @Test
    void fundingOverAHold() {
        // 10,000 × 0.000075 × 72 h = 54
        assertThat(FundingMath.fundingOver(d("10000"), d("0.000075"), Duration.ofHours(72))).isEqualByComparingTo("54");
        assertThat(FundingMath.fundingOver(d("10000"), d("0.0001"), Duration.ofMinutes(90))).isEqualByComparingTo("1.5");
    }
}
