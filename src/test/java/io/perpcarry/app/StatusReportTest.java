package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.AccountState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Formatting of status and funding, without venues. */
class StatusReportTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Position pos(Venue v, String size, String liq) {
        return new Position(v, "BTC", new BigDecimal(size), new BigDecimal("50000"), new BigDecimal("-1.5"),
                liq == null ? null : new BigDecimal(liq), null);
    }

    @Test
    void hedgeQualityIsTheSizeRatioAndNetExposureIsTheSumOfSignedLegs() {
        Map<Venue, AccountState> accounts = new EnumMap<>(Venue.class);
        accounts.put(Venue.LIGHTER, new AccountState(Venue.LIGHTER, BigDecimal.TEN, BigDecimal.ONE,
                List.of(pos(Venue.LIGHTER, "-0.010", "60000")), T));
        accounts.put(Venue.EDGEX, new AccountState(Venue.EDGEX, BigDecimal.TEN, BigDecimal.ONE,
                List.of(pos(Venue.EDGEX, "0.008", null)), T));
        StatusReport r = new StatusReport(accounts, Map.of(Venue.LIGHTER, List.of(), Venue.EDGEX, List.of()), Map.of(),
                Map.of(Venue.LIGHTER, Map.of("BTC", new BigDecimal("50000"))), Map.of(), 24);
        StatusReport.Hedge h = r.hedges().get(0);
        assertThat(h.status(false)).isEqualTo("HEDGED");
        assertThat(h.sizeRatio()).isEqualByComparingTo("0.8");
        assertThat(h.netExposure()).isEqualByComparingTo("-0.002");
        assertThat(r.liquidationDistancePct(accounts.get(Venue.LIGHTER).positions().get(0))).isEqualByComparingTo("20.00");
        assertThat(r.render()).contains("HEDGED", "size ratio 0.8", "net exposure -0.002 BTC", "20", "UNKNOWN");
        assertThat(r.complete()).isTrue();
    }

    @Test
    void anUnreadableVenueIsUnknownNeverFlat() {
        Map<Venue, AccountState> accounts = new EnumMap<>(Venue.class);
        accounts.put(Venue.LIGHTER, new AccountState(Venue.LIGHTER, BigDecimal.TEN, BigDecimal.ONE,
                List.of(pos(Venue.LIGHTER, "0.01", null)), T));
        StatusReport r = new StatusReport(accounts, Map.of(Venue.LIGHTER, List.of()), Map.of(), Map.of(),
                Map.of(Venue.EDGEX, List.of("account: EdgeX UNAVAILABLE: HTTP 503")), 24);
        assertThat(r.complete()).isFalse();
        assertThat(r.hedges().get(0).status(true)).isEqualTo("UNKNOWN");
        assertThat(r.render()).contains("EdgeX    UNKNOWN: account: EdgeX UNAVAILABLE", "INCOMPLETE")
                .doesNotContain("none on either venue");
        assertThat(r.toJson().get("complete")).isEqualTo(false);
    }

    @Test
    void fundingUnitsAreTheVenuesOwn() {
        FundingQuote lighterNow = new FundingQuote(Venue.LIGHTER, "BTC", new BigDecimal("0.000096"), Duration.ofHours(8), T);
        FundingQuote lighterSettled = new FundingQuote(Venue.LIGHTER, "BTC", new BigDecimal("0.000012"), Duration.ofHours(1), T);
        FundingQuote edgex = new FundingQuote(Venue.EDGEX, "BTC", new BigDecimal("0.0001"), Duration.ofMinutes(240), T);
        assertThat(FundingCommand.FundingView.nativeUnit(lighterNow, false)).isEqualTo("0.000096 per 8h");
        assertThat(FundingCommand.FundingView.nativeUnit(lighterSettled, true)).isEqualTo("0.0012 %/h");
        assertThat(FundingCommand.FundingView.nativeUnit(edgex, false)).isEqualTo("0.0001 per 4h");
        FundingCommand.FundingView v = new FundingCommand.FundingView("BTC", Map.of(Venue.LIGHTER, lighterNow, Venue.EDGEX, edgex),
                Map.of());
        assertThat(v.shortVenue()).contains(Venue.EDGEX); // 0.0001/4h = 0.000025/h > 0.000012/h
        assertThat(v.render()).contains("suggested: short EdgeX", "long Lighter");
    }
}
