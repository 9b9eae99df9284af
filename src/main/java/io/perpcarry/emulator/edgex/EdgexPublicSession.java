package io.perpcarry.emulator.edgex;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.perpcarry.emulator.engine.BookLevel;
import io.perpcarry.emulator.engine.OrderBookSnapshot;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;

/**
 * One public market-data connection: subscriptions and what was last sent per depth channel, so a
 * book change goes out as a CHANGED frame of the levels whose size changed (absolute sizes, 0 =
 * removed; edgex.md §7 recommends this reading of the venue's ambiguous docs).
 */
final class EdgexPublicSession extends EdgexSocket {
    private final EdgexQuoteChannels channels;
    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    private final Map<String, DepthState> depthSent = new HashMap<>();

    private record DepthState(long version, Map<String, String> bids, Map<String, String> asks) {
    }

    EdgexPublicSession(ServerWebSocket ws, HttpConnection connection, EdgexQuoteChannels channels) {
        super(ws, connection, EdgexStreams.PUBLIC_PATH);
        this.channels = channels;
    }

    Set<String> subscriptions() {
        return subscribed;
    }

    @Override
    void onMessage(String type, JsonNode msg, String raw) {
        String channel = msg.path("channel").asText("");
        switch (type) {
            case "subscribe" -> subscribe(channel, raw);
            case "unsubscribe" -> {
                subscribed.remove(channel);
                synchronized (this) {
                    depthSent.remove(channel);
                }
                send(EdgexJson.object().put("type", "unsubscribed").put("channel", channel));
            }
            default -> sendError("INVALID_MESSAGE", "unknown message type: " + type, raw);
        }
    }

    private void subscribe(String channel, String raw) {
        EdgexQuoteChannels.Parsed p;
        try {
            p = channels.parse(channel);
        } catch (EdgexError e) {
            sendError(e.code(), e.msg(), raw);
            return;
        }
        subscribed.add(channel);
        // The live venue echoes the request as a JSON string (recorded ws_control_frames.json).
        send(EdgexJson.object().put("type", "subscribed").put("channel", channel).put("request", raw));
        if (p.kind() == EdgexQuoteChannels.Kind.DEPTH) {
            OrderBookSnapshot book = channels.book(p.contracts().get(0), p.level());
            pushDepth(channel, p.contracts().get(0), p.level(), book);
        } else {
            send(EdgexQuoteChannels.frame(channel, "Snapshot", channels.snapshot(p)));
        }
    }

    /**
     * A book changed: SNAPSHOT the first time, then CHANGED frames with the differing levels. As recorded live
     * (ws_depth.json): {@code content.dataType} "Snapshot" then lower-case "changed", and each frame's startVersion
     * equals the previous frame's endVersion.
     */
    synchronized void pushDepth(String channel, EdgexContract c, int level, OrderBookSnapshot book) {
        List<BookLevel> bids = book.bids().subList(0, Math.min(level, book.bids().size()));
        List<BookLevel> asks = book.asks().subList(0, Math.min(level, book.asks().size()));
        DepthState now = new DepthState(book.version(), index(bids), index(asks));
        DepthState before = depthSent.get(channel);
        ObjectNode depth;
        String dataType;
        if (before == null) {
            depth = EdgexMarketViews.depthSnapshot(c, level, book);
            dataType = "Snapshot";
        } else {
            if (book.version() <= before.version()) {
                return;
            }
            depth = EdgexMarketViews.depth(c, level, "CHANGED", before.version(), book.version(),
                    List.of(), List.of());
            depth.set("bids", diff(before.bids(), now.bids()));
            depth.set("asks", diff(before.asks(), now.asks()));
            if (depth.get("bids").isEmpty() && depth.get("asks").isEmpty()) {
                return; // nothing visible at this depth moved; the next frame's versions cover these
            }
            dataType = "changed";
        }
        depthSent.put(channel, now);
        send(EdgexQuoteChannels.frame(channel, dataType, EdgexJson.array().add(depth)));
    }

    private static Map<String, String> index(List<BookLevel> levels) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        levels.forEach(l -> m.put(EdgexJson.dec(l.price()), EdgexJson.dec(l.size())));
        return m;
    }

    private static ArrayNode diff(Map<String, String> before, Map<String, String> now) {
        ArrayNode out = EdgexJson.array();
        now.forEach((price, size) -> {
            if (!size.equals(before.get(price))) {
                out.addObject().put("price", price).put("size", size);
            }
        });
        before.keySet().stream().filter(p -> !now.containsKey(p))
                .forEach(p -> out.addObject().put("price", p).put("size", "0"));
        return out;
    }
}
