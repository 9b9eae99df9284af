package io.perpcarry.emulator.lighter;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A java.net.http WebSocket that queues every text message as JSON, and records how the socket ended. */
final class LighterWsClient implements WebSocket.Listener, AutoCloseable {
    final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<String> ended = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    final WebSocket ws;

    LighterWsClient(String url) throws Exception {
        ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), this).get(5, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(LighterTestVenue.JSON.readTree(partial.toString()));
            } catch (Exception e) {
                ended.completeExceptionally(e);
            }
            partial.setLength(0);
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

    void send(String json) {
        ws.sendText(json, true).join();
    }

    /** The next message matching {@code p}, skipping others; fails after the timeout. */
    JsonNode next(Predicate<JsonNode> p, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            JsonNode m = left <= 0 ? null : messages.poll(left, TimeUnit.MILLISECONDS);
            if (m == null) {
                throw new AssertionError("no matching message within " + timeoutMs + " ms");
            }
            if (p.test(m)) {
                return m;
            }
        }
    }

    JsonNode next(String type, long timeoutMs) throws InterruptedException {
        return next(m -> m.path("type").asText().equals(type), timeoutMs);
    }

    @Override
    public void close() {
        ws.abort();
    }
}
