package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.Venue;
import io.perpcarry.state.BotSnapshot;
import io.perpcarry.venue.FundingPayment;
import io.perpcarry.venue.VenueConnector;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Soak defect 9 on both emulators: after a cycle closes, its funding is read again (an hour of market time later,
 * 6 s at x600) and the cycle in state.json counts exactly what each venue paid in its open..close window.
 */
class DaemonFundingRecheckTest extends DaemonOnFlatHype {
    @Override
    String config() {
        return DaemonBookedPnlTest.ONE_CYCLE;
    }

    @Test
    void aClosedCycleCountsWhatTheVenuesPaidInItsWindow() throws Exception {
        daemon.start();
        daemon.awaitHolding(Duration.ofSeconds(90));
        daemon.await(Duration.ofSeconds(180), s -> "WAITING".equals(s.state()));
        EmulatedDaemon.awaitTrue(Duration.ofSeconds(60), "funding_rechecked journaled",
                () -> !daemon.journal("funding_rechecked").isEmpty());

        BotSnapshot.CycleView cycle = daemon.state().orElseThrow().history().get(0);
        Instant opened = Instant.parse(cycle.openedAt());
        Instant closed = Instant.parse(cycle.closedAt());
        try (VenueSession s = VenueSession.open(daemon.config(), daemon.environment())) {
            for (Venue v : Venue.values()) {
                // the engine's market clock, as the daemon reads the venues (funding times are wall-clock on the wire)
                VenueConnector c = io.perpcarry.venue.EngineTimeConnector.on(s.venue(v),
                        EngineClock.venueTime(ex.scenarioClock()));
                BigDecimal paid = c.fundingPayments(opened).stream()
                        .filter(p -> p.symbol().equals("HYPE") && !p.settledAt().isAfter(closed))
                        .map(FundingPayment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(new BigDecimal(cycle.pnl().get(v.wireName()).funding())).as(v + " funding of the cycle")
                        .isEqualByComparingTo(paid);
            }
        }
    }
}
