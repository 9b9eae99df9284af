package io.perpcarry.emulator.engine;

import static io.perpcarry.emulator.TestScenarios.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.perpcarry.emulator.MutableClock;
import io.perpcarry.emulator.TestScenarios;
import io.perpcarry.emulator.VenueId;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Lighter account 2: 1 000 USDC, 10x (initial 10 %), maintenance 5 %, taker fee 0.0005. */
class MarginTest {
    private final MutableClock clock = new MutableClock(START);
    private final MarketEngine engine = TestScenarios.flatEngine(clock);
    private final Exchange lighter = engine.venue(VenueId.LIGHTER);

    @Test
    void availableBalanceIsEquityLessInitialMarginOfPositionsAndOrders() {
        lighter.submit(2, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.09"))); // at 100 010.0
        AccountSnapshot a = lighter.account(2);
        assertThat(a.collateral()).isEqualByComparingTo("995.499550");       // 1 000 − 4.50045 fee
        assertThat(a.unrealizedPnl()).isEqualByComparingTo("-0.900000");     // 0.09 × (100 000 − 100 010)
        assertThat(a.equity()).isEqualByComparingTo("994.599550");
        assertThat(a.initialMargin()).isEqualByComparingTo("900.000000");    // 0.09 × 100 000 / 10
        assertThat(a.maintenanceMargin()).isEqualByComparingTo("450.000000");
        assertThat(a.availableBalance()).isEqualByComparingTo("94.599550");

        lighter.submit(2, OrderRequest.limit("BTC", Side.SELL, new BigDecimal("0.005"), new BigDecimal("101000.0"),
                TimeInForce.GTT));
        assertThat(lighter.account(2).orderMargin()).isEqualByComparingTo("50.500000");
        assertThat(lighter.account(2).availableBalance()).isEqualByComparingTo("44.099550");
    }

    @Test
    void ordersBeyondInitialMarginAreRejectedButReducingOnesAreNot() {
        lighter.submit(2, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.09")));
        OrderResult more = lighter.submit(2, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.01")));
        assertThat(more.rejectReason()).isEqualTo(RejectReason.INSUFFICIENT_MARGIN);
        assertThat(lighter.submit(2, OrderRequest.market("BTC", Side.SELL, new BigDecimal("0.05"))).accepted()).isTrue();
    }

    @Test
    void leverageChangesInitialMarginWithinLimits() {
        lighter.setLeverage(2, "BTC", 5, true);
        assertThat(lighter.submit(2, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.09"))).rejectReason())
                .isEqualTo(RejectReason.INSUFFICIENT_MARGIN);
        assertThatThrownBy(() -> lighter.setLeverage(2, "BTC", 11, true))
                .isInstanceOfSatisfying(EngineRejection.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_LEVERAGE));
        assertThatThrownBy(() -> lighter.setLeverage(2, "BTC", 5, false)).isInstanceOf(EngineRejection.class);
        lighter.setLeverage(2, "BTC", 10, true);
        lighter.submit(2, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.09")));
        assertThatThrownBy(() -> lighter.setLeverage(2, "BTC", 2, true))
                .isInstanceOfSatisfying(EngineRejection.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.INSUFFICIENT_MARGIN));
        assertThat(lighter.leverage(2, "BTC")).isEqualTo(10);
    }

    @Test
    void liquidationPriceIsWhereEquityMeetsMaintenance() {
        lighter.submit(2, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.09")));
        // 995.49955 + 0.09 (p − 100 010) = 0.09 × p × 0.05  ⇒  p = 8 005.40045 / 0.0855 ≈ 93 630.4
        BigDecimal liq = lighter.account(2).positions().get(0).liquidationPrice();
        assertThat(liq.doubleValue()).isCloseTo(93630.4, within(0.11));
    }

    @Test
    void accountIsLiquidatedAtMaintenanceMargin() {
        lighter.submit(2, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.09")));
        assertThat(lighter.submit(2, OrderRequest.limit("BTC", Side.BUY, new BigDecimal("0.001"),
                new BigDecimal("90000.0"), TimeInForce.GTT)).accepted()).isTrue();
        engine.setMid("BTC", new BigDecimal("93700"));
        assertThat(lighter.liquidations(2)).isEmpty();

        engine.setMid("BTC", new BigDecimal("93600"));
        assertThat(lighter.liquidations(2)).singleElement().satisfies(l -> {
            assertThat(l.fills()).singleElement().satisfies(f -> {
                assertThat(f.liquidation()).isTrue();
                assertThat(f.side()).isEqualTo(Side.SELL);
                assertThat(f.price()).isEqualByComparingTo("93600.0");
                assertThat(f.size()).isEqualByComparingTo("0.09");
            });
            assertThat(l.equityBefore()).isLessThanOrEqualTo(l.maintenanceBefore());
        });
        AccountSnapshot a = lighter.account(2);
        assertThat(a.positions().get(0).size()).isEqualByComparingTo("0");
        assertThat(a.openOrderCount()).isZero();
        assertThat(a.collateral()).isEqualByComparingTo("418.599550"); // 995.49955 − 0.09 × 6 410
        assertThat(lighter.orderHistory(2, "BTC", 10)).anySatisfy(
                o -> assertThat(o.cancelReason()).isEqualTo(CancelReason.LIQUIDATION));
    }

    @Test
    void eachVenueKeepsItsOwnAccounts() {
        Exchange edgex = engine.venue(VenueId.EDGEX);
        assertThat(edgex.accountIds()).containsExactly(10L);
        assertThat(lighter.accountIds()).containsExactly(1L, 2L);
        assertThatThrownBy(() -> edgex.account(1)).isInstanceOfSatisfying(EngineRejection.class,
                e -> assertThat(e.reason()).isEqualTo(RejectReason.UNKNOWN_ACCOUNT));
    }
}
