package io.perpcarry.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.Venue;
import io.perpcarry.emulator.MutableClock;
import io.perpcarry.emulator.ScaledClock;
import io.perpcarry.engine.FakeVenue;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The demo engine on the emulators' market clock (x600) reads funding the venue stamped with wall time, cut to the
 * second as Lighter's wire does: each payment comes back on its market boundary, and the window asked for is the
 * engine's, not shifted by the cut.
 */
class EngineTimeConnectorTest {
    private static final Instant WALL = Instant.parse("2030-06-01T12:00:00.300Z");
    private static final Instant MARKET = Instant.parse("2025-01-01T00:00:00Z");
    private final ScaledClock market = new ScaledClock(new MutableClock(WALL), WALL, MARKET, 600);
    private final VenueTime time = VenueTime.of(market::toBase, market::fromBase);
    private final FakeVenue wire = new FakeVenue(Venue.LIGHTER, new MutableClock(WALL));

    EngineTimeConnectorTest() {
        wire.market(MarketSpec.lighter("HYPE", 24, 2, 4, new BigDecimal("0.5"), BigDecimal.TEN, BigDecimal.ZERO,
                BigDecimal.ZERO), "25", "0.0001");
        // settled at market 01:00 = wall 12:00:06.300, on the wire in whole seconds
        wire.funding.add(new FundingPayment(Venue.LIGHTER, "HYPE", Instant.parse("2030-06-01T12:00:06Z"),
                new BigDecimal("0.0001"), new BigDecimal("-10"), new BigDecimal("0.025")));
    }

    @Test
    void aPaymentComesBackOnItsMarketBoundaryInsideTheEnginesWindow() {
        VenueConnector engineSide = EngineTimeConnector.on(wire, time);
        assertThat(engineSide.fundingPayments(MARKET.plusSeconds(58 * 60))).singleElement()
                .satisfies(p -> assertThat(p.settledAt()).isEqualTo(MARKET.plusSeconds(3600)));
        assertThat(engineSide.fundingPayments(MARKET.plusSeconds(3600))).hasSize(1);
        assertThat(engineSide.fundingPayments(MARKET.plusSeconds(62 * 60))).as("opened after the settlement").isEmpty();
    }

    @Test
    void aMarketClockRebuiltSlightlyOffStillPutsSettlementsOnTheirBoundary() {
        // the chaos daemon and record --emulator-clock rebuild the emulators' clock: 20 ms of wall off is 12 market s
        ScaledClock rebuilt = new ScaledClock(new MutableClock(WALL), WALL.minusMillis(20), MARKET, 600);
        VenueConnector engineSide = EngineTimeConnector.on(wire, VenueTime.of(rebuilt::toBase, rebuilt::fromBase));
        assertThat(engineSide.fundingPayments(MARKET.plusSeconds(30 * 60))).singleElement()
                .satisfies(p -> assertThat(p.settledAt()).isEqualTo(MARKET.plusSeconds(3600)));
    }

    @Test
    void aSoakClockRebuiltMarketMinutesOffStillPutsSettlementsOnTheirBoundary() {
        // the soak runs x1200: the market 01:00 settlement is wall 12:00:03.300, 12:00:03 on the wire; a daemon whose
        // rebuilt clock started 400 ms of wall early reads it as market 01:02 (soak: every payment booked an hour late)
        FakeVenue soakWire = new FakeVenue(Venue.LIGHTER, new MutableClock(WALL));
        soakWire.market(MarketSpec.lighter("HYPE", 24, 2, 4, new BigDecimal("0.5"), BigDecimal.TEN, BigDecimal.ZERO,
                BigDecimal.ZERO), "25", "0.0001");
        soakWire.funding.add(new FundingPayment(Venue.LIGHTER, "HYPE", Instant.parse("2030-06-01T12:00:03Z"),
                new BigDecimal("0.0001"), new BigDecimal("-10"), new BigDecimal("0.025")));
        ScaledClock rebuilt = new ScaledClock(new MutableClock(WALL), WALL.minusMillis(400), MARKET, 1200);
        VenueConnector engineSide = EngineTimeConnector.on(soakWire, VenueTime.of(rebuilt::toBase, rebuilt::fromBase));
        assertThat(engineSide.fundingPayments(MARKET.plusSeconds(30 * 60))).singleElement()
                .satisfies(p -> assertThat(p.settledAt()).isEqualTo(MARKET.plusSeconds(3600)));
    }

    @Test
    void liveTheVenueIsUsedAsItIs() {
        assertThat(EngineTimeConnector.on(wire, VenueTime.SAME)).isSameAs(wire);
        assertThat(time.toEngine(time.toVenue(MARKET.plusSeconds(7200)))).isEqualTo(MARKET.plusSeconds(7200));
        assertThat(time.toVenue(Instant.EPOCH)).as("'since ever' stays so").isEqualTo(Instant.EPOCH);
    }
}
