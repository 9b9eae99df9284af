package io.perpcarry.emulator.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A venue's book for one market: bids best (highest) first, asks best (lowest) first. {@code version} grows
 * by one each time the book changes (Lighter {@code offset}, EdgeX {@code endVersion}).
 */
public record OrderBookSnapshot(String symbol, long version, Instant time, List<BookLevel> bids, List<BookLevel> asks,
                                boolean frozen) {
    public OrderBookSnapshot {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    public BigDecimal bestBid() {
        return bids.isEmpty() ? null : bids.get(0).price();
    }

    public BigDecimal bestAsk() {
        return asks.isEmpty() ? null : asks.get(0).price();
    }
}
