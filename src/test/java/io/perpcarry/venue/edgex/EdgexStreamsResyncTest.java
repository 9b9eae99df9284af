package io.perpcarry.venue.edgex;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.MarketDataListener;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the emulator cannot be made to do: a depth gap (versions skip) and a socket that stays open but goes
 * silent. A scripted WebSocket server on loopback plays the venue.
 */
class EdgexStreamsResyncTest {
    Vertx vertx;
    HttpServer server;
    CamelContext camel;
    EdgexStreams streams;
    final List<String> received = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger depthSubscribes = new AtomicInteger();
    final AtomicBoolean mute = new AtomicBoolean();
    final List<String> stale = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().webSocketHandler(this::session).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        camel = new DefaultCamelContext();
        camel.start();
        streams = new EdgexStreams(vertx, URI.create("ws://127.0.0.1:" + server.actualPort()), Map.of("30000001", "BTC"),
                Optional.empty(), EdgexEmulatorHarness.testSettings(), Clock.systemUTC(), new MarketDataListener() {
                    @Override
                    public void onMarketDataStale(Venue venue, String symbol) {
                        stale.add(symbol);
                    }
                });
    }

    @AfterEach
    void stop() throws Exception {
        streams.close();
        camel.stop();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private void session(ServerWebSocket ws) {
        connections.incrementAndGet();
        ws.textMessageHandler(text -> {
            received.add(text);
            if (mute.get()) {
                return;
            }
            if (text.contains("\"ping\"")) {
                ws.writeTextMessage(text.replace("\"ping\"", "\"pong\""));
            } else if (text.contains("\"subscribe\"") && text.contains("depth.30000001.15")) {
                if (depthSubscribes.incrementAndGet() == 1) {
                    ws.writeTextMessage(depth("SNAPSHOT", 9, 10, "99.0", "101.0"));
                    // The venue chains startVersion == previous endVersion (captures/edgex/ws_depth.json): a frame
                    // starting at 11 means the one covering 10 -> 11 never came.
                    ws.writeTextMessage(depth("CHANGED", 11, 14, "99.5", "101.0"));
                } else {
                    ws.writeTextMessage(depth("SNAPSHOT", 19, 20, "99.8", "100.2"));
                }
            }
        });
    }

    private static String depth(String type, long start, long end, String bid, String ask) {
        return """
                {"type": "quote-event", "channel": "depth.30000001.15", "content": {"dataType": "%s",
                 "channel": "depth.30000001.15", "data": [{"startVersion": "%d", "endVersion": "%d", "level": 15,
                 "contractId": "30000001", "depthType": "%s", "bids": [{"price": "%s", "size": "1"}],
                 "asks": [{"price": "%s", "size": "2"}]}]}}""".formatted(type.equals("SNAPSHOT") ? "Snapshot" : "changed",
                start, end, type, bid, ask);
    }

    @Test
    void gapInVersionsResubscribesAndRebuildsFromTheFreshSnapshot() throws Exception {
        streams.start();
        EdgexStreamsTest.await("resynced book", () -> streams.freshBook("30000001", 5)
                .map(b -> b.bestBid().toPlainString().equals("99.8")).orElse(false));
        OrderBook book = streams.freshBook("30000001", 5).orElseThrow();
        assertThat(book.bestAsk()).isEqualByComparingTo("100.2");
        assertThat(streams.resyncs()).isEqualTo(1);
        assertThat(stale).containsExactly("BTC");
        assertThat(received).anyMatch(m -> m.contains("unsubscribe") && m.contains("depth.30000001.15"));
        assertThat(connections).hasValue(1);
    }

    @Test
    void socketThatGoesSilentIsReplacedAndBooksRebuilt() throws Exception {
        streams.start();
        EdgexStreamsTest.await("first book", () -> streams.bookFresh("30000001"));
        mute.set(true); // open but dead: no pongs, no data
        EdgexStreamsTest.await("book stale", () -> !streams.bookFresh("30000001"));
        mute.set(false);
        EdgexStreamsTest.await("second connection", () -> connections.get() >= 2);
        EdgexStreamsTest.await("book fresh again", () -> streams.bookFresh("30000001"));
        assertThat(stale).contains("BTC");
        assertThat(streams.publicConnects()).isGreaterThanOrEqualTo(2);
    }
}
