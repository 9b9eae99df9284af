package io.perpcarry.venue.lighter;

import static io.perpcarry.venue.lighter.LighterConnectorTest.KEY_HEX;
import static io.perpcarry.venue.lighter.LighterConnectorTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.perpcarry.config.LighterCredentials;
import io.perpcarry.config.Secret;
import io.perpcarry.config.VenueEndpoints;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.FundingPayment;
import io.perpcarry.venue.OpenOrder;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.OrderType;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector against the project's Lighter emulator (signature checks, nonces, matching, faults). */
class LighterConnectorEmulatorTest {
    LighterEmulatorHarness emu;
    DefaultCamelContext camel;
    LighterConnector lighter;

    @BeforeEach
    void setUp() {
        emu = new LighterEmulatorHarness(KEY_HEX);
        camel = new DefaultCamelContext();
        camel.start();
        lighter = connector();
    }

    LighterConnector connector() {
        return new LighterConnector(camel, new VenueEndpoints<>(emu.baseUrl(), emu.wsUrl(), Optional.of(
                new LighterCredentials(Secret.of(KEY_HEX), LighterEmulatorHarness.ACCOUNT, LighterEmulatorHarness.API_KEY))),
                304, emu.clock, LighterConnectorTest.FAST);
    }

    @AfterEach
    void tearDown() {
        lighter.close();
        camel.stop();
        emu.close();
    }

    static OrderRequest order(String symbol, OrderSide side, String size, String price, OrderType type, long id) {
        return new OrderRequest(symbol, side, new BigDecimal(size), new BigDecimal(price), type, false, id);
    }

    @Test
    void marketsAndFundingAgreeWithTheScenarioUnits() {
        MarketSpec btc = lighter.markets().get("BTC");
        assertThat(btc.sizeStep()).isEqualByComparingTo("0.00001");
        assertThat(btc.priceTick()).isEqualByComparingTo("0.1");
        assertThat(btc.takerFeeRate()).isEqualByComparingTo("0.0005"); // scenario fraction, wire percent
        assertThat(btc.makerFeeRate()).isEqualByComparingTo("0.0001");
        assertThat(lighter.markets()).hasSize(15);
        FundingQuote q = lighter.fundingQuotes().get("BTC");
        assertThat(q.rate()).isEqualByComparingTo("0.0008");
        assertThat(q.interval()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void scanOfFifteenSymbolsIsAtMostFourRequests() throws Exception {
        lighter.startStreams(LighterEmulatorHarness.SYMBOLS);
        await("books fresh", () -> LighterEmulatorHarness.SYMBOLS.stream().allMatch(lighter::marketDataFresh));
        emu.clearRequests();

        Map<String, MarketSnapshot> scan = lighter.snapshots(LighterEmulatorHarness.SYMBOLS);

        assertThat(scan).hasSize(15);
        List<String> requests = emu.restRequests();
        assertThat(requests).hasSizeLessThanOrEqualTo(4);
        assertThat(requests).containsExactlyInAnyOrder("GET /api/v1/orderBookDetails", "GET /api/v1/funding-rates");
        OrderBook btc = scan.get("BTC").book();
        assertThat(btc.bestBid()).isLessThan(btc.bestAsk());
        assertThat(scan.get("BTC").volume24hUsd()).isPositive();
    }

    @Test
    void markPriceIsTheStreamedMarketStatsMark() throws Exception {
        assertThat(lighter.markPrice("ETH")).as("no stream yet: no mark (the paper account then uses the mid)").isEmpty();
        lighter.startStreams(List.of("ETH"));
        await("ETH mark streamed", () -> lighter.markPrice("ETH").isPresent());
        assertThat(lighter.markPrice("ETH").orElseThrow()).isPositive();
        assertThat(lighter.markPrice("ETH").orElseThrow()).isNotEqualByComparingTo(lighter.markPrice("BTC").orElseThrow());
        assertThat(lighter.markPrice("NOPE")).isEmpty();
    }

    @Test
    void streamBookMatchesTheRestBook() throws Exception {
        OrderBook rest = lighter.orderBook("ETH", 5);
        lighter.startStreams(List.of("ETH"));
        await("ETH fresh", () -> lighter.marketDataFresh("ETH"));
        OrderBook local = lighter.orderBook("ETH", 5);
        assertThat(local.bestBid()).isEqualByComparingTo(rest.bestBid());
        assertThat(local.bestAsk()).isEqualByComparingTo(rest.bestAsk());
        assertThat(local.bids()).hasSameSizeAs(rest.bids());
    }

    @Test
    void iocBuyFillsAndTheAccountShowsTheLong() throws Exception {
        OrderBook book = lighter.orderBook("BTC", 1);
        lighter.placeOrder(order("BTC", OrderSide.BUY, "0.01", book.bestAsk().add(new BigDecimal("50")).toPlainString(),
                OrderType.LIMIT_IOC, 11));
        AccountState account = lighter.account();
        assertThat(account.position("BTC").orElseThrow().signedSize()).isEqualByComparingTo("0.01");
        assertThat(account.position("BTC").orElseThrow().entryPrice()).isPositive();
    }

    @Test
    void partialFillIsReportedInTheAccount() throws Exception {
        emu.fault("{\"venue\":\"LIGHTER\",\"kind\":\"PARTIAL_FILL\",\"fraction\":\"0.4\",\"match\":{\"path\":\"/api/v1/sendTx\"}}");
        OrderBook book = lighter.orderBook("BTC", 1);
        lighter.placeOrder(order("BTC", OrderSide.SELL, "0.01", book.bestBid().subtract(new BigDecimal("50")).toPlainString(),
                OrderType.LIMIT_IOC, 12));
        assertThat(lighter.account().position("BTC").orElseThrow().signedSize()).isEqualByComparingTo("-0.004");
    }

    @Test
    void restingOrderIsListedThenCancelledByClientIndex() throws Exception {
        OrderBook book = lighter.orderBook("BTC", 1);
        String farBid = book.bestBid().subtract(new BigDecimal("5000")).toPlainString();
        lighter.placeOrder(order("BTC", OrderSide.BUY, "0.01", farBid, OrderType.LIMIT_GTT, 21));
        lighter.placeOrder(order("BTC", OrderSide.BUY, "0.02", farBid, OrderType.LIMIT_POST_ONLY, 22));
        emu.clearRequests();
        List<OpenOrder> open = lighter.openOrders();
        assertThat(open).extracting(OpenOrder::clientOrderId).containsExactlyInAnyOrder(21L, 22L);
        assertThat(open).allMatch(o -> o.side() == OrderSide.BUY && o.symbol().equals("BTC"));
        assertThat(emu.restRequests()).containsExactly("GET /api/v1/account", "GET /api/v1/accountActiveOrders");

        lighter.cancelOrder("BTC", "21");
        assertThat(lighter.openOrders()).extracting(OpenOrder::clientOrderId).containsExactly(22L);
        lighter.cancelAllOrders();
        assertThat(lighter.openOrders()).isEmpty();
    }

    @Test
    void leverageIsAccepted() {
        lighter.setLeverage("BTC", 5);
        VenueException tooHigh = catchThrowableOfType(() -> lighter.setLeverage("BTC", 21), VenueException.class);
        assertThat(tooHigh.kind()).isEqualTo(VenueErrorKind.INVALID_REQUEST);
    }

    @Test
    void invalidNonceIsRecoveredByRefetchingAndResendingOnce() throws Exception {
        OrderBook book = lighter.orderBook("BTC", 1);
        String farBid = book.bestBid().subtract(new BigDecimal("5000")).toPlainString();
        lighter.placeOrder(order("BTC", OrderSide.BUY, "0.01", farBid, OrderType.LIMIT_GTT, 31));
        try (LighterConnector other = connector()) { // the same key used elsewhere moves the venue's nonce
            other.placeOrder(order("BTC", OrderSide.BUY, "0.01", farBid, OrderType.LIMIT_GTT, 32));
        }
        emu.clearRequests();
        lighter.placeOrder(order("BTC", OrderSide.BUY, "0.01", farBid, OrderType.LIMIT_GTT, 33));
        assertThat(emu.restRequests()).containsExactly("POST /api/v1/sendTx", "GET /api/v1/nextNonce",
                "POST /api/v1/sendTx");
        assertThat(lighter.openOrders()).extracting(OpenOrder::clientOrderId).containsExactlyInAnyOrder(31L, 32L, 33L);
    }

    @Test
    void venueRejectionKeepsItsCodeAndMessage() throws Exception {
        emu.fault("{\"venue\":\"LIGHTER\",\"kind\":\"REJECT\",\"errorCode\":\"21739\",\"message\":\"not enough margin to create the order\","
                + "\"match\":{\"path\":\"/api/v1/sendTx\"}}");
        VenueException e = catchThrowableOfType(() -> lighter.placeOrder(order("BTC", OrderSide.BUY, "0.01", "100100.0",
                OrderType.LIMIT_IOC, 41)), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.REJECTED);
        assertThat(e.venueCode()).contains("21739");
        assertThat(e.getMessage()).contains("not enough margin");
        lighter.placeOrder(order("BTC", OrderSide.BUY, "0.01", "100100.0", OrderType.LIMIT_IOC, 42)); // nonce given back
        assertThat(emu.count("/api/v1/nextNonce")).isEqualTo(1);
    }

    @Test
    void readFaultsAreRetriedOrTyped() throws Exception {
        emu.fault("{\"venue\":\"LIGHTER\",\"kind\":\"HTTP_429\",\"match\":{\"path\":\"/api/v1/funding-rates\"}}");
        assertThat(lighter.fundingQuotes()).containsKey("BTC");
        emu.fault("{\"venue\":\"LIGHTER\",\"kind\":\"HTTP_5XX\",\"httpStatus\":503,\"match\":{\"path\":\"/api/v1/funding-rates\"}}");
        assertThat(lighter.fundingQuotes()).containsKey("BTC");
        assertThat(emu.count("/api/v1/funding-rates")).isEqualTo(4);

        emu.fault("{\"venue\":\"LIGHTER\",\"kind\":\"MALFORMED_BODY\",\"match\":{\"path\":\"/api/v1/account\"}}");
        VenueException malformed = catchThrowableOfType(() -> lighter.account(), VenueException.class);
        assertThat(malformed.kind()).isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);

        emu.fault("{\"venue\":\"LIGHTER\",\"kind\":\"DELAY_MS\",\"delayMs\":1500,\"count\":3,\"match\":{\"path\":\"/api/v1/orderBookOrders\"}}");
        VenueException slow = catchThrowableOfType(() -> lighter.orderBook("BTC", 5), VenueException.class);
        assertThat(slow.kind()).isEqualTo(VenueErrorKind.TIMEOUT);
    }

    @Test
    void sendTxWithoutAnswerIsUnknownOutcomeAndNeverResent() throws Exception {
        lighter.markets();
        emu.fault("{\"venue\":\"LIGHTER\",\"kind\":\"NO_ANSWER\",\"match\":{\"path\":\"/api/v1/sendTx\"}}");
        VenueException e = catchThrowableOfType(() -> lighter.placeOrder(order("BTC", OrderSide.BUY, "0.01", "100100.0",
                OrderType.LIMIT_IOC, 51)), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.UNKNOWN_OUTCOME);
        assertThat(emu.count("/api/v1/sendTx")).isEqualTo(1);
    }

    @Test
    void droppedSocketReconnectsAndResyncs() throws Exception {
        lighter.startStreams(List.of("BTC", "ETH"));
        await("fresh", () -> lighter.marketDataFresh("BTC") && lighter.marketDataFresh("ETH"));
        emu.fault("{\"venue\":\"LIGHTER\",\"kind\":\"DROP_WEBSOCKET\"}");
        await("reconnected", () -> lighter.streams().connectionCount() >= 2);
        await("resynced", () -> lighter.marketDataFresh("BTC") && lighter.marketDataFresh("ETH"));
        assertThat(lighter.orderBook("BTC", 3).bestBid()).isPositive();
    }

    @Test
    void aBookNotUpdatedForItsMaximumAgeIsStaleUntilResynced() throws Exception {
        lighter.startStreams(List.of("BTC"));
        await("fresh", () -> lighter.marketDataFresh("BTC"));
        emu.clock.advance(Duration.ofSeconds(61));
        assertThat(lighter.marketDataFresh("BTC")).isFalse();
        await("resynced", () -> lighter.marketDataFresh("BTC"));
    }

    @Test
    void hourlyFundingOfALongIsPaidAtAPositiveRate() throws Exception {
        OrderBook book = lighter.orderBook("BTC", 1);
        lighter.placeOrder(order("BTC", OrderSide.BUY, "0.1", book.bestAsk().add(new BigDecimal("50")).toPlainString(),
                OrderType.LIMIT_IOC, 61));
        var since = emu.clock.instant();
        emu.clock.advance(Duration.ofMinutes(61));
        emu.engine.sync();
        List<FundingPayment> payments = lighter.fundingPayments(since);
        assertThat(payments).isNotEmpty();
        FundingPayment p = payments.get(0);
        assertThat(p.symbol()).isEqualTo("BTC");
        assertThat(p.positionSize()).isEqualByComparingTo("0.1");
        assertThat(p.amount()).isNegative(); // 0.0008 per 8 h > 0: longs pay
        assertThat(p.rate()).isEqualByComparingTo("0.0001"); // 0.0008 / 8 per hour
    }

    @Test
    void fundingPaymentsBeyondOnePageComeInFullThroughTheVenuesCursor() throws Exception {
        OrderBook book = lighter.orderBook("BTC", 1);
        lighter.placeOrder(order("BTC", OrderSide.BUY, "0.1", book.bestAsk().add(new BigDecimal("50")).toPlainString(),
                OrderType.LIMIT_IOC, 62));
        var since = emu.clock.instant();
        emu.clock.advance(Duration.ofHours(130).plusMinutes(1)); // 130 hourly settlements: two pages of 100
        emu.engine.sync();
        List<FundingPayment> payments = lighter.fundingPayments(since);
        assertThat(payments).hasSize(130);
        assertThat(payments.stream().map(FundingPayment::settledAt).distinct()).hasSize(130);
        assertThat(lighter.fundingPayments(since.plus(Duration.ofHours(120)))).as("start_timestamp honoured").hasSize(10);
    }
}
