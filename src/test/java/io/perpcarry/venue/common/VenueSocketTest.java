package io.perpcarry.venue.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one venue WebSocket supervisor against a loopback server: redial after a drop, resubscribe, a fresh signed
 * handshake per dial, a silent socket replaced, and the report's callbacks and counters.
 */
class VenueSocketTest {
    static final SocketTimings FAST = new SocketTimings(Duration.ofSeconds(2), Duration.ofMillis(100),
            Duration.ofMillis(600), Duration.ofMillis(20), Duration.ofMillis(200));

    Vertx serverVertx;
    Vertx clientVertx;
    HttpServer server;
    VenueSocket socket;
    final BlockingQueue<ServerWebSocket> sessions = new LinkedBlockingQueue<>();
    final List<String> signatures = new CopyOnWriteArrayList<>();
    final List<String> protocols = new CopyOnWriteArrayList<>();
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final AtomicBoolean answerPings = new AtomicBoolean(true);
    final AtomicInteger signed = new AtomicInteger();
    final Events events = new Events();

    /** The session and the report as the venue streams see them; latches instead of polling. */
    static final class Events implements VenueSocket.Session, SocketReport {
        final List<String> texts = new CopyOnWriteArrayList<>();
        final AtomicInteger opens = new AtomicInteger();
        final List<String> downs = new CopyOnWriteArrayList<>();
        volatile CountDownLatch reconnected = new CountDownLatch(1);
        volatile CountDownLatch stale = new CountDownLatch(1);
        volatile CountDownLatch connected = new CountDownLatch(1);
        final CountDownLatch threeFailedDials = new CountDownLatch(3);
        VenueSocket socket;

        @Override
        public void onOpen() {
            opens.incrementAndGet();
            socket.send("{\"type\":\"subscribe\",\"channel\":\"order_book/1\"}");
        }

        @Override
        public void onText(String text) {
            texts.add(text);
        }

        @Override
        public void onDown(String reason) {
            downs.add(reason);
        }

        @Override
        public void connected(String name) {
            connected.countDown();
        }

        @Override
        public void reconnected(String name, long reconnects) {
            reconnected.countDown();
        }

        @Override
        public void down(String name, String reason) {
            if (reason.startsWith("connect failed")) {
                threeFailedDials.countDown();
            }
        }

        @Override
        public void stale(String name, Duration silentFor) {
            stale.countDown();
        }
    }

    @BeforeEach
    void start() throws Exception {
        serverVertx = Vertx.vertx();
        server = serverVertx.createHttpServer(new HttpServerOptions().setWebSocketSubProtocols(
                java.util.stream.IntStream.rangeClosed(1, 50).mapToObj(i -> "proto-" + i).toList())).webSocketHandler(ws -> {
            signatures.add(String.valueOf(ws.headers().get("X-Signature")));
            protocols.add(String.valueOf(ws.headers().get("Sec-WebSocket-Protocol")));
            ws.textMessageHandler(text -> {
                received.add(text);
                if (text.contains("\"ping\"") && answerPings.get()) {
                    ws.writeTextMessage("{\"type\":\"pong\"}");
                }
            });
            sessions.add(ws);
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        clientVertx = VenueSocket.smallVertx();
        URI uri = URI.create("ws://127.0.0.1:" + server.actualPort() + "/stream");
        socket = new VenueSocket("test", clientVertx, () -> {
            int n = signed.incrementAndGet();
            return new Handshake(URI.create(uri + "?timestamp=" + n), Map.of("X-Signature", "sig-" + n), List.of("proto-" + n));
        }, FAST, Clock.systemUTC(), () -> "{\"type\":\"ping\"}", events, events);
        events.socket = socket;
    }

    @AfterEach
    void stop() throws Exception {
        socket.close();
        clientVertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        serverVertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private String nextReceived(String containing) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String s = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (s != null && s.contains(containing)) {
                return s;
            }
        }
        throw new AssertionError("nothing containing " + containing + " received");
    }

    @Test
    void subscribesOnConnectAndDeliversFramesInOrder() throws Exception {
        socket.start();
        ServerWebSocket ws = sessions.poll(10, TimeUnit.SECONDS);
        assertThat(ws).isNotNull();
        assertThat(events.connected.await(10, TimeUnit.SECONDS)).isTrue();
        nextReceived("subscribe");
        for (int i = 0; i < 50; i++) {
            ws.writeTextMessage("{\"n\":" + i + "}");
        }
        nextReceived("ping"); // pinged on its interval
        ws.writeTextMessage("{\"n\":\"last\"}");
        nextReceived("ping");
        assertThat(events.texts.stream().filter(t -> t.startsWith("{\"n\":")).toList())
                .startsWith("{\"n\":0}", "{\"n\":1}", "{\"n\":2}").contains("{\"n\":49}");
        assertThat(socket.isUp()).isTrue();
        assertThat(socket.reconnects()).isZero();
    }

    @Test
    void dropIsRedialledWithAFreshSignedHandshakeAndResubscribed() throws Exception {
        socket.start();
        ServerWebSocket first = sessions.poll(10, TimeUnit.SECONDS);
        nextReceived("subscribe");
        first.close();
        assertThat(events.reconnected.await(10, TimeUnit.SECONDS)).as("reconnected").isTrue();
        ServerWebSocket second = sessions.poll(10, TimeUnit.SECONDS);
        assertThat(second).isNotNull();
        nextReceived("subscribe");
        assertThat(events.opens).hasValue(2);
        assertThat(events.downs).hasSize(1);
        assertThat(socket.connects()).isEqualTo(2);
        assertThat(socket.reconnects()).isEqualTo(1);
        assertThat(signatures).as("re-authenticated: each dial signs anew").containsExactly("sig-1", "sig-2");
        assertThat(protocols).containsExactly("proto-1", "proto-2");
        assertThat(second.uri()).endsWith("timestamp=2");
    }

    @Test
    void silentSocketIsStaleThenReplaced() throws Exception {
        socket.start();
        sessions.poll(10, TimeUnit.SECONDS);
        nextReceived("subscribe");
        answerPings.set(false); // open but dead: no pongs, no data
        assertThat(events.stale.await(10, TimeUnit.SECONDS)).as("stale detected").isTrue();
        assertThat(socket.staleDrops()).isEqualTo(1);
        answerPings.set(true);
        assertThat(events.reconnected.await(10, TimeUnit.SECONDS)).as("replaced").isTrue();
        assertThat(events.downs.get(0)).startsWith("silent for");
        assertThat(sessions.poll(10, TimeUnit.SECONDS)).as("a second connection").isNotNull();
        nextReceived("subscribe");
        assertThat(socket.heardWithin(FAST.silenceMax())).isTrue();
    }

    @Test
    void refusedDialsBackOffAndSucceedOnceTheVenueIsBack() throws Exception {
        int port = server.actualPort();
        server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        socket.start();
        // The dials fail while nothing listens; each is signed anew.
        assertThat(events.threeFailedDials.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(signed.get()).isGreaterThanOrEqualTo(3);
        assertThat(socket.isUp()).isFalse();
        server = serverVertx.createHttpServer(new HttpServerOptions().setWebSocketSubProtocols(
                java.util.stream.IntStream.rangeClosed(1, 50).mapToObj(i -> "proto-" + i).toList()))
                .webSocketHandler(sessions::add).listen(port, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(events.connected.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(socket.connects()).isEqualTo(1);
    }

    @Test
    void backoffDoublesUpToTheCapWithJitter() {
        assertThat(FAST.backoffMillis(0, 0)).isEqualTo(10);
        assertThat(FAST.backoffMillis(0, 1)).isEqualTo(20);
        assertThat(FAST.backoffMillis(2, 1)).isEqualTo(80);
        assertThat(FAST.backoffMillis(10, 1)).isEqualTo(200);
        assertThat(FAST.backoffMillis(40, 0.5)).isBetween(100L, 200L);
    }
}
