package io.perpcarry.venue.edgex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.MarketDataListener;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.OrderType;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The WebSocket side against the emulator: local books, the 15-symbol scan budget, drops, the private stream. */
class EdgexStreamsTest {
    static final List<String> ALL = Arrays.asList(EdgexEmulatorHarness.SYMBOLS);
    EdgexEmulatorHarness h;
    final List<String> stale = new CopyOnWriteArrayList<>();
    final AtomicInteger books = new AtomicInteger();
    final AtomicInteger accountEvents = new AtomicInteger();
    final MarketDataListener listener = new MarketDataListener() {
        @Override
        public void onBookChanged(Venue venue, String symbol) {
            books.incrementAndGet();
        }

        @Override
        public void onMarketDataStale(Venue venue, String symbol) {
            stale.add(symbol);
        }

        @Override
        public void onAccountChanged(Venue venue) {
            accountEvents.incrementAndGet();
        }
    };

    @BeforeEach
    void start() {
        h = new EdgexEmulatorHarness(0.8);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static boolean allFresh(EdgexConnector c, List<String> symbols) {
        return symbols.stream().allMatch(c::marketDataFresh);
    }

    @Test
    void booksAreKeptFromTheDepthStreamAndMatchTheVenue() throws Exception {
        EdgexConnector c = h.streaming(ALL, listener);
        await("books synced", () -> allFresh(c, ALL));
        assertThat(stale).isEmpty();
        for (int i = 0; i < 5; i++) {
            h.advance(Duration.ofSeconds(3));
            Thread.sleep(150);
        }
        int seen = books.get();
        EdgexConnector rest = h.connector(false); // no stream: reads getDepth
        for (String s : List.of("BTC", "ETH", "SUI")) {
            await(s + " local book equal to the venue's", () -> c.orderBook(s, 5).bids().equals(rest.orderBook(s, 5).bids())
                    && c.orderBook(s, 5).asks().equals(rest.orderBook(s, 5).asks()));
        }
        assertThat(seen).isGreaterThan(ALL.size());
        assertThat(c.streams().resyncs()).isZero();
    }

    @Test
    void scanOfFifteenSymbolsCostsAtMostFourRequests() throws Exception {
        EdgexConnector c = h.streaming(ALL, listener);
        await("books synced", () -> allFresh(c, ALL));
        List<String> fifteen = ALL.subList(0, 15);
        h.adminDelete("/_emulator/requests");
        Map<String, MarketSnapshot> snaps = c.snapshots(fifteen);
        assertThat(snaps).hasSize(15);
        MarketSnapshot btc = snaps.get("BTC");
        assertThat(btc.funding().rate()).isEqualByComparingTo("-0.0002");
        assertThat(btc.funding().interval()).isEqualTo(Duration.ofHours(4));
        assertThat(btc.volume24hUsd()).isPositive();
        assertThat(btc.book().bestBid()).isLessThan(btc.book().bestAsk());
        List<String> sent = h.restRequests();
        assertThat(sent).hasSizeLessThanOrEqualTo(4);
        assertThat(sent).contains("GET /api/v2/public/funding/getLatestFundingRate");
        // With the streamed tickers stale, the scan reads each stale one: the venue answers one contractId per call
        // (getTicker without an id, or with a list, is [] live), so this costs one request per symbol.
        h.advance(Duration.ofSeconds(1));
        Thread.sleep(EdgexEmulatorHarness.testSettings().tickerMaxAge().toMillis() + 200);
        await("books fresh again", () -> allFresh(c, fifteen));
        h.adminDelete("/_emulator/requests");
        assertThat(c.snapshots(fifteen)).hasSize(15);
        System.out.println("EdgeX 15-symbol scan requests: fresh tickers " + sent + ", stale tickers " + h.restRequests());
        assertThat(h.restRequests()).hasSizeLessThanOrEqualTo(2 + fifteen.size());
    }

    @Test
    void droppedStreamGoesStaleThenReconnectsAndResyncs() throws Exception {
        EdgexConnector c = h.streaming(ALL, listener);
        await("books synced", () -> allFresh(c, ALL));
        h.fault("{\"venue\": \"EDGEX\", \"kind\": \"DROP_WEBSOCKET\", \"count\": 1, \"match\": {\"path\": \"/api/v1/public/ws\"}}");
        await("stream marked stale", () -> !c.marketDataFresh("BTC"));
        VenueException down = catchThrowableOfType(() -> c.snapshots(ALL), VenueException.class);
        if (down != null) {
            assertThat(down.kind()).isEqualTo(VenueErrorKind.UNAVAILABLE);
        }
        await("stream back and books resynced", () -> allFresh(c, ALL));
        assertThat(c.streams().publicConnects()).isGreaterThanOrEqualTo(2);
        assertThat(stale).containsAll(ALL);
        h.advance(Duration.ofSeconds(3));
        EdgexConnector rest = h.connector(false);
        await("book after reconnect equal to the venue's",
                () -> c.orderBook("ETH", 5).bids().equals(rest.orderBook("ETH", 5).bids()));
    }

    @Test
    void privateStreamReportsAccountChanges() throws Exception {
        EdgexConnector c = h.streaming(List.of("BTC", "ETH"), listener);
        await("books synced", () -> allFresh(c, List.of("BTC", "ETH")));
        await("private stream up", () -> c.streams().privateUp());
        int before = accountEvents.get();
        OrderBook b = c.orderBook("ETH", 1);
        c.placeOrder(new OrderRequest("ETH", OrderSide.BUY, new BigDecimal("0.01"), b.bestAsk().add(BigDecimal.ONE),
                OrderType.LIMIT_IOC, false, 7001));
        await("account event", () -> accountEvents.get() > before);
    }

    @Test
    void snapshotsWithoutStreamAreUnavailableNotEmpty() {
        EdgexConnector c = h.connector(false);
        VenueException e = catchThrowableOfType(() -> c.snapshots(ALL), VenueException.class);
        assertThat(e.kind()).isEqualTo(VenueErrorKind.UNAVAILABLE);
        assertThat(c.marketDataFresh("BTC")).isFalse();
    }
}
