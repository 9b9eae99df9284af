package io.perpcarry.venue.common;

import java.math.BigDecimal;
import java.util.List;

/**
 * One book message as a venue sends it: a full snapshot, or changed levels with absolute sizes (zero deletes the
 * level). {@code first}/{@code last} are the venue's sequence numbers: Lighter's {@code begin_nonce}/{@code nonce},
 * EdgeX's {@code startVersion}/{@code endVersion}.
 */
public record BookDelta(boolean snapshot, long first, long last, List<Level> bids, List<Level> asks) {
    /** A level as sent: the size now resting at the price; zero removes the price. */
    public record Level(BigDecimal price, BigDecimal size) {
        public Level {
            if (price.signum() <= 0 || size.signum() < 0) {
                throw new IllegalArgumentException("level with price " + price + " and size " + size);
            }
        }
    }

    public BookDelta {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }
}
