package io.perpcarry.emulator.edgex;

import java.math.BigDecimal;
import java.util.List;

/**
 * One side-by-side view of a book as the wire shows it: bids best (highest) first, asks best
 * (lowest) first, and a version that grows whenever the book changes.
 */
public record EdgexBookView(long version, List<Level> bids, List<Level> asks) {

    public record Level(BigDecimal price, BigDecimal size) {
    }

    public EdgexBookView top(int depth) {
        return new EdgexBookView(version, bids.subList(0, Math.min(depth, bids.size())),
                asks.subList(0, Math.min(depth, asks.size())));
    }
}
