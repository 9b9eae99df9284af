package io.perpcarry.venue.lighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.config.LighterCredentials;
import io.perpcarry.config.Secret;
import io.perpcarry.config.VenueEndpoints;
import io.perpcarry.crypto.lighter.LighterPrivateKey;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.FundingPayment;
import io.perpcarry.venue.MarketDataListener;
import io.perpcarry.venue.OpenOrder;
import io.perpcarry.venue.OrderAck;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.OrderType;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import io.perpcarry.venue.http.RetryPolicy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector against a Lighter stand-in over real loopback HTTP and WebSocket. */
class LighterConnectorTest {
    static final String KEY_HEX = "2a50e06cb39ce07e44220819ebe5aeb94333974664eafaef0f5d31d9aad0e049eb89e8288f1a0521";
    static final long ACCOUNT = 4242;
    static final int API_KEY = 3;
    static final LighterSettings FAST = new LighterSettings(Duration.ofSeconds(1), Duration.ofMillis(700),
            new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(100)), Duration.ofMinutes(10),
            Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMillis(50),
            Duration.ofMillis(400), Duration.ofSeconds(2), 2);

    FakeLighterVenue venue;
    DefaultCamelContext camel;
    LighterConnector lighter;

    @BeforeEach
    void setUp() throws Exception {
        venue = new FakeLighterVenue(ACCOUNT, LighterPrivateKey.fromHex(KEY_HEX).publicKey());
        venue.addMarket(1, "BTC", 5, 1, "100000.0", "100010.0");
        venue.addMarket(0, "ETH", 4, 2, "3000.00", "3000.50");
        camel = new DefaultCamelContext();
        camel.start();
        lighter = connector(true);
    }

    @AfterEach
    void tearDown() throws Exception {
        lighter.close();
        camel.stop();
        venue.close();
    }

    LighterConnector connector(boolean withCredentials) {
        Optional<LighterCredentials> creds = withCredentials
                ? Optional.of(new LighterCredentials(Secret.of(KEY_HEX), ACCOUNT, API_KEY)) : Optional.empty();
        return new LighterConnector(camel, new VenueEndpoints<>(venue.baseUrl(), venue.wsUrl(), creds), 304,
                Clock.systemUTC(), FAST);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    JsonNode lastTx() {
        return venue.acceptedTxs.get(venue.acceptedTxs.size() - 1);
    }

    // ---- market data -----------------------------------------------------------------------------------

    @Test
    void marketsConvertDecimalsAndPercentFeesAndAreCached() {
        Map<String, MarketSpec> markets = lighter.markets();
        MarketSpec btc = markets.get("BTC");
        assertThat(btc.venueMarketId()).isEqualTo("1");
        assertThat(btc.priceTick()).isEqualByComparingTo("0.1");
        assertThat(btc.sizeStep()).isEqualByComparingTo("0.00001");
        assertThat(btc.minBaseSize()).isEqualByComparingTo("0.001");
        assertThat(btc.minQuoteNotional()).isEqualByComparingTo("10");
        assertThat(btc.takerFeeRate()).isEqualByComparingTo("0.00028"); // "0.0280" percent
        assertThat(btc.makerFeeRate()).isEqualByComparingTo("0.00004");
        assertThat(btc.fundingInterval()).isEqualTo(Duration.ofHours(1));
        lighter.markets();
        assertThat(venue.count("/api/v1/orderBookDetails")).isEqualTo(1);
    }

    @Test
    void fundingQuotesAreLighterRowsPerEightHours() {
        Map<String, FundingQuote> quotes = lighter.fundingQuotes();
        assertThat(quotes).containsOnlyKeys("BTC", "ETH");
        FundingQuote btc = quotes.get("BTC");
        assertThat(btc.rate()).isEqualByComparingTo("0.000096"); // not binance's 0.0001
        assertThat(btc.interval()).isEqualTo(Duration.ofHours(8));
        assertThat(btc.hourlyRate()).isEqualByComparingTo("0.000012");
    }

    @Test
    void scanOfFifteenSymbolsCostsAtMostFourRequestsWithStreams() throws Exception {
        List<String> symbols = new ArrayList<>();
        for (int i = 2; i < 15; i++) {
            venue.addMarket(i, "S" + i, 2, 3, "10.000", "10.010");
            symbols.add("S" + i);
        }
        symbols.add("BTC");
        symbols.add("ETH");
        lighter.startStreams(symbols);
        await("all books fresh", () -> symbols.stream().allMatch(lighter::marketDataFresh));
        venue.requests.clear();

        Map<String, MarketSnapshot> scan = lighter.snapshots(symbols);

        assertThat(scan).hasSize(15);
        assertThat(venue.requests).hasSizeLessThanOrEqualTo(4);
        assertThat(venue.requests).hasSize(2);
        MarketSnapshot btc = scan.get("BTC");
        assertThat(btc.book().bestBid()).isEqualByComparingTo("100000.0");
        assertThat(btc.book().bestAsk()).isEqualByComparingTo("100010.0");
        assertThat(btc.volume24hUsd()).isEqualByComparingTo("1234567.89");
        assertThat(btc.funding().rate()).isEqualByComparingTo("0.000096");
    }

    @Test
    void scanWithoutStreamReadsAtMostTwoBooksOverRestAndLeavesTheRestOut() {
        List<String> symbols = new ArrayList<>();
        for (int i = 2; i < 15; i++) {
            venue.addMarket(i, "S" + i, 2, 3, "10.000", "10.010");
            symbols.add("S" + i);
        }
        symbols.add("BTC");
        symbols.add("ETH");

        Map<String, MarketSnapshot> scan = lighter.snapshots(symbols);

        assertThat(venue.requests).hasSize(4);
        assertThat(scan).hasSize(2);
    }

    @Test
    void scanLeavesOutUnlistedSymbols() {
        assertThat(lighter.snapshots(List.of("BTC", "DOGE"))).containsOnlyKeys("BTC");
    }

    @Test
    void orderBookFromRestAggregatesOrdersWhenNoStream() {
        venue.asks.get(1).add(new String[] {"100010.0", "0.5000"});
        venue.asks.get(1).add(new String[] {"100020.0", "1.0000"});
        OrderBook book = lighter.orderBook("BTC", 1);
        assertThat(book.asks()).hasSize(1);
        assertThat(book.asks().get(0).size()).isEqualByComparingTo("2.5");
        assertThat(venue.count("/api/v1/orderBookOrders")).isEqualTo(1);
    }

    @Test
    void orderBookFromStreamCostsNoRequestAndFollowsUpdates() throws Exception {
        List<String> changed = new CopyOnWriteArrayList<>();
        lighter.addListener(new MarketDataListener() {
            @Override
            public void onBookChanged(Venue v, String symbol) {
                changed.add(symbol);
            }
        });
        lighter.startStreams(List.of("BTC"));
        await("BTC fresh", () -> lighter.marketDataFresh("BTC"));
        venue.pushBookUpdate(1, List.<String[]>of(new String[] {"100005.0", "0.7000"}, new String[] {"100000.0", "0"}),
                List.of(), false);
        await("update applied", () -> lighter.orderBook("BTC", 5).bestBid().compareTo(new BigDecimal("100005.0")) == 0);
        OrderBook book = lighter.orderBook("BTC", 5);
        assertThat(book.bids()).hasSize(1); // 100000.0 deleted by its size-0 level
        assertThat(venue.count("/api/v1/orderBookOrders")).isZero();
        assertThat(changed).contains("BTC");
    }

    @Test
    void bookGapResubscribesAndResyncs() throws Exception {
        lighter.startStreams(List.of("BTC"));
        await("BTC fresh", () -> lighter.marketDataFresh("BTC"));
        venue.answerSubscriptions = false;
        venue.pushBookUpdate(1, List.<String[]>of(new String[] {"100001.0", "1.0000"}), List.of(), true);
        await("gap seen", () -> !lighter.marketDataFresh("BTC"));
        await("resubscription", () -> venue.wsReceived.stream()
                .anyMatch(m -> m.contains("\"unsubscribe\"") && m.contains("order_book/1")));
        venue.answerSubscriptions = true;
        // the resubscription timed out unanswered, so it is sent again; this time the snapshot comes
        await("resynced", () -> lighter.marketDataFresh("BTC"));
        assertThat(lighter.orderBook("BTC", 5).bestBid()).isEqualByComparingTo("100001.0");
    }

    @Test
    void droppedStreamGoesStaleThenReconnectsResubscribesAndResyncs() throws Exception {
        List<String> stale = new CopyOnWriteArrayList<>();
        lighter.addListener(new MarketDataListener() {
            @Override
            public void onMarketDataStale(Venue v, String symbol) {
                stale.add(symbol);
            }
        });
        lighter.startStreams(List.of("BTC", "ETH"));
        await("fresh", () -> lighter.marketDataFresh("BTC") && lighter.marketDataFresh("ETH"));
        venue.answerSubscriptions = false;
        venue.dropSockets();
        await("stale", () -> !lighter.marketDataFresh("BTC") && !lighter.marketDataFresh("ETH"));
        // listeners are told on the stream thread, just after the books are marked stale
        await("listeners told", () -> stale.containsAll(List.of("BTC", "ETH")));
        await("reconnected", () -> lighter.streams().connectionCount() == 2);
        assertThat(lighter.marketDataFresh("BTC")).isFalse(); // connected is not enough: no snapshot yet
        venue.answerSubscriptions = true;
        await("resynced", () -> lighter.marketDataFresh("BTC") && lighter.marketDataFresh("ETH"));
        long subscribes = venue.wsReceived.stream().filter(m -> m.contains("\"subscribe\"") && m.contains("order_book/1")).count();
        assertThat(subscribes).isGreaterThanOrEqualTo(2);
    }

    @Test
    void accountChannelsAreSubscribedAndAccountChangesReachListeners() throws Exception {
        List<Venue> changes = new CopyOnWriteArrayList<>();
        lighter.addListener(new MarketDataListener() {
            @Override
            public void onAccountChanged(Venue v) {
                changes.add(v);
            }
        });
        lighter.startStreams(List.of("BTC"));
        await("subscribed", () -> venue.wsReceived.stream().anyMatch(m -> m.contains("account_all/" + ACCOUNT)));
        assertThat(venue.wsReceived).anyMatch(m -> m.contains("user_stats/" + ACCOUNT));
        assertThat(venue.wsReceived).anyMatch(m -> m.contains("market_stats/all"));
        venue.pushAccountUpdate();
        await("account change", () -> changes.size() >= 2);
    }

    // ---- faults on reads -------------------------------------------------------------------------------

    @Test
    void rateLimitedReadWaitsAndRetries() {
        venue.fault("/api/v1/funding-rates", FakeLighterVenue.Fault.rateLimited("0"));
        assertThat(lighter.fundingQuotes()).containsKey("BTC");
        assertThat(venue.count("/api/v1/funding-rates")).isEqualTo(2);
    }

    @Test
    void serverErrorReadIsRetried() {
        venue.fault("/api/v1/funding-rates", FakeLighterVenue.Fault.status(502, "bad gateway"));
        venue.fault("/api/v1/funding-rates", FakeLighterVenue.Fault.status(503, "busy"));
        assertThat(lighter.fundingQuotes()).containsKey("BTC");
        assertThat(venue.count("/api/v1/funding-rates")).isEqualTo(3);
    }

    @Test
    void readThatNeverAnswersInTimeFailsAsTimeoutAfterRetries() {
        for (int i = 0; i < 3; i++) {
            venue.fault("/api/v1/funding-rates", FakeLighterVenue.Fault.delay(1500));
        }
        VenueException e = catchThrowableOfType(() -> lighter.fundingQuotes(), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.TIMEOUT);
        assertThat(venue.count("/api/v1/funding-rates")).isEqualTo(3);
    }

    @Test
    void malformedBodyIsMalformedResponseNotEmptyMarkets() {
        venue.fault("/api/v1/orderBookDetails", FakeLighterVenue.Fault.malformed());
        VenueException e = catchThrowableOfType(() -> lighter.markets(), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
    }

    // ---- account ---------------------------------------------------------------------------------------

    @Test
    void accountMapsSignedPositionsAndNullLiquidation() {
        venue.addPosition(1, "BTC", -1, "0.01000", "100000.0", "190000.0", 0);
        venue.addPosition(0, "ETH", 1, "2.0000", "3000.00", "0", 0);
        venue.addPosition(2, "SOL", 0, "0.00", "0", "0", 0); // touched but flat
        AccountState state = lighter.account();
        assertThat(state.equity()).isEqualByComparingTo("1001.25");
        assertThat(state.availableBalance()).isEqualByComparingTo("950");
        assertThat(state.positions()).hasSize(2);
        assertThat(state.position("BTC").orElseThrow().signedSize()).isEqualByComparingTo("-0.01");
        assertThat(state.position("BTC").orElseThrow().liquidationPrice()).isEqualByComparingTo("190000");
        assertThat(state.position("ETH").orElseThrow().signedSize()).isEqualByComparingTo("2");
        assertThat(state.position("ETH").orElseThrow().liquidationPrice()).isNull();
        assertThat(state.position("ETH").orElseThrow().unrealizedPnl()).isEqualByComparingTo("-1.25");
    }

    @Test
    void accountWithABrokenPositionIsMalformedNeverEmpty() {
        venue.addPosition(1, "BTC", -1, "0.01000", "100000.0", "0", 0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) venue.account.get("positions").get(0)).remove("position");
        VenueException e = catchThrowableOfType(() -> lighter.account(), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("position");
    }

    @Test
    void openOrdersAsksOnlyMarketsWithOrdersAndReportsPartialFills() {
        venue.addPosition(1, "BTC", 1, "0.10000", "100000.0", "0", 1);
        venue.addPosition(0, "ETH", 1, "1.0000", "3000.00", "0", 0);
        venue.addActiveOrder(1, (1L << 48) + 5, 77, true, "101000.0", "0.4000");
        venue.requests.clear();

        List<OpenOrder> orders = lighter.openOrders();

        assertThat(orders).hasSize(1);
        OpenOrder o = orders.get(0);
        assertThat(o.symbol()).isEqualTo("BTC");
        assertThat(o.side()).isEqualTo(OrderSide.SELL);
        assertThat(o.clientOrderId()).isEqualTo(77);
        assertThat(o.orderId()).isEqualTo(Long.toString((1L << 48) + 5));
        assertThat(o.remainingSize()).isEqualByComparingTo("0.4"); // of 1.0: partly filled
        assertThat(venue.count("/api/v1/account")).isEqualTo(1);
        assertThat(venue.count("/api/v1/accountActiveOrders")).isEqualTo(1);
        assertThat(venue.requests.stream().filter(r -> r.path().equals("/api/v1/accountActiveOrders")).findFirst()
                .orElseThrow().query()).containsEntry("market_id", "1");
    }

    @Test
    void openOrdersWithNoOrdersCostsOneRequest() {
        venue.addPosition(1, "BTC", 1, "0.10000", "100000.0", "0", 0);
        lighter.markets();
        venue.requests.clear();
        assertThat(lighter.openOrders()).isEmpty();
        assertThat(venue.requests).hasSize(1);
    }

    @Test
    void fundingPaymentsSinceAreSignedForTheAccount() {
        venue.positionFundings.addObject().put("timestamp", 1_800_000_000L).put("market_id", 1).put("funding_id", 1)
                .put("change", "-0.012").put("rate", "0.0012").put("position_size", "0.10000").put("position_side", "long")
                .put("discount", "0");
        venue.positionFundings.addObject().put("timestamp", 1_700_000_000L).put("market_id", 1).put("funding_id", 0)
                .put("change", "0.5").put("rate", "0.0012").put("position_size", "0.10000").put("position_side", "short")
                .put("discount", "0");
        List<FundingPayment> payments = lighter.fundingPayments(Instant.ofEpochSecond(1_750_000_000L));
        assertThat(payments).hasSize(1);
        FundingPayment p = payments.get(0);
        assertThat(p.symbol()).isEqualTo("BTC");
        assertThat(p.amount()).isEqualByComparingTo("-0.012");
        assertThat(p.positionSize()).isEqualByComparingTo("0.1");
        assertThat(p.settledAt()).isEqualTo(Instant.ofEpochSecond(1_800_000_000L));
        assertThat(venue.requests.stream().filter(r -> r.path().equals("/api/v1/positionFunding")).findFirst()
                .orElseThrow().authorization()).contains(":" + ACCOUNT + ":" + API_KEY + ":");
    }

    // ---- orders ----------------------------------------------------------------------------------------

    @Test
    void limitIocOrderIsSignedWithScaledIntegersAndNoExpiry() {
        OrderAck ack = lighter.placeOrder(new OrderRequest("BTC", OrderSide.SELL, new BigDecimal("0.01500"),
                new BigDecimal("99990.5"), OrderType.LIMIT_IOC, true, 12345));
        assertThat(ack.clientOrderId()).isEqualTo(12345);
        assertThat(ack.venueOrderId()).isEqualTo("12345");
        assertThat(ack.filledSize()).isEmpty();
        JsonNode tx = lastTx();
        assertThat(tx.get("tx_type").asInt()).isEqualTo(14);
        JsonNode info = tx.get("tx_info");
        assertThat(info.get("MarketIndex").asInt()).isEqualTo(1);
        assertThat(info.get("BaseAmount").asLong()).isEqualTo(1500);
        assertThat(info.get("Price").asLong()).isEqualTo(999905);
        assertThat(info.get("IsAsk").asInt()).isEqualTo(1);
        assertThat(info.get("Type").asInt()).isEqualTo(0);
        assertThat(info.get("TimeInForce").asInt()).isEqualTo(0);
        assertThat(info.get("OrderExpiry").asLong()).isZero();
        assertThat(info.get("ReduceOnly").asInt()).isEqualTo(1);
        assertThat(info.get("ClientOrderIndex").asLong()).isEqualTo(12345);
        assertThat(info.get("AccountIndex").asLong()).isEqualTo(ACCOUNT);
        assertThat(info.get("ApiKeyIndex").asInt()).isEqualTo(API_KEY);
        assertThat(info.get("Nonce").asLong()).isEqualTo(7);
    }

    @Test
    void gttPostOnlyAndMarketOrdersCarryTheirTimeInForceAndExpiry() {
        long before = System.currentTimeMillis();
        lighter.placeOrder(new OrderRequest("ETH", OrderSide.BUY, new BigDecimal("0.5"), new BigDecimal("2999.5"),
                OrderType.LIMIT_GTT, false, 1));
        long after = System.currentTimeMillis();
        JsonNode gtt = lastTx().get("tx_info");
        assertThat(gtt.get("TimeInForce").asInt()).isEqualTo(1);
        assertThat(gtt.get("OrderExpiry").asLong()).isBetween(before + Duration.ofDays(28).toMillis(),
                after + Duration.ofDays(28).toMillis());
        assertThat(gtt.get("IsAsk").asInt()).isZero();

        lighter.placeOrder(new OrderRequest("ETH", OrderSide.BUY, new BigDecimal("0.5"), new BigDecimal("2999.5"),
                OrderType.LIMIT_POST_ONLY, false, 2));
        assertThat(lastTx().get("tx_info").get("TimeInForce").asInt()).isEqualTo(2);
        assertThat(lastTx().get("tx_info").get("OrderExpiry").asLong()).isPositive();

        lighter.placeOrder(new OrderRequest("ETH", OrderSide.BUY, new BigDecimal("0.5"), new BigDecimal("3100"),
                OrderType.MARKET, false, 3));
        JsonNode market = lastTx().get("tx_info");
        assertThat(market.get("Type").asInt()).isEqualTo(1);
        assertThat(market.get("TimeInForce").asInt()).isZero();
        assertThat(market.get("OrderExpiry").asLong()).isZero();
        assertThat(market.get("Price").asLong()).isEqualTo(310000);
        // one nonce fetch, then counted locally
        assertThat(venue.count("/api/v1/nextNonce")).isEqualTo(1);
        assertThat(venue.acceptedTxs).extracting(t -> t.get("tx_info").get("Nonce").asLong()).containsExactly(7L, 8L, 9L);
    }

    @Test
    void offGridOrBelowMinimumOrdersAreRefusedBeforeSending() {
        VenueException offGrid = catchThrowableOfType(() -> lighter.placeOrder(new OrderRequest("BTC", OrderSide.BUY,
                new BigDecimal("0.010001"), new BigDecimal("100000.0"), OrderType.LIMIT_IOC, false, 1)), VenueException.class);
        assertThat(offGrid.kind()).isEqualTo(VenueErrorKind.INVALID_REQUEST);
        assertThat(offGrid.getMessage()).contains("grid");
        VenueException price = catchThrowableOfType(() -> lighter.placeOrder(new OrderRequest("BTC", OrderSide.BUY,
                new BigDecimal("0.01"), new BigDecimal("100000.05"), OrderType.LIMIT_IOC, false, 1)), VenueException.class);
        assertThat(price.kind()).isEqualTo(VenueErrorKind.INVALID_REQUEST);
        VenueException small = catchThrowableOfType(() -> lighter.placeOrder(new OrderRequest("BTC", OrderSide.BUY,
                new BigDecimal("0.0001"), new BigDecimal("100000.0"), OrderType.LIMIT_IOC, false, 1)), VenueException.class);
        assertThat(small.kind()).isEqualTo(VenueErrorKind.INVALID_REQUEST);
        VenueException unknown = catchThrowableOfType(() -> lighter.placeOrder(new OrderRequest("DOGE", OrderSide.BUY,
                new BigDecimal("1"), new BigDecimal("1"), OrderType.LIMIT_IOC, false, 1)), VenueException.class);
        assertThat(unknown.kind()).isEqualTo(VenueErrorKind.INVALID_REQUEST);
        assertThat(venue.count("/api/v1/sendTx")).isZero();
    }

    @Test
    void invalidNonceRefetchesAndResendsOnce() {
        lighter.placeOrder(btcIoc(1));
        venue.nextNonce = 50; // another client used the key meanwhile
        lighter.placeOrder(btcIoc(2));
        assertThat(venue.count("/api/v1/nextNonce")).isEqualTo(2);
        assertThat(venue.count("/api/v1/sendTx")).isEqualTo(3);
        assertThat(lastTx().get("tx_info").get("Nonce").asLong()).isEqualTo(50);
        assertThat(lastTx().get("tx_info").get("ClientOrderIndex").asLong()).isEqualTo(2);
    }

    @Test
    void rejectionKeepsTheVenueCodeAndGivesTheNonceBack() {
        venue.refuseNextTx(21739, "not enough margin to create the order");
        VenueException e = catchThrowableOfType(() -> lighter.placeOrder(btcIoc(1)), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.REJECTED);
        assertThat(e.venueCode()).contains("21739");
        assertThat(e.getMessage()).contains("not enough margin");
        lighter.placeOrder(btcIoc(2));
        assertThat(venue.count("/api/v1/nextNonce")).isEqualTo(1);
        assertThat(lastTx().get("tx_info").get("Nonce").asLong()).isEqualTo(7);
    }

    @Test
    void sendTxTimeoutIsUnknownOutcomeAndTheNonceIsAskedAgain() {
        lighter.markets();
        venue.fault("/api/v1/sendTx", FakeLighterVenue.Fault.delay(1500));
        VenueException e = catchThrowableOfType(() -> lighter.placeOrder(btcIoc(1)), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.UNKNOWN_OUTCOME);
        assertThat(venue.count("/api/v1/sendTx")).isEqualTo(1); // never re-sent blindly
        lighter.placeOrder(btcIoc(2));
        assertThat(venue.count("/api/v1/nextNonce")).isEqualTo(2);
    }

    @Test
    void sendTxWithoutAnswerIsUnknownOutcome() {
        venue.fault("/api/v1/sendTx", FakeLighterVenue.Fault.hangUp());
        VenueException e = catchThrowableOfType(() -> lighter.placeOrder(btcIoc(1)), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.UNKNOWN_OUTCOME);
        assertThat(venue.count("/api/v1/sendTx")).isEqualTo(1);
    }

    @Test
    void sendTxRateLimitedIsNotRetriedAndKeepsTheNonce() {
        venue.fault("/api/v1/sendTx", FakeLighterVenue.Fault.rateLimited("1"));
        VenueException e = catchThrowableOfType(() -> lighter.placeOrder(btcIoc(1)), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.RATE_LIMITED);
        lighter.placeOrder(btcIoc(2));
        assertThat(lastTx().get("tx_info").get("Nonce").asLong()).isEqualTo(7);
    }

    @Test
    void cancelCancelAllAndLeverageSendTheirTransactions() {
        lighter.cancelOrder("BTC", "12345");
        assertThat(lastTx().get("tx_type").asInt()).isEqualTo(15);
        assertThat(lastTx().get("tx_info").get("Index").asLong()).isEqualTo(12345);
        assertThat(lastTx().get("tx_info").get("MarketIndex").asInt()).isEqualTo(1);

        lighter.cancelAllOrders();
        assertThat(lastTx().get("tx_type").asInt()).isEqualTo(16);
        assertThat(lastTx().get("tx_info").get("TimeInForce").asInt()).isZero();
        assertThat(lastTx().get("tx_info").get("Time").asLong()).isZero();

        lighter.setLeverage("ETH", 3);
        assertThat(lastTx().get("tx_type").asInt()).isEqualTo(20);
        assertThat(lastTx().get("tx_info").get("InitialMarginFraction").asInt()).isEqualTo(3333);
        assertThat(lastTx().get("tx_info").get("MarginMode").asInt()).isZero();
        assertThat(lastTx().get("tx_info").get("MarketIndex").asInt()).isZero();

        VenueException tooHigh = catchThrowableOfType(() -> lighter.setLeverage("ETH", 51), VenueException.class);
        assertThat(tooHigh.kind()).isEqualTo(VenueErrorKind.INVALID_REQUEST);
        assertThat(tooHigh.getMessage()).contains("50x");
        assertThatThrownBy(() -> lighter.cancelOrder("BTC", "abc")).isInstanceOf(VenueException.class);
    }

    // ---- credentials -----------------------------------------------------------------------------------

    @Test
    void withoutCredentialsPublicReadsWorkAndPrivateOnesNameWhatIsMissing() {
        try (LighterConnector readOnly = connector(false)) {
            assertThat(readOnly.markets()).containsKey("BTC");
            assertThat(readOnly.fundingQuotes()).containsKey("BTC");
            for (Runnable call : List.<Runnable>of(readOnly::account, readOnly::openOrders, readOnly::cancelAllOrders,
                    () -> readOnly.placeOrder(btcIoc(1)), () -> readOnly.fundingPayments(Instant.EPOCH),
                    () -> readOnly.setLeverage("BTC", 2), () -> readOnly.cancelOrder("BTC", "1"))) {
                VenueException e = catchThrowableOfType(call::run, VenueException.class);
                assertThat(e.kind()).isEqualTo(VenueErrorKind.AUTH);
                assertThat(e.getMessage()).contains("LIGHTER_API_KEY_PRIVATE_KEY");
            }
        }
    }

    @Test
    void secretsNeverAppearInMessagesOrToString() {
        venue.fault("/api/v1/accountActiveOrders", FakeLighterVenue.Fault.status(400, "{\"code\":20001,\"message\":\"invalid auth\"}"));
        venue.addPosition(1, "BTC", 1, "0.10000", "100000.0", "0", 1);
        VenueException e = catchThrowableOfType(() -> lighter.openOrders(), VenueException.class);
        String token = venue.requests.stream().filter(r -> r.path().equals("/api/v1/accountActiveOrders")).findFirst()
                .orElseThrow().authorization();
        assertThat(token).isNotBlank();
        assertThat(e.getMessage()).doesNotContain(token).doesNotContain(KEY_HEX);
        assertThat(lighter.toString()).doesNotContain(KEY_HEX).doesNotContain(Long.toString(ACCOUNT));

        venue.refuseNextTx(21739, "not enough margin");
        VenueException refused = catchThrowableOfType(() -> lighter.placeOrder(btcIoc(1)), VenueException.class);
        assertThat(refused.getMessage()).doesNotContain(KEY_HEX).doesNotContain(token);

        VenueException badKey = catchThrowableOfType(() -> new LighterConnector(camel, new VenueEndpoints<>(venue.baseUrl(),
                venue.wsUrl(), Optional.of(new LighterCredentials(Secret.of("ff" + KEY_HEX.substring(2)), ACCOUNT, API_KEY))),
                304, Clock.systemUTC(), FAST), VenueException.class);
        assertThat(badKey == null || !badKey.getMessage().contains(KEY_HEX.substring(2))).isTrue();
    }

    static OrderRequest btcIoc(long clientId) {
        return new OrderRequest("BTC", OrderSide.BUY, new BigDecimal("0.01"), new BigDecimal("100010.0"),
                OrderType.LIMIT_IOC, false, clientId);
    }
}
