package io.perpcarry.venue.lighter;

import io.perpcarry.domain.BookLevel;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One market's book kept from the {@code order_book/{id}} channel: a full snapshot, then changed levels
 * (size 0 deletes the level). Continuity: an update's {@code begin_nonce} must equal the previous message's
 * {@code nonce}; anything else is a gap, after which the book is unusable until a new snapshot arrives.
 * A book that turns crossed or loses a side is treated the same way: it is not a book to price on.
 */
final class LocalOrderBook {
    /** A changed level as sent by the venue; size zero deletes the price. */
    record LevelChange(BigDecimal price, BigDecimal size) {
    }

    enum Outcome { APPLIED, GAP }

    private final String symbol;
    private final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private boolean synced;
    private Long lastNonce;
    private Instant updatedAt;

    LocalOrderBook(String symbol) {
        this.symbol = symbol;
    }

    synchronized void applySnapshot(List<LevelChange> bidLevels, List<LevelChange> askLevels, Long nonce, Instant at) {
        bids.clear();
        asks.clear();
        apply(bids, bidLevels);
        apply(asks, askLevels);
        lastNonce = nonce;
        updatedAt = at;
        synced = usable();
    }

    synchronized Outcome applyUpdate(List<LevelChange> bidLevels, List<LevelChange> askLevels, Long beginNonce,
                                     Long nonce, Instant at) {
        if (!synced) {
            return Outcome.GAP;
        }
        if (beginNonce != null && lastNonce != null && !beginNonce.equals(lastNonce)) {
            invalidate();
            return Outcome.GAP;
        }
        apply(bids, bidLevels);
        apply(asks, askLevels);
        lastNonce = nonce;
        updatedAt = at;
        if (!usable()) {
            invalidate();
            return Outcome.GAP;
        }
        return Outcome.APPLIED;
    }

    /** The stream dropped or a gap was seen: nothing here can be trusted until the next snapshot. */
    synchronized void invalidate() {
        synced = false;
        lastNonce = null;
    }

    synchronized boolean isSynced() {
        return synced;
    }

    /** When the last snapshot or update was applied; null before the first. */
    synchronized Instant updatedAt() {
        return updatedAt;
    }

    /** The top {@code depth} levels each side, or empty when not in sync. */
    synchronized Optional<OrderBook> toOrderBook(int depth, Instant observedAt) {
        if (!synced) {
            return Optional.empty();
        }
        return Optional.of(new OrderBook(Venue.LIGHTER, symbol, top(bids, depth), top(asks, depth), observedAt));
    }

    private boolean usable() {
        return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey().compareTo(asks.firstKey()) < 0;
    }

    private static void apply(Map<BigDecimal, BigDecimal> side, List<LevelChange> changes) {
        for (LevelChange c : changes) {
            if (c.size().signum() == 0) {
                side.remove(c.price());
            } else {
                side.put(c.price(), c.size());
            }
        }
    }

    private static List<BookLevel> top(NavigableMap<BigDecimal, BigDecimal> side, int depth) {
        List<BookLevel> out = new ArrayList<>(Math.min(depth, side.size()));
        for (Map.Entry<BigDecimal, BigDecimal> e : side.entrySet()) {
            if (out.size() == depth) {
                break;
            }
            out.add(new BookLevel(e.getKey(), e.getValue()));
        }
        return out;
    }
}
