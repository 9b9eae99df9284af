package io.perpcarry.emulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.emulator.MutableClock;
import io.perpcarry.emulator.ScaledClock;
import io.perpcarry.emulator.TestScenarios;
import io.perpcarry.emulator.VenueId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * With an accelerated market (the demo's time scale), prices and funding rates run fast but every instant the
 * engine hands out, every client expiry it checks and the settlement schedule are wall-clock time, as on a venue.
 */
class WallClockTimesTest {
    private static final Instant WALL = Instant.parse("2030-06-01T12:58:00Z");
    private final MutableClock wall = new MutableClock(WALL);
    private final MarketEngine engine = new MarketEngine(TestScenarios.flat(), new ScaledClock(wall, WALL, 60));
    private final Exchange lighter = engine.venue(VenueId.LIGHTER);
    private final Exchange edgex = engine.venue(VenueId.EDGEX);

    @Test
    void aGttOrderWithAWallClockExpiryRestsUntilThatWallTime() {
        OrderRequest gtt = OrderRequest.limit("BTC", Side.BUY, new BigDecimal("0.1"), new BigDecimal("90000.0"),
                TimeInForce.GTT).withExpiry(WALL.plus(Duration.ofMinutes(2)));
        wall.advance(Duration.ofSeconds(30)); // 30 market minutes
        OrderResult r = lighter.submit(1, gtt);
        assertThat(r.accepted()).as(r.message()).isTrue();
        assertThat(r.order().createdAt()).isBetween(WALL.plusSeconds(29), WALL.plusSeconds(31));

        wall.advance(Duration.ofSeconds(80)); // 80 market minutes later: past a fast clock's expiry, not the wall's
        assertThat(lighter.order(1, r.order().orderId()).orElseThrow().status()).isEqualTo(OrderStatus.OPEN);
        wall.advance(Duration.ofSeconds(11));
        Order expired = lighter.order(1, r.order().orderId()).orElseThrow();
        assertThat(expired.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(expired.cancelReason()).isEqualTo(CancelReason.EXPIRED);
        assertThat(expired.updatedAt()).isBetween(WALL.plusSeconds(120), WALL.plusSeconds(122));
    }

    @Test
    void fillsTradesAndSnapshotsCarryWallTimeAndFundingTheMarketClock() {
        wall.advance(Duration.ofSeconds(10));
        OrderResult r = lighter.submit(1, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.01")));
        OrderResult e = edgex.submit(10, OrderRequest.market("BTC", Side.SELL, new BigDecimal("0.010")));
        assertThat(r.fills()).isNotEmpty();
        assertThat(r.fills().get(0).time()).isBetween(WALL.plusSeconds(9), WALL.plusSeconds(11));
        assertThat(e.fills().get(0).time()).isBetween(WALL.plusSeconds(9), WALL.plusSeconds(11));
        assertThat(lighter.recentTrades("BTC", 1).get(0).time()).isBetween(WALL.plusSeconds(9), WALL.plusSeconds(11));

        wall.advance(Duration.ofMinutes(5)); // five market hours
        Instant now = wall.instant();
        // funding times follow the market clock (the accelerated engine of the demo books on it): on its hours
        assertThat(lighter.fundingPayments(1, "BTC", 10)).isNotEmpty().allSatisfy(p -> {
            assertThat(p.time().getEpochSecond() % 3600).isZero();
            assertThat(p.time()).isBeforeOrEqualTo(engine.simulationTime());
        });
        assertThat(lighter.account(1).time()).isBetween(now.minusSeconds(1), now);
        assertThat(lighter.book("BTC", 1).time()).isBetween(now.minusSeconds(1), now);
        FundingEstimate estimate = lighter.funding("BTC");
        assertThat(estimate.nextFundingTime()).isAfter(engine.simulationTime())
                .isBeforeOrEqualTo(engine.simulationTime().plus(Duration.ofHours(1)));
        assertThat(engine.simulationTime()).isAfter(now.plus(Duration.ofHours(4))); // the market did run fast
    }
}
