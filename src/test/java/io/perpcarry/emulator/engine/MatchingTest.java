package io.perpcarry.emulator.engine;

import static io.perpcarry.emulator.TestScenarios.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.emulator.MutableClock;
import io.perpcarry.emulator.TestScenarios;
import io.perpcarry.emulator.VenueId;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Flat BTC at 100 000 on Lighter: bids 99 990, 99 980, … and asks 100 010, 100 020, … (0.5 each);
 * taker fee 0.0005, maker 0.0001; account 1 has 10 000 USDC at 10x.
 */
class MatchingTest {
    private final MutableClock clock = new MutableClock(START);
    private final MarketEngine engine = TestScenarios.flatEngine(clock);
    private final Exchange lighter = engine.venue(VenueId.LIGHTER);

    @Test
    void bookIsQuotedAroundTheMidOnTheVenueTickAndStep() {
        OrderBookSnapshot book = lighter.book("BTC", 3);
        assertThat(book.bids()).extracting(BookLevel::price).map(BigDecimal::toPlainString)
                .containsExactly("99990.0", "99980.0", "99970.0");
        assertThat(book.asks()).extracting(BookLevel::price).map(BigDecimal::toPlainString)
                .containsExactly("100010.0", "100020.0", "100030.0");
        assertThat(book.asks().get(0).size().toPlainString()).isEqualTo("0.5000");
    }

    @Test
    void iocWalksTheBookFillsPartiallyAndCancelsTheRest() {
        OrderResult r = lighter.submit(1, OrderRequest.limit("BTC", Side.BUY, new BigDecimal("0.7"),
                new BigDecimal("100010.0"), TimeInForce.IOC));
        assertThat(r.accepted()).isTrue();
        assertThat(r.fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualByComparingTo("100010.0");
            assertThat(f.size()).isEqualByComparingTo("0.5");
            assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER);
            assertThat(f.fee()).isEqualByComparingTo("25.002500"); // 0.5 × 100 010 × 0.0005
        });
        assertThat(r.order().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(r.order().cancelReason()).isEqualTo(CancelReason.IMMEDIATE_REMAINDER);
        assertThat(r.order().filledSize()).isEqualByComparingTo("0.5");
        assertThat(lighter.openOrders(1, null)).isEmpty();
        // the taken level stays taken until the next step requotes
        assertThat(lighter.book("BTC", 1).bestAsk()).isEqualByComparingTo("100020.0");
        clock.advance(Duration.ofSeconds(1));
        assertThat(lighter.book("BTC", 1).bestAsk()).isEqualByComparingTo("100010.0");
    }

    @Test
    void marketOrderWalksSeveralLevelsAtTheirPrices() {
        OrderResult r = lighter.submit(1, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.8")));
        assertThat(r.fills()).extracting(Fill::price).map(BigDecimal::toPlainString)
                .containsExactly("100010.0", "100020.0");
        assertThat(r.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(r.order().avgFillPrice()).isEqualByComparingTo("100013.75"); // (0.5×100010 + 0.3×100020) / 0.8
    }

    @Test
    void postOnlyThatWouldCrossIsRejectedAndOneThatDoesNotRests() {
        OrderResult crossing = lighter.submit(1, OrderRequest.limit("BTC", Side.BUY, new BigDecimal("0.1"),
                new BigDecimal("100010.0"), TimeInForce.POST_ONLY));
        assertThat(crossing.accepted()).isFalse();
        assertThat(crossing.rejectReason()).isEqualTo(RejectReason.POST_ONLY_WOULD_CROSS);

        OrderResult resting = lighter.submit(1, OrderRequest.limit("BTC", Side.BUY, new BigDecimal("0.1"),
                new BigDecimal("100000.0"), TimeInForce.POST_ONLY).withClientOrderId("77"));
        assertThat(resting.accepted()).isTrue();
        assertThat(resting.fills()).isEmpty();
        assertThat(resting.order().status()).isEqualTo(OrderStatus.OPEN);
        assertThat(lighter.openOrders(1, "BTC")).extracting(Order::clientOrderId).containsExactly("77");
    }

    @Test
    void restingOrderFillsAsMakerWhenTheMidMovesThroughIt() {
        lighter.submit(1, OrderRequest.limit("BTC", Side.BUY, new BigDecimal("0.1"), new BigDecimal("100000.0"),
                TimeInForce.GTT));
        engine.setMid("BTC", new BigDecimal("99980"));
        assertThat(lighter.openOrders(1, null)).isEmpty();
        assertThat(lighter.fills(1, "BTC", 10)).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualByComparingTo("100000.0");
            assertThat(f.liquidity()).isEqualTo(Liquidity.MAKER);
            assertThat(f.fee()).isEqualByComparingTo("1.000000"); // 0.1 × 100 000 × 0.0001
        });
    }

    @Test
    void reduceOnlyNeverIncreasesOrFlipsAPosition() {
        assertThat(lighter.submit(1, OrderRequest.market("BTC", Side.SELL, new BigDecimal("0.1")).withReduceOnly(true))
                .rejectReason()).as("flat").isEqualTo(RejectReason.REDUCE_ONLY_WOULD_INCREASE);
        lighter.submit(1, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.1")));
        assertThat(lighter.submit(1, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.1")).withReduceOnly(true))
                .rejectReason()).as("same direction").isEqualTo(RejectReason.REDUCE_ONLY_WOULD_INCREASE);

        OrderResult close = lighter.submit(1,
                OrderRequest.market("BTC", Side.SELL, new BigDecimal("0.3")).withReduceOnly(true));
        assertThat(close.accepted()).isTrue();
        assertThat(close.order().filledSize()).isEqualByComparingTo("0.1");
        assertThat(lighter.account(1).positions()).singleElement()
                .satisfies(p -> assertThat(p.size()).isEqualByComparingTo("0"));
    }

    @Test
    void restingReduceOnlyIsCanceledWhenThePositionIsGone() {
        lighter.submit(1, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.1")));
        lighter.submit(1, OrderRequest.limit("BTC", Side.SELL, new BigDecimal("0.1"), new BigDecimal("101000.0"),
                TimeInForce.GTT).withReduceOnly(true).withClientOrderId("tp"));
        lighter.submit(1, OrderRequest.market("BTC", Side.SELL, new BigDecimal("0.1")));
        engine.setMid("BTC", new BigDecimal("102000"));
        Order tp = lighter.orderByClientId(1, "tp").orElseThrow();
        assertThat(tp.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(tp.cancelReason()).isEqualTo(CancelReason.REDUCE_ONLY);
        assertThat(lighter.account(1).positions().get(0).size()).isEqualByComparingTo("0");
    }

    @Test
    void feesAndRealisedPnlGoToCollateral() {
        lighter.submit(1, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.1")));   // at 100 010.0
        engine.setMid("BTC", new BigDecimal("101000"));
        OrderResult sell = lighter.submit(1, OrderRequest.market("BTC", Side.SELL, new BigDecimal("0.1"))); // 100 989.9
        assertThat(sell.fills().get(0).price()).isEqualByComparingTo("100989.9");
        assertThat(sell.fills().get(0).realizedPnl()).isEqualByComparingTo("97.990000");
        // 10 000 + 97.99 − 5.0005 − 5.049495
        assertThat(lighter.account(1).collateral()).isEqualByComparingTo("10087.940005");
        Position p = lighter.account(1).positions().get(0);
        assertThat(p.realizedPnl()).isEqualByComparingTo("97.99");
        assertThat(p.feesPaid()).isEqualByComparingTo("10.049995");
    }

    @Test
    void fillOrKillIsAllOrNothing() {
        OrderResult r = lighter.submit(1, new OrderRequest("BTC", Side.BUY, OrderType.LIMIT, TimeInForce.FOK,
                new BigDecimal("0.6"), new BigDecimal("100010.0"), false, null, null, null));
        assertThat(r.rejectReason()).isEqualTo(RejectReason.NOT_ENOUGH_LIQUIDITY);
        assertThat(lighter.fills(1, null, 10)).isEmpty();
    }

    @Test
    void partialFillFaultCapsTheImmediateFill() {
        OrderResult r = lighter.submit(1, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.5"))
                .withMaxFillFraction(new BigDecimal("0.4")));
        assertThat(r.order().filledSize()).isEqualByComparingTo("0.2");
        assertThat(r.order().status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void sizesAndPricesMustFitTheVenueIncrements() {
        assertThat(lighter.submit(1, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.00015"))).rejectReason())
                .isEqualTo(RejectReason.INVALID_SIZE);
        assertThat(lighter.submit(1, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.0005"))).rejectReason())
                .isEqualTo(RejectReason.SIZE_OUT_OF_RANGE);
        assertThat(lighter.submit(1, OrderRequest.limit("BTC", Side.BUY, new BigDecimal("0.1"),
                new BigDecimal("100000.05"), TimeInForce.GTT)).rejectReason()).isEqualTo(RejectReason.INVALID_PRICE);
        assertThat(lighter.submit(1, OrderRequest.market("ETH", Side.BUY, BigDecimal.ONE)).rejectReason())
                .isEqualTo(RejectReason.UNKNOWN_MARKET);
        assertThat(lighter.submit(99, OrderRequest.market("BTC", Side.BUY, BigDecimal.ONE)).rejectReason())
                .isEqualTo(RejectReason.UNKNOWN_ACCOUNT);
    }

    @Test
    void clientOrderIdsOfOpenOrdersAreUniqueAndCancellable() {
        OrderRequest rest = OrderRequest.limit("BTC", Side.BUY, new BigDecimal("0.1"), new BigDecimal("99000.0"),
                TimeInForce.GTT).withClientOrderId("c1");
        assertThat(lighter.submit(1, rest).accepted()).isTrue();
        assertThat(lighter.submit(1, rest).rejectReason()).isEqualTo(RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        CancelResult c = lighter.cancelByClientId(1, "c1");
        assertThat(c.canceled()).isTrue();
        assertThat(c.order().cancelReason()).isEqualTo(CancelReason.USER);
        assertThat(lighter.cancelByClientId(1, "c1").failure()).isEqualTo(RejectReason.ORDER_NOT_FOUND);
        // Lighter: a client order index is never reusable, whatever the order's state (21728)
        assertThat(lighter.submit(1, rest).rejectReason()).as("canceled, still taken")
                .isEqualTo(RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        assertThat(lighter.submit(1, rest.withClientOrderId("c2")).accepted()).isTrue();
        assertThat(lighter.cancelAll(1, null)).hasSize(1);
        assertThat(lighter.openOrders(1, null)).isEmpty();
    }

    @Test
    void aFilledLighterClientOrderIndexIsRefusedAgain() {
        OrderRequest ioc = OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.1")).withClientOrderId("77");
        OrderResult first = lighter.submit(1, ioc);
        assertThat(first.accepted()).isTrue();
        assertThat(first.order().status()).isEqualTo(OrderStatus.FILLED);
        OrderResult again = lighter.submit(1, ioc);
        assertThat(again.accepted()).isFalse();
        assertThat(again.rejectReason()).isEqualTo(RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        assertThat(lighter.fills(1, "BTC", 10)).hasSize(first.fills().size()); // no second fill
    }

    @Test
    void gttOrdersExpire() {
        OrderResult r = lighter.submit(1, OrderRequest.limit("BTC", Side.BUY, new BigDecimal("0.1"),
                new BigDecimal("99000.0"), TimeInForce.GTT).withExpiry(START.plusSeconds(30)));
        clock.advance(Duration.ofSeconds(31));
        Order o = lighter.order(1, r.order().orderId()).orElseThrow();
        assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(o.cancelReason()).isEqualTo(CancelReason.EXPIRED);
    }

    @Test
    void orderIdsAreAboveTheLighterClientIndexRange() {
        OrderResult r = lighter.submit(1, OrderRequest.market("BTC", Side.BUY, new BigDecimal("0.01")));
        assertThat(r.order().orderId()).isGreaterThanOrEqualTo(1L << 48);
    }
}
