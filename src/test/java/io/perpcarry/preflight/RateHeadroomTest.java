package io.perpcarry.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.venue.http.RateBudget;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateHeadroomTest {
    @Test
    void lightersBudgetCarriesAScanOfTwoRequestsEveryMinute() {
        // Lighter: 24,000 units a minute, 400 a request (RateBudget.LIGHTER_STANDARD).
        PreflightCheck c = RateHeadroom.check("lighter.rate", RateBudget.LIGHTER_STANDARD, 2, 800, Duration.ofSeconds(60));
        assertThat(c.passed()).as(c.observed()).isTrue();
        assertThat(c.observed()).contains("one scan 2 requests = 800 units", "800 of 24000 units per 1 min (3 %)");
    }

    @Test
    void scanningMoreThanHalfTheBudgetFails() {
        // 30 units a scan, every 10 s = 6 scans = 180 units of 120 a minute.
        PreflightCheck c = RateHeadroom.check("edgex.rate", RateBudget.EDGEX_UNVERIFIED, 30, 30, Duration.ofSeconds(10));
        assertThat(c.passed()).isFalse();
        assertThat(c.observed()).contains("180 of 120 units per 1 min", "budget unverified");
    }

    @Test
    void exactlyHalfPasses() {
        RateBudget b = new RateBudget(100, Duration.ofMinutes(1), 1, Map.of(), true, "test");
        assertThat(RateHeadroom.check("x.rate", b, 25, 25, Duration.ofSeconds(30)).passed()).isTrue();
        assertThat(RateHeadroom.check("x.rate", b, 26, 26, Duration.ofSeconds(30)).passed()).isFalse();
    }
}
