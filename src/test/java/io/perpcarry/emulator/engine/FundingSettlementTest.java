package io.perpcarry.emulator.engine;

import static io.perpcarry.emulator.TestScenarios.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.emulator.MutableClock;
import io.perpcarry.emulator.ScaledClock;
import io.perpcarry.emulator.TestScenarios;
import io.perpcarry.emulator.VenueId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flat BTC at 100 000: Lighter 0.0008 per 8 h (0.0001 per hourly settlement), EdgeX −0.0002 per 4 h. */
class FundingSettlementTest {
    private final MutableClock clock = new MutableClock(START);
    private final MarketEngine engine = TestScenarios.flatEngine(clock);
    private final Exchange lighter = engine.venue(VenueId.LIGHTER);
    private final Exchange edgex = engine.venue(VenueId.EDGEX);

    @Test
    void lighterSettlesHourlyAtAnEighthOfTheEightHourRateLongsPayShortsReceive() {
        assertThat(lighter.submit(1, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.1"))).accepted()).isTrue();
        assertThat(lighter.submit(2, OrderRequest.market("BTC", Side.SELL, new BigDecimal("0.01"))).accepted()).isTrue();
        BigDecimal longBefore = lighter.account(1).collateral();
        BigDecimal shortBefore = lighter.account(2).collateral();

        clock.advance(Duration.ofMinutes(59));
        assertThat(lighter.fundingPayments(1, "BTC", 10)).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        List<FundingPayment> longPaid = lighter.fundingPayments(1, "BTC", 10);
        assertThat(longPaid).singleElement().satisfies(p -> {
            assertThat(p.time()).isEqualTo(Instant.parse("2025-01-01T01:00:00Z"));
            assertThat(p.rate()).isEqualByComparingTo("0.0008");
            assertThat(p.ratePerSettlement()).isEqualByComparingTo("0.0001");
            assertThat(p.amount()).isEqualByComparingTo("-1.000000"); // 0.1 × 100 000 × 0.0001
            assertThat(p.direction()).isEqualTo(FundingDirection.PAID);
        });
        assertThat(lighter.fundingPayments(2, "BTC", 10)).singleElement().satisfies(p -> {
            assertThat(p.amount()).isEqualByComparingTo("0.100000");
            assertThat(p.direction()).isEqualTo(FundingDirection.RECEIVED);
        });
        assertThat(lighter.account(1).collateral()).isEqualByComparingTo(longBefore.subtract(BigDecimal.ONE));
        assertThat(lighter.account(2).collateral()).isEqualByComparingTo(shortBefore.add(new BigDecimal("0.1")));

        clock.advance(Duration.ofHours(7));
        assertThat(lighter.fundingPayments(1, "BTC", 100)).hasSize(8);
        assertThat(position(lighter, 1).fundingNet()).isEqualByComparingTo("-8.000000"); // the full 8 h rate
    }

    @Test
    void edgexSettlesEveryIntervalNegativeRateShortsPayLongsReceive() {
        edgex.submit(10, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.100")));
        clock.advance(Duration.ofHours(4).minusSeconds(1));
        assertThat(edgex.fundingPayments(10, null, 10)).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(edgex.fundingPayments(10, null, 10)).singleElement().satisfies(p -> {
            assertThat(p.time()).isEqualTo(Instant.parse("2025-01-01T04:00:00Z"));
            assertThat(p.ratePerSettlement()).isEqualByComparingTo("-0.0002");
            assertThat(p.amount()).isEqualByComparingTo("2.000000"); // long receives 0.1 × 100 000 × 0.0002
            assertThat(p.direction()).isEqualTo(FundingDirection.RECEIVED);
        });
        edgex.submit(10, OrderRequest.market("BTC", Side.SELL, new BigDecimal("0.200")));
        clock.advance(Duration.ofHours(4));
        assertThat(edgex.fundingPayments(10, null, 10).get(0).amount()).isEqualByComparingTo("-2.000000");
    }

    @Test
    void settlementsOnAnAcceleratedClockComeOnTheMarketsHoursStampedWithWallTime() {
        // The market clock decides when funding settles (an accelerated market pays at its own pace); every instant
        // handed out is the wall instant the market clock showed that boundary (issue 10). At time scale 1 the two
        // clocks agree and settlements fall on the wall-clock hour, as recorded.
        Instant wallStart = Instant.parse("2030-06-01T12:59:00Z");
        MutableClock wall = new MutableClock(wallStart);
        ScaledClock scaled = new ScaledClock(wall, START, 60); // one wall minute = one market hour
        MarketEngine fast = new MarketEngine(TestScenarios.flat(), scaled);
        Exchange fastLighter = fast.venue(VenueId.LIGHTER);
        fastLighter.submit(2, OrderRequest.market("BTC", Side.SELL, new BigDecimal("0.01")));

        wall.advance(Duration.ofSeconds(50));
        fast.sync();
        assertThat(fast.simulationTime()).isAfter(START.plus(Duration.ofMinutes(49))); // the market ran fast
        assertThat(fastLighter.fundingPayments(2, "BTC", 10)).as("no market hour yet").isEmpty();

        wall.advance(Duration.ofSeconds(20)); // past the first market hour, 12:59:70 on the wall
        fast.sync();
        assertThat(fastLighter.fundingPayments(2, "BTC", 10)).singleElement().satisfies(p -> {
            assertThat(p.time()).isEqualTo(wallStart.plusSeconds(60)); // the wall instant of market START + 1 h
            assertThat(p.amount()).isEqualByComparingTo("0.100000");
        });
        assertThat(fastLighter.fundingHistory("BTC", null, null, 1).get(0).time()).isEqualTo(wallStart.plusSeconds(60));
        FundingEstimate next = fastLighter.funding("BTC");
        assertThat(next.currentPeriodStart()).isEqualTo(wallStart.plusSeconds(60));
        assertThat(next.nextFundingTime()).isEqualTo(wallStart.plusSeconds(120)); // market START + 2 h
        // the history before the start: the market's hours before it, a wall minute apart
        List<FundingSettlement> history = fastLighter.fundingHistory("BTC", null, wallStart, 100);
        assertThat(history).isNotEmpty().allSatisfy(h -> assertThat(h.time()).isBeforeOrEqualTo(wallStart)
                .isAfter(wallStart.minus(Duration.ofDays(1))));
        assertThat(Duration.between(history.get(1).time(), history.get(0).time())).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void estimateShowsNativeRateAndNextSettlement() {
        clock.advance(Duration.ofMinutes(90));
        FundingEstimate l = lighter.funding("BTC");
        assertThat(l.rate()).isEqualByComparingTo("0.0008");
        assertThat(l.ratePeriodMinutes()).isEqualTo(480);
        assertThat(l.settlementMinutes()).isEqualTo(60);
        assertThat(l.nextFundingTime()).isEqualTo(Instant.parse("2025-01-01T02:00:00Z"));
        FundingEstimate e = edgex.funding("BTC");
        assertThat(e.rate()).isEqualByComparingTo("-0.0002");
        assertThat(e.ratePerSettlement()).isEqualByComparingTo("-0.0002");
        assertThat(e.nextFundingTime()).isEqualTo(Instant.parse("2025-01-01T04:00:00Z"));
    }

    @Test
    void historyIsBackfilledThenGrowsWithSettlements() {
        // fundingHistory PT4H: Lighter boundaries 21:00..00:00 of the day before (4), EdgeX 00:00 (1)
        assertThat(lighter.fundingHistory("BTC", null, null, 100)).hasSize(4)
                .allSatisfy(s -> assertThat(s.backfilled()).isTrue());
        assertThat(edgex.fundingHistory("BTC", null, null, 100)).hasSize(1);
        clock.advance(Duration.ofHours(2));
        List<FundingSettlement> history = lighter.fundingHistory("BTC", null, null, 100);
        assertThat(history).hasSize(6);
        assertThat(history.get(0).time()).isEqualTo(Instant.parse("2025-01-01T02:00:00Z"));
        assertThat(history.get(0).payingSide()).isEqualTo(Side.BUY);
        assertThat(lighter.fundingHistory("BTC", START, null, 100)).hasSize(3); // 00:00, 01:00, 02:00
    }

    @Test
    void overriddenRateIsUsedAtTheNextSettlementAndListenersHearIt() {
        List<FundingSettlement> heard = new ArrayList<>();
        engine.addListener(new EngineListener() {
            @Override
            public void onFundingSettled(VenueId venue, FundingSettlement settlement) {
                if (venue == VenueId.LIGHTER) {
                    heard.add(settlement);
                }
            }
        });
        lighter.submit(1, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.1")));
        engine.setFundingRate(VenueId.LIGHTER, "BTC", new BigDecimal("-0.0016"));
        clock.advance(Duration.ofHours(1));
        engine.sync();
        assertThat(heard).singleElement().satisfies(s -> assertThat(s.rate()).isEqualByComparingTo("-0.0016"));
        assertThat(lighter.fundingPayments(1, "BTC", 1).get(0).amount()).isEqualByComparingTo("2.000000");
    }

    private static Position position(Exchange ex, long account) {
        return ex.account(account).positions().stream().filter(p -> p.symbol().equals("BTC")).findFirst().orElseThrow();
    }
}
