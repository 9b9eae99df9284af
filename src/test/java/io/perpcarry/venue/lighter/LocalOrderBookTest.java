package io.perpcarry.venue.lighter;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.venue.lighter.LocalOrderBook.LevelChange;
import io.perpcarry.venue.lighter.LocalOrderBook.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalOrderBookTest {
    static final Instant T = Instant.parse("2026-11-24T12:00:00Z");

    static LevelChange l(String price, String size) {
        return new LevelChange(new BigDecimal(price), new BigDecimal(size));
    }

    LocalOrderBook synced() {
        LocalOrderBook b = new LocalOrderBook("BTC");
        b.applySnapshot(List.of(l("99.0", "1"), l("98.0", "2")), List.of(l("101.0", "1"), l("102.0", "3")), 10L, T);
        return b;
    }

    @Test
    void updatesChangeAndDeleteLevelsMatchedByValueNotText() {
        LocalOrderBook b = synced();
        assertThat(b.applyUpdate(List.of(l("99.00", "0"), l("99.5", "4")), List.of(l("101.0", "0.5")), 10L, 13L, T))
                .isEqualTo(Outcome.APPLIED);
        var book = b.toOrderBook(5, T).orElseThrow();
        assertThat(book.bids()).extracting(x -> x.price().toPlainString()).containsExactly("99.5", "98.0");
        assertThat(book.asks().get(0).size()).isEqualByComparingTo("0.5");
        assertThat(b.toOrderBook(1, T).orElseThrow().asks()).hasSize(1);
    }

    @Test
    void aNonceGapMakesTheBookUnusableUntilTheNextSnapshot() {
        LocalOrderBook b = synced();
        assertThat(b.applyUpdate(List.of(l("99.5", "1")), List.of(), 11L, 14L, T)).isEqualTo(Outcome.GAP);
        assertThat(b.isSynced()).isFalse();
        assertThat(b.toOrderBook(5, T)).isEmpty();
        assertThat(b.applyUpdate(List.of(), List.of(), 14L, 15L, T)).isEqualTo(Outcome.GAP); // still waiting
        b.applySnapshot(List.of(l("99.0", "1")), List.of(l("100.0", "1")), 20L, T);
        assertThat(b.applyUpdate(List.of(), List.of(l("100.0", "2")), 20L, 21L, T)).isEqualTo(Outcome.APPLIED);
    }

    @Test
    void aCrossedOrOneSidedBookIsAGap() {
        LocalOrderBook crossed = synced();
        assertThat(crossed.applyUpdate(List.of(l("101.5", "1")), List.of(), 10L, 11L, T)).isEqualTo(Outcome.GAP);
        LocalOrderBook empty = synced();
        assertThat(empty.applyUpdate(List.of(), List.of(l("101.0", "0"), l("102.0", "0")), 10L, 11L, T))
                .isEqualTo(Outcome.GAP);
        LocalOrderBook emptySnapshot = new LocalOrderBook("BTC");
        emptySnapshot.applySnapshot(List.of(), List.of(l("1", "1")), 1L, T);
        assertThat(emptySnapshot.isSynced()).isFalse();
    }

    @Test
    void updatesWithoutNoncesAreApplied() {
        LocalOrderBook b = new LocalOrderBook("BTC");
        b.applySnapshot(List.of(l("99", "1")), List.of(l("101", "1")), null, T);
        assertThat(b.applyUpdate(List.of(l("99", "2")), List.of(), null, null, T)).isEqualTo(Outcome.APPLIED);
    }
}
