package io.perpcarry.emulator.edgex;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/** A JDK WebSocket client that queues every JSON text frame and remembers how the socket ended. */
final class WsProbe implements WebSocket.Listener, AutoCloseable {
    final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    /** Every frame ever received, for {@link #await}; {@link #next} consumes {@link #frames} only. */
    final List<JsonNode> all = new CopyOnWriteArrayList<>();
    /** "close <code>" for a close frame, "error <exception>" for an abrupt end. */
    final CompletableFuture<String> ended = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean pong;
    final WebSocket ws;

    private WsProbe(HttpClient http, URI uri, Map<String, String> headers, String subprotocol) {
        WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(b::header);
        if (subprotocol != null) {
            b.subprotocols(subprotocol);
        }
        this.ws = b.buildAsync(uri, this).join();
    }

    static WsProbe open(HttpClient http, String url) {
        return new WsProbe(http, URI.create(url), Map.of(), null);
    }

    static WsProbe open(HttpClient http, String url, Map<String, String> headers, String subprotocol) {
        return new WsProbe(http, URI.create(url), headers, subprotocol);
    }

    /**
     * Answers the venue's pings as a client must (the emulator closes a socket after 5 unanswered ones: at the tests'
     * 300 ms interval a slow machine would lose the socket mid-test).
     */
    WsProbe answeringPings() {
        pong = true;
        return this;
    }

    void send(String json) {
        enqueue(ws, json).join();
    }

    /** The JDK socket allows one send in flight: the test's frames and the pongs take turns. */
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

    private synchronized CompletableFuture<?> enqueue(WebSocket socket, String text) {
        sending = sending.handle((v, e) -> null).thenCompose(v -> socket.sendText(text, true));
        return sending;
    }

    /** The next frame matching {@code p} within 5 s (frames before it are discarded). */
    JsonNode next(Predicate<JsonNode> p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode f = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            if (f == null) {
                throw new AssertionError("no matching frame within 5 s");
            }
            if (p.test(f)) {
                return f;
            }
        }
    }

    /** Any frame received so far or within 5 s that matches {@code p}, regardless of order. */
    JsonNode await(Predicate<JsonNode> p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            for (JsonNode f : all) {
                if (p.test(f)) {
                    return f;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching frame within 5 s; got " + all);
    }

    static Predicate<JsonNode> type(String type) {
        return f -> f.path("type").asText().equals(type);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonNode f = EdgexJson.parse(partial.toString());
            all.add(f);
            frames.add(f);
            partial.setLength(0);
            if (pong && f.path("type").asText().equals("ping")) {
                enqueue(webSocket, "{\"type\":\"pong\",\"time\":\"" + f.path("time").asText() + "\"}");
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        ended.complete("close " + statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        ended.complete("error " + error);
    }

    @Override
    public void close() {
        if (!ended.isDone()) {
            ws.abort();
        }
    }
}
