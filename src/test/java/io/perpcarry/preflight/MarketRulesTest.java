package io.perpcarry.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.BookLevel;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final MarketSpec BTC = MarketSpec.lighter("BTC", 1, 5, 1, new BigDecimal("0.00020"), BigDecimal.TEN,
            BigDecimal.ZERO, BigDecimal.ZERO);

    private static OrderBook book(String bid, String ask, String size) {
        return new OrderBook(Venue.LIGHTER, "BTC", List.of(new BookLevel(new BigDecimal(bid), new BigDecimal(size))),
                List.of(new BookLevel(new BigDecimal(ask), new BigDecimal(size))), NOW);
    }

    @Test
    void aBookOnTheMarketsGridPasses() {
        PreflightCheck c = MarketRules.grid("lighter.grid.BTC", BTC, book("95000.1", "95000.2", "0.35"));
        assertThat(c.passed()).as(c.observed()).isTrue();
        assertThat(c.observed()).contains("tick 0.1", "step 0.00001", "2 levels on grid");
    }

    @Test
    void aPriceOffTheTickFailsNamingThePrice() {
        PreflightCheck c = MarketRules.grid("lighter.grid.BTC", BTC, book("95000.15", "95000.2", "0.35"));
        assertThat(c.passed()).isFalse();
        assertThat(c.observed()).contains("95000.15", "tick 0.1");
    }

    @Test
    void aSizeOffTheStepFails() {
        PreflightCheck c = MarketRules.grid("lighter.grid.BTC", BTC, book("95000.1", "95000.2", "0.000001"));
        assertThat(c.passed()).isFalse();
        assertThat(c.observed()).contains("0.000001", "step 0.00001");
    }

    @Test
    void aMinimumSizeOffTheStepFails() {
        MarketSpec odd = MarketSpec.edgex("BTC", "30000001", new BigDecimal("0.1"), new BigDecimal("0.001"),
                new BigDecimal("0.0015"), new BigDecimal("0.00038"), new BigDecimal("0.00018"), 240);
        PreflightCheck c = MarketRules.grid("edgex.grid.BTC", odd, book("95000.1", "95000.2", "0.35"));
        assertThat(c.passed()).isFalse();
        assertThat(c.observed()).contains("minimum size 0.0015");
    }

    @Test
    void feesMustBeFractionsWithMakerAtMostTaker() {
        assertThat(MarketRules.fees("f", BTC).passed()).isTrue();
        MarketSpec inverted = MarketSpec.edgex("BTC", "30000001", new BigDecimal("0.1"), new BigDecimal("0.001"),
                new BigDecimal("0.001"), new BigDecimal("0.0001"), new BigDecimal("0.0005"), 240);
        PreflightCheck c = MarketRules.fees("edgex.fees.BTC", inverted);
        assertThat(c.passed()).isFalse();
        assertThat(c.observed()).isEqualTo("taker 0.01 %, maker 0.05 %");
    }

    @Test
    void fundingShowsTheNativeRateItsPeriodAprAndCadence() {
        FundingQuote q = new FundingQuote(Venue.LIGHTER, "BTC", new BigDecimal("0.000096"), Duration.ofHours(8), NOW);
        PreflightCheck c = MarketRules.funding("lighter.funding.BTC", BTC, q);
        assertThat(c.passed()).as(c.observed()).isTrue();
        // 0.000096 per 8 h = 0.0012 %/h = 10.51 % APR (captures/lighter/GET_api_v1_funding-rates.json)
        assertThat(c.observed()).isEqualTo("rate 0.000096 per 8 h = 10.51 % APR; settles every 1 h");
    }

    @Test
    void aRateThatIsReallyAPercentFails() {
        FundingQuote q = new FundingQuote(Venue.LIGHTER, "BTC", new BigDecimal("0.0960"), Duration.ofHours(8), NOW);
        assertThat(MarketRules.funding("lighter.funding.BTC", BTC, q).passed()).isFalse();
        assertThat(MarketRules.funding("lighter.funding.BTC", BTC, null).observed()).contains("no funding quote");
    }

    @Test
    void aSettlementCadenceThatDoesNotDivideADayFails() {
        MarketSpec odd = MarketSpec.edgex("BTC", "30000001", new BigDecimal("0.1"), new BigDecimal("0.001"),
                new BigDecimal("0.001"), new BigDecimal("0.00038"), new BigDecimal("0.00018"), 420);
        FundingQuote q = new FundingQuote(Venue.EDGEX, "BTC", new BigDecimal("0.00005"), Duration.ofMinutes(420), NOW);
        PreflightCheck c = MarketRules.funding("edgex.funding.BTC", odd, q);
        assertThat(c.passed()).isFalse();
        assertThat(c.observed()).isEqualTo("settles every 420 min");
    }

    @Test
    void theReportPassesOnlyWhenEveryCheckPassesAndNamesTheFailures() {
        PreflightReport ok = new PreflightReport(List.of(PreflightCheck.pass("a", "x", "y")));
        assertThat(ok.passed()).isTrue();
        assertThat(ok.render()).contains("PREFLIGHT PASS");
        PreflightReport bad = new PreflightReport(List.of(PreflightCheck.pass("a", "x", "y"),
                PreflightCheck.fail("edgex.open.BTC", "closed", "open")));
        assertThat(bad.passed()).isFalse();
        assertThat(bad.render()).contains("PREFLIGHT FAIL: 1 of 2 checks failed: edgex.open.BTC");
        assertThat(new PreflightReport(List.of()).passed()).as("no check is no proof").isFalse();
    }

    @Test
    void anEdgexContractClosedToOpeningFailsNamingIt() {
        MarketSpec closed = MarketSpec.edgex("BTC", "30000001", new BigDecimal("0.1"), new BigDecimal("0.001"),
                new BigDecimal("0.001"), new BigDecimal("0.00038"), new BigDecimal("0.00018"), 240, true);
        PreflightCheck c = MarketRules.openable("edgex.open.BTC", closed);
        assertThat(c.passed()).isFalse();
        assertThat(c.observed()).contains("BTC (30000001) closed to new positions (enableOpenPosition false)");
        assertThat(MarketRules.openable("lighter.open.BTC", BTC).passed()).isTrue();
    }
}
