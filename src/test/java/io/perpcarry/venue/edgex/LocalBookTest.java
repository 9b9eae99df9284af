package io.perpcarry.venue.edgex;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalBookTest {
    static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    static EdgexMapper.Level l(String p, String s) {
        return new EdgexMapper.Level(new BigDecimal(p), new BigDecimal(s));
    }

    static EdgexMapper.Depth snapshot(long v) {
        return new EdgexMapper.Depth("1", true, v, v, List.of(l("99", "1"), l("98", "2")), List.of(l("101", "1"), l("102", "3")));
    }

    static EdgexMapper.Depth changed(long from, long to, List<EdgexMapper.Level> bids, List<EdgexMapper.Level> asks) {
        return new EdgexMapper.Depth("1", false, from, to, bids, asks);
    }

    @Test
    void changesSetAbsoluteSizesAndZeroRemoves() {
        LocalBook b = new LocalBook("BTC");
        assertThat(b.apply(snapshot(10), T)).isEqualTo(LocalBook.Applied.OK);
        assertThat(b.apply(changed(11, 12, List.of(l("99", "0"), l("98.5", "4")), List.of(l("101", "0.5"))), T))
                .isEqualTo(LocalBook.Applied.OK);
        var book = b.toOrderBook(5, T);
        assertThat(book.bestBid()).isEqualByComparingTo("98.5");
        assertThat(book.bids()).hasSize(2);
        assertThat(book.asks().get(0).size()).isEqualByComparingTo("0.5");
    }

    @Test
    void updateBeforeSnapshotIsIgnored() {
        LocalBook b = new LocalBook("BTC");
        assertThat(b.apply(changed(1, 2, List.of(l("99", "1")), List.of(l("100", "1"))), T)).isEqualTo(LocalBook.Applied.NOT_SYNCED);
        assertThat(b.usable()).isFalse();
    }

    @Test
    void gapMakesTheBookUnusableUntilTheNextSnapshot() {
        LocalBook b = new LocalBook("BTC");
        b.apply(snapshot(10), T);
        assertThat(b.apply(changed(13, 14, List.of(l("99", "5")), List.of()), T)).isEqualTo(LocalBook.Applied.GAP);
        assertThat(b.usable()).isFalse();
        assertThat(b.apply(changed(15, 15, List.of(l("99", "5")), List.of()), T)).isEqualTo(LocalBook.Applied.NOT_SYNCED);
        assertThat(b.apply(snapshot(20), T)).isEqualTo(LocalBook.Applied.OK);
        assertThat(b.usable()).isTrue();
    }

    @Test
    void replayedUpdateIsIgnored() {
        LocalBook b = new LocalBook("BTC");
        b.apply(snapshot(10), T);
        b.apply(changed(11, 12, List.of(l("99", "7")), List.of()), T);
        assertThat(b.apply(changed(11, 12, List.of(l("99", "1")), List.of()), T)).isEqualTo(LocalBook.Applied.STALE_DUPLICATE);
        assertThat(b.toOrderBook(1, T).bids().get(0).size()).isEqualByComparingTo("7");
    }

    @Test
    void crossedBookIsThrownAway() {
        LocalBook b = new LocalBook("BTC");
        b.apply(snapshot(10), T);
        assertThat(b.apply(changed(11, 11, List.of(l("101.5", "1")), List.of()), T)).isEqualTo(LocalBook.Applied.CROSSED);
        assertThat(b.usable()).isFalse();
    }
}
