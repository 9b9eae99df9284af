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
 * With an accelerated market (the demo's time scale), prices, funding rates and settlements run fast but every
 * instant the engine hands out (funding included) and every client expiry it checks are wall-clock time, as on a venue.
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
    void fillsTradesSnapshotsAndFundingCarryWallTime() {
        wall.advance(Duration.ofSeconds(10));
        OrderResult r = lighter.submit(1, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.01")));
        OrderResult e = edgex.submit(10, OrderRequest.market("BTC", Side.SELL, new BigDecimal("0.010")));
        assertThat(r.fills()).isNotEmpty();
        assertThat(r.fills().get(0).time()).isBetween(WALL.plusSeconds(9), WALL.plusSeconds(11));
        assertThat(e.fills().get(0).time()).isBetween(WALL.plusSeconds(9), WALL.plusSeconds(11));
        assertThat(lighter.recentTrades("BTC", 1).get(0).time()).isBetween(WALL.plusSeconds(9), WALL.plusSeconds(11));

        wall.advance(Duration.ofMinutes(5)); // five market hours
        Instant now = wall.instant();
        // funding settles on the market's hours (a minute of wall time apart at x60), stamped with the wall time
        assertThat(lighter.fundingPayments(1, "BTC", 10)).hasSize(5).allSatisfy(p ->
                assertThat(p.time()).isBetween(WALL, now));
        assertThat(edgex.fundingPayments(10, "BTC", 10)).isNotEmpty().allSatisfy(p ->
                assertThat(p.time()).isBetween(WALL, now));
        assertThat(lighter.fundingHistory("BTC", null, null, 100)).allSatisfy(s ->
                assertThat(s.time()).isBeforeOrEqualTo(now));
        assertThat(lighter.account(1).time()).isBetween(now.minusSeconds(1), now);
        assertThat(lighter.book("BTC", 1).time()).isBetween(now.minusSeconds(1), now);
        FundingEstimate estimate = lighter.funding("BTC");
        assertThat(estimate.currentPeriodStart()).isBetween(now.minusSeconds(60), now);
        assertThat(estimate.nextFundingTime()).isAfter(now).isBeforeOrEqualTo(now.plusSeconds(60)); // one market hour
        assertThat(engine.simulationTime()).isAfter(now.plus(Duration.ofHours(4))); // the market did run fast
    }
}
