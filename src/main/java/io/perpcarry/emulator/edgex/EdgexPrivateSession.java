package io.perpcarry.emulator.edgex;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;

/**
 * One authenticated private connection (edgex.md §8): the server pushes {@code trade-event} frames,
 * first a {@code Snapshot}, then updates; clients may not subscribe.
 */
final class EdgexPrivateSession extends EdgexSocket {
    /** Every data group the venue sends, empty unless the event carries it. */
    static final String[] GROUPS = {"account", "collateral", "collateralTransaction", "position", "positionTransaction",
            "deposit", "withdraw", "transferIn", "transferOut", "order", "orderFillTransaction"};

    private final EdgexAccount account;
    private final AtomicLong version = new AtomicLong();

    EdgexPrivateSession(ServerWebSocket ws, HttpConnection connection, EdgexAccount account) {
        super(ws, connection, EdgexStreams.PRIVATE_PATH);
        this.account = account;
    }

    EdgexAccount account() {
        return account;
    }

    @Override
    void onMessage(String type, JsonNode msg) {
        sendError("INVALID_MESSAGE", "the private stream takes no subscriptions");
    }

    /** Sends one event; {@code groups} maps a group name to its items. */
    void push(String event, Map<String, ArrayNode> groups) {
        ObjectNode f = EdgexJson.object().put("type", "trade-event");
        ObjectNode content = f.putObject("content");
        content.put("event", event);
        content.put("version", Long.toString(version.incrementAndGet()));
        ObjectNode data = content.putObject("data");
        for (String g : GROUPS) {
            data.set(g, groups.getOrDefault(g, EdgexJson.array()));
        }
        for (String g : groups.keySet()) {
            if (!data.has(g)) {
                throw new IllegalArgumentException("not a private stream group: " + g);
            }
        }
        send(f);
    }
}
