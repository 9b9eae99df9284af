package io.perpcarry.emulator.edgex;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;

/**
 * What the public and private sessions share: JSON text frames, the venue's heartbeat
 * ({@code {"type":"ping","time":...}} answered by a pong with the same time, closed after
 * {@link #MAX_UNANSWERED_PINGS} unanswered pings, edgex.md §7) and an abrupt drop for faults.
 */
abstract class EdgexSocket {
    static final int MAX_UNANSWERED_PINGS = 5;

    private final ServerWebSocket ws;
    private final HttpConnection connection;
    private final String path;
    private final AtomicInteger unansweredPings = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    EdgexSocket(ServerWebSocket ws, HttpConnection connection, String path) {
        this.ws = ws;
        this.connection = connection;
        this.path = path;
        ws.closeHandler(v -> closed.set(true));
        ws.exceptionHandler(e -> closed.set(true));
        ws.textMessageHandler(this::onText);
    }

    String path() {
        return path;
    }

    boolean isClosed() {
        return closed.get();
    }

    void send(JsonNode frame) {
        if (!closed.get()) {
            ws.writeTextMessage(EdgexJson.write(frame));
        }
    }

    /** Heartbeat tick; closes the socket (with a close frame) after too many unanswered pings. */
    void ping(long nowMs) {
        if (unansweredPings.incrementAndGet() > MAX_UNANSWERED_PINGS) {
            closed.set(true);
            ws.close((short) 1000, "ping timeout");
            return;
        }
        send(EdgexJson.object().put("type", "ping").put("time", Long.toString(nowMs)));
    }

    /** A DROP_WEBSOCKET fault: the TCP connection goes away without a close frame. */
    void drop() {
        closed.set(true);
        connection.close();
    }

    void close() {
        closed.set(true);
        ws.close();
    }

    /**
     * The first frame of every connection: {@code {"sid":…,"type":"connected"}}, the private one with {@code time}
     * (recorded ws_control_frames.json and the V2 private WS doc).
     */
    void sendConnected(Long timeMsOrNull) {
        ObjectNode f = EdgexJson.object().put("sid", UUID.randomUUID().toString()).put("type", "connected");
        if (timeMsOrNull != null) {
            f.put("time", Long.toString(timeMsOrNull));
        }
        send(f);
    }

    private void onText(String text) {
        JsonNode msg;
        try {
            msg = EdgexJson.MAPPER.readTree(text);
        } catch (Exception e) {
            sendError("INVALID_MESSAGE", "message is not JSON", text);
            return;
        }
        String type = msg.path("type").asText("");
        switch (type) {
            case "ping" -> send(EdgexJson.object().put("type", "pong").put("time", msg.path("time").asText("")));
            case "pong" -> unansweredPings.set(0);
            default -> onMessage(type, msg, text);
        }
    }

    /** {@code {"type":"error","request":"<the request as a JSON string>","content":{code,msg}}} (recorded). */
    void sendError(String code, String msg, String request) {
        ObjectNode f = EdgexJson.object().put("type", "error").put("request", request);
        f.putObject("content").put("code", code).put("msg", msg);
        send(f);
    }

    /** A message other than ping/pong; {@code raw} is its text, echoed in {@code request}. */
    abstract void onMessage(String type, JsonNode msg, String raw);
}
