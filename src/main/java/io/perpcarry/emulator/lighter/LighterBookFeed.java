package io.perpcarry.emulator.lighter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.emulator.engine.BookLevel;
import io.perpcarry.emulator.engine.OrderBookSnapshot;
import io.perpcarry.emulator.engine.VenueMarket;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code order_book/{id}} stream of one market: the last published levels, and the delta (changed levels,
 * size "0" = removed) against them. {@code offset} grows with every message; {@code begin_nonce} of an update
 * equals the previous message's {@code nonce}. Callers synchronize on the feed.
 */
final class LighterBookFeed {
    private final VenueMarket market;
    private final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private long offset;
    private long nonce;
    private boolean initialized;

    LighterBookFeed(VenueMarket market, long startOffset) {
        this.market = market;
        this.offset = startOffset;
        this.nonce = startOffset * 7;
    }

    boolean initialized() {
        return initialized;
    }

    /** Adopts {@code book} as published state without producing a message (first subscriber). */
    void reset(OrderBookSnapshot book) {
        fill(bids, book.bids());
        fill(asks, book.asks());
        offset++;
        nonce++;
        initialized = true;
    }

    /** The full-book message for a new subscriber. */
    ObjectNode snapshot(long nowMs) {
        return message("subscribed/order_book", side(asks), side(bids), nonce, nowMs);
    }

    /** The delta to {@code book}, or null when no level changed. Advances the published state. */
    ObjectNode update(OrderBookSnapshot book, long nowMs) {
        ArrayNode a = diff(asks, book.asks());
        ArrayNode b = diff(bids, book.bids());
        if (a.isEmpty() && b.isEmpty()) {
            return null;
        }
        long begin = nonce;
        offset++;
        nonce += 1 + a.size() + b.size();
        ObjectNode msg = message("update/order_book", a, b, begin, nowMs);
        return msg;
    }

    private ObjectNode message(String type, ArrayNode a, ArrayNode b, long beginNonce, long nowMs) {
        ObjectNode book = LighterJson.object();
        book.put("code", 0);
        book.set("asks", a);
        book.set("bids", b);
        book.put("offset", offset);
        book.put("nonce", nonce);
        book.put("begin_nonce", beginNonce);
        book.put("last_updated_at", nowMs * 1000); // µs, as recorded (ws_order_book.json)
        ObjectNode msg = LighterJson.object();
        msg.put("type", type);
        msg.put("channel", "order_book:" + market.venueMarketId());
        msg.put("offset", offset);
        msg.put("last_updated_at", nowMs * 1000);
        msg.put("timestamp", nowMs);
        msg.set("order_book", book);
        return msg;
    }

    private ArrayNode diff(TreeMap<BigDecimal, BigDecimal> published, List<BookLevel> now) {
        Map<BigDecimal, BigDecimal> next = new TreeMap<>();
        for (BookLevel l : now) {
            next.put(l.price(), l.size());
        }
        ArrayNode out = LighterJson.array();
        for (BigDecimal p : new ArrayList<>(published.keySet())) {
            if (!next.containsKey(p)) {
                out.add(level(p, BigDecimal.ZERO));
                published.remove(p);
            }
        }
        for (Map.Entry<BigDecimal, BigDecimal> e : next.entrySet()) {
            BigDecimal old = published.get(e.getKey());
            if (old == null || old.compareTo(e.getValue()) != 0) {
                out.add(level(e.getKey(), e.getValue()));
                published.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private ArrayNode side(TreeMap<BigDecimal, BigDecimal> levels) {
        ArrayNode out = LighterJson.array();
        levels.forEach((p, s) -> out.add(level(p, s)));
        return out;
    }

    private ObjectNode level(BigDecimal price, BigDecimal size) {
        // identical formatting for a level in every message: the SDK merges updates by exact price string
        return LighterJson.object().put("price", LighterJson.price(market, price))
                .put("size", LighterJson.size(market, size));
    }

    private static void fill(TreeMap<BigDecimal, BigDecimal> side, List<BookLevel> levels) {
        side.clear();
        for (BookLevel l : levels) {
            side.put(l.price(), l.size());
        }
    }
}
