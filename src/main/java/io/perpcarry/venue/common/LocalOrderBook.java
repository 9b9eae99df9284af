package io.perpcarry.venue.common;

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
 * One market's book kept from a venue's book channel, for both venues: a snapshot replaces it, an update sets
 * absolute sizes (zero deletes), the venue's {@link BookSequence} guards continuity. After a gap or a crossed book
 * nothing here is trusted until the next snapshot. Thread-safe: the stream writes, the engine reads copies.
 */
public final class LocalOrderBook {
    public enum Outcome {
        /** Applied; the book may still be one-sided (see {@link #isUsable}). */
        APPLIED,
        /** An update already covered by what was applied: ignored. */
        REPEAT,
        /** Something went missing between the last message and this one: invalidated, resync. */
        GAP,
        /** Best bid at or above best ask: invalidated, resync. */
        CROSSED,
        /** An update before any snapshot (or after an invalidation): ignored until the snapshot. */
        NOT_SYNCED
    }

    private final Venue venue;
    private final String symbol;
    private final BookSequence sequence;
    private final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private boolean synced;
    private long last;
    private Instant updatedAt;

    public LocalOrderBook(Venue venue, String symbol, BookSequence sequence) {
        this.venue = venue;
        this.symbol = symbol;
        this.sequence = sequence;
    }

    public String symbol() {
        return symbol;
    }

    public synchronized Outcome apply(BookDelta d, Instant at) {
        if (d.snapshot()) {
            bids.clear();
            asks.clear();
            synced = true;
        } else if (!synced) {
            return Outcome.NOT_SYNCED;
        } else {
            switch (sequence.check(last, d)) {
                case REPEAT -> {
                    return Outcome.REPEAT;
                }
                case GAP -> {
                    invalidate();
                    return Outcome.GAP;
                }
                default -> { }
            }
        }
        set(bids, d.bids());
        set(asks, d.asks());
        last = d.last();
        updatedAt = at;
        if (!bids.isEmpty() && !asks.isEmpty() && bids.firstKey().compareTo(asks.firstKey()) >= 0) {
            invalidate();
            return Outcome.CROSSED;
        }
        return Outcome.APPLIED;
    }

    /** The stream dropped or a gap was seen: only a snapshot makes the book usable again. */
    public synchronized void invalidate() {
        synced = false;
        bids.clear();
        asks.clear();
    }

    /** Synced from a snapshot without a gap since, and both sides present. */
    public synchronized boolean isUsable() {
        return synced && !bids.isEmpty() && !asks.isEmpty();
    }

    /** Synced from a snapshot without a gap since (a side may be empty). */
    public synchronized boolean isSynced() {
        return synced;
    }

    /** When the last snapshot or update was applied; null before the first. */
    public synchronized Instant updatedAt() {
        return updatedAt;
    }

    /** The top {@code depth} levels each side, only when usable. */
    public synchronized Optional<OrderBook> toOrderBook(int depth, Instant observedAt) {
        if (!isUsable()) {
            return Optional.empty();
        }
        return Optional.of(new OrderBook(venue, symbol, top(bids, depth), top(asks, depth), observedAt));
    }

    private static void set(Map<BigDecimal, BigDecimal> side, List<BookDelta.Level> levels) {
        for (BookDelta.Level l : levels) {
            if (l.size().signum() == 0) {
                side.remove(l.price());
            } else {
                side.put(l.price(), l.size());
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
