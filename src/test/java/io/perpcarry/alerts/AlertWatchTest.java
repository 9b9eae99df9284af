package io.perpcarry.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.PositionSide;
import io.perpcarry.domain.Venue;
import io.perpcarry.state.CycleStats;
import io.perpcarry.state.HeldLeg;
import io.perpcarry.state.HeldPosition;
import io.perpcarry.ui.DashboardModel;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The timer-driven alerts: venue unreadable and stream stale beyond the threshold, funding against the hedge. */
class AlertWatchTest {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    final Clock clock = new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(ZoneId z) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    };
    Optional<HeldPosition> held = Optional.empty();
    final Map<Venue, String> accountError = new EnumMap<>(Venue.class);
    final Set<String> stale = new HashSet<>();
    final Map<Venue, BigDecimal> apr = new EnumMap<>(Venue.class);

    final AlertWatch watch = new AlertWatch(new AlertWatch.Sources() {
        public Optional<HeldPosition> held() {
            return held;
        }

        public boolean marketDataFresh(Venue v, String symbol) {
            return !stale.contains(v.wireName() + ":" + symbol);
        }

        public Optional<DashboardModel.VenueView> account(Venue v) {
            String e = accountError.get(v);
            return Optional.of(e == null ? new DashboardModel.VenueView(v, BigDecimal.TEN, BigDecimal.TEN, Optional.empty(),
                    null, null, null, now) : DashboardModel.VenueView.unknown(v, e, now));
        }

        public Map<Venue, BigDecimal> fundingAprPct(String symbol) {
            return apr;
        }

        public String state() {
            return "HOLDING";
        }

        public CycleStats stats() {
            return CycleStats.EMPTY;
        }
    }, List.of("BTC", "ETH"), clock, Duration.ofMinutes(5));

    @Test
    void aVenueUnreadableIsAlertedOnlyOnceItLastedLongerThanTheThreshold() {
        accountError.put(Venue.EDGEX, "HTTP 503");
        assertThat(watch.check()).isEmpty();
        now = now.plus(Duration.ofMinutes(4));
        assertThat(watch.check()).as("4 min < 5 min").isEmpty();
        now = now.plus(Duration.ofMinutes(1));
        assertThat(watch.check()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.VENUE_UNREADABLE);
            assertThat(a.key()).isEqualTo("unreadable|edgex");
            assertThat(a.text()).contains("EdgeX", "HTTP 503");
        });
        accountError.clear();
        assertThat(watch.check()).as("readable again").isEmpty();
        accountError.put(Venue.EDGEX, "HTTP 503");
        assertThat(watch.check()).as("the clock starts again").isEmpty();
    }

    @Test
    void aStaleStreamOfAMonitoredSymbolIsAlertedAfterTheThreshold() {
        stale.add("lighter:ETH");
        assertThat(watch.check()).isEmpty();
        now = now.plus(Duration.ofMinutes(6));
        assertThat(watch.check()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.STREAM_STALE);
            assertThat(a.text()).contains("Lighter", "ETH").doesNotContain("BTC");
        });
    }

    @Test
    void fundingTurningAgainstTheHeldHedgeIsAlerted() {
        held = Optional.of(new HeldPosition(7, "BTC",
                new HeldLeg(Venue.EDGEX, PositionSide.LONG, new BigDecimal("0.01"), new BigDecimal("50000")),
                new HeldLeg(Venue.LIGHTER, PositionSide.SHORT, new BigDecimal("0.01"), new BigDecimal("50010")),
                new BigDecimal("0.001"), now, now.plus(Duration.ofHours(8))));
        apr.put(Venue.LIGHTER, new BigDecimal("12.5"));
        apr.put(Venue.EDGEX, new BigDecimal("3.1"));
        assertThat(watch.check()).as("short receives more than long pays").isEmpty();
        apr.put(Venue.EDGEX, new BigDecimal("15.0"));
        assertThat(watch.check()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.FUNDING_AGAINST);
            assertThat(a.key()).isEqualTo("funding|7");
            assertThat(a.text()).contains("BTC cycle 7", "-2.5% APR");
        });
        assertThat(watch.dailySummary().text()).contains("state HOLDING", "0 cycles closed");
    }
}
