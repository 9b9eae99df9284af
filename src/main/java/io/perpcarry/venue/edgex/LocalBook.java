package io.perpcarry.venue.edgex;

import io.perpcarry.domain.BookLevel;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One contract's book kept from the depth stream: a SNAPSHOT replaces it, CHANGED sets absolute sizes (0 removes).
 * Versions guard continuity: an update whose {@code startVersion} skips past {@code lastEndVersion + 1} is a gap,
 * and the book is unusable until the next snapshot. Not thread-safe: the stream applies updates on one thread and
 * readers take {@link #toOrderBook} copies under the owner's lock.
 */
final class LocalBook {
    enum Applied { OK, STALE_DUPLICATE, GAP, CROSSED, NOT_SYNCED }

    private final String symbol;
    private final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private boolean synced;
    private Long lastEndVersion;
    private Instant updatedAt = Instant.EPOCH;

    LocalBook(String symbol) {
        this.symbol = symbol;
    }

    Applied apply(EdgexMapper.Depth d, Instant now) {
        if (d.snapshot()) {
            bids.clear();
            asks.clear();
            synced = true;
        } else if (!synced) {
            return Applied.NOT_SYNCED;
        } else if (lastEndVersion != null && d.startVersion() != null && d.endVersion() != null) {
            if (d.endVersion() <= lastEndVersion) {
                return Applied.STALE_DUPLICATE;
            }
            if (d.startVersion() > lastEndVersion + 1) {
                invalidate();
                return Applied.GAP;
            }
        }
        set(bids, d.bids());
        set(asks, d.asks());
        if (d.endVersion() != null) {
            lastEndVersion = d.endVersion();
        }
        updatedAt = now;
        if (!bids.isEmpty() && !asks.isEmpty() && bids.firstKey().compareTo(asks.firstKey()) >= 0) {
            invalidate();
            return Applied.CROSSED;
        }
        return Applied.OK;
    }

    private static void set(Map<BigDecimal, BigDecimal> side, List<EdgexMapper.Level> levels) {
        for (EdgexMapper.Level l : levels) {
            if (l.size().signum() == 0) {
                side.remove(l.price());
            } else {
                side.put(l.price(), l.size());
            }
        }
    }

    /** Forget everything: the stream dropped or a gap was seen; only a snapshot makes the book usable again. */
    void invalidate() {
        synced = false;
        lastEndVersion = null;
        bids.clear();
        asks.clear();
    }

    /** Usable: synced from a snapshot and both sides present. */
    boolean usable() {
        return synced && !bids.isEmpty() && !asks.isEmpty();
    }

    Instant updatedAt() {
        return updatedAt;
    }

    OrderBook toOrderBook(int depth, Instant observedAt) {
        return new OrderBook(Venue.EDGEX, symbol, top(bids, depth), top(asks, depth), observedAt);
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
