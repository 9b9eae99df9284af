package io.perpcarry.venue.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one book, with each venue's continuity rule plugged in. Recorded frames: LighterBookReplayTest, EdgexDepthReplayTest. */
class LocalOrderBookTest {
    static final Instant T = Instant.parse("2026-09-28T00:00:00Z");

    static BookDelta.Level l(String price, String size) {
        return new BookDelta.Level(new BigDecimal(price), new BigDecimal(size));
    }

    static BookDelta snapshot(long first, long last) {
        return new BookDelta(true, first, last, List.of(l("99", "1"), l("98", "2")), List.of(l("101", "1"), l("102", "3")));
    }

    static BookDelta update(long first, long last, List<BookDelta.Level> bids, List<BookDelta.Level> asks) {
        return new BookDelta(false, first, last, bids, asks);
    }

    @Test
    void lighterUpdatesChainBeginNonceToThePreviousNonce() {
        LocalOrderBook b = new LocalOrderBook(Venue.LIGHTER, "BTC", BookSequence.LIGHTER_NONCE);
        assertThat(b.apply(update(5, 6, List.of(), List.of()), T)).isEqualTo(LocalOrderBook.Outcome.NOT_SYNCED);
        assertThat(b.apply(snapshot(0, 10), T)).isEqualTo(LocalOrderBook.Outcome.APPLIED);
        assertThat(b.apply(update(10, 12, List.of(l("99", "0"), l("99.5", "4")), List.of(l("102", "5"))), T))
                .isEqualTo(LocalOrderBook.Outcome.APPLIED);
        OrderBook book = b.toOrderBook(5, T).orElseThrow();
        assertThat(book.bestBid()).isEqualByComparingTo("99.5");
        assertThat(book.bids()).hasSize(2); // 99 deleted by size 0
        assertThat(book.asks().get(1).size()).isEqualByComparingTo("5"); // absolute, not added
        assertThat(b.apply(update(11, 12, List.of(), List.of()), T)).isEqualTo(LocalOrderBook.Outcome.REPEAT);
        assertThat(b.apply(update(13, 14, List.of(), List.of()), T)).isEqualTo(LocalOrderBook.Outcome.GAP);
        assertThat(b.isUsable()).isFalse();
        assertThat(b.toOrderBook(5, T)).isEmpty();
        assertThat(b.apply(update(14, 15, List.of(), List.of()), T)).isEqualTo(LocalOrderBook.Outcome.NOT_SYNCED);
        assertThat(b.apply(snapshot(0, 20), T)).isEqualTo(LocalOrderBook.Outcome.APPLIED);
        assertThat(b.isUsable()).isTrue();
    }

    @Test
    void edgexUpdatesChainStartVersionToThePreviousEndVersion() {
        LocalOrderBook b = new LocalOrderBook(Venue.EDGEX, "BTC", BookSequence.EDGEX_VERSION);
        b.apply(snapshot(90, 100), T);
        assertThat(b.apply(update(100, 120, List.of(l("99.9", "1")), List.of()), T)).isEqualTo(LocalOrderBook.Outcome.APPLIED);
        assertThat(b.apply(update(100, 120, List.of(), List.of()), T)).isEqualTo(LocalOrderBook.Outcome.REPEAT);
        assertThat(b.apply(update(123, 130, List.of(), List.of()), T)).isEqualTo(LocalOrderBook.Outcome.GAP);
        assertThat(b.isSynced()).isFalse();
    }

    @Test
    void edgexUpdateStartingOneAfterThePreviousEndIsAGap() {
        // Not the venue's chaining (start == previous end, captures/edgex/ws_depth.json): the 120 -> 121 step is missing.
        LocalOrderBook b = new LocalOrderBook(Venue.EDGEX, "BTC", BookSequence.EDGEX_VERSION);
        b.apply(snapshot(90, 100), T);
        assertThat(b.apply(update(100, 120, List.of(), List.of()), T)).isEqualTo(LocalOrderBook.Outcome.APPLIED);
        assertThat(b.apply(update(121, 130, List.of(), List.of()), T)).isEqualTo(LocalOrderBook.Outcome.GAP);
        assertThat(b.isSynced()).isFalse();
    }

    @Test
    void crossedBookIsInvalidatedAndOneSidedBookIsNotUsable() {
        LocalOrderBook b = new LocalOrderBook(Venue.EDGEX, "ETH", BookSequence.EDGEX_VERSION);
        b.apply(snapshot(1, 2), T);
        assertThat(b.apply(update(2, 3, List.of(l("101.5", "1")), List.of()), T)).isEqualTo(LocalOrderBook.Outcome.CROSSED);
        assertThat(b.isUsable()).isFalse();
        b.apply(new BookDelta(true, 4, 5, List.of(l("99", "1")), List.of()), T);
        assertThat(b.isSynced()).isTrue();
        assertThat(b.isUsable()).as("no ask side").isFalse();
        assertThat(b.apply(update(5, 6, List.of(), List.of(l("100", "1"))), T)).isEqualTo(LocalOrderBook.Outcome.APPLIED);
        assertThat(b.isUsable()).isTrue();
    }
}
