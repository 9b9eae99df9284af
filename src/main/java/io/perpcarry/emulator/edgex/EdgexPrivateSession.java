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
    void onMessage(String type, JsonNode msg, String raw) {
        sendError("INVALID_MESSAGE", "the private stream takes no subscriptions", raw);
    }

    /**
     * Sends one event; {@code groups} maps a group name to its items. As recorded live (ws_private_trade_event.json):
     * {@code version} an increasing integer, {@code time} integer ms, {@code accountId} 0, and only the groups the
     * event carries.
     */
    void push(String event, Map<String, ArrayNode> groups, long nowMs) {
        ObjectNode f = EdgexJson.object().put("type", "trade-event");
        ObjectNode content = f.putObject("content");
        content.put("event", event);
        content.put("version", version.incrementAndGet());
        content.put("time", nowMs);
        content.put("accountId", 0);
        ObjectNode data = content.putObject("data");
        for (String g : GROUPS) {
            if (groups.containsKey(g)) {
                data.set(g, groups.get(g));
            }
        }
        for (String g : groups.keySet()) {
            if (!data.has(g)) {
                throw new IllegalArgumentException("not a private stream group: " + g);
            }
        }
        send(f);
    }
}
