package io.perpcarry.venue.lighter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.VenueException;
import io.perpcarry.venue.common.BookDelta;
import io.perpcarry.venue.common.BookSequence;
import io.perpcarry.venue.common.LocalOrderBook;
import io.perpcarry.venue.common.VenueJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Recorded live {@code order_book} frames (src/test/resources/captures/lighter/ws_order_book.json, copied from
 * the project's recorded-traffic corpus with its provenance: Lqz13Th/perp_dex tests/fixtures/lighter_book.json, recorded
 * 2026-09-28) through the stream's parser into the shared book.
 */
class LighterBookReplayTest {
    static final Instant T = Instant.parse("2026-09-28T00:00:00Z");

    static JsonNode liveFrames() throws Exception {
        JsonNode all = VenueJson.MAPPER.readTree(Files.readString(Path.of("src/test/resources/captures/lighter/ws_order_book.json")));
        return all.get(0).get("response");
    }

    @Test
    void liveSnapshotAndUpdateParseToTheRecordedValues() throws Exception {
        JsonNode frames = liveFrames();
        assertThat(frames.get(1).get("type").asText()).isEqualTo("subscribed/order_book");
        BookDelta snap = LighterStreams.bookDelta(frames.get(1), true, "t");
        assertThat(snap.first()).isZero();
        assertThat(snap.last()).isEqualTo(23_190_868_060L);
        assertThat(snap.asks().get(0).price()).isEqualByComparingTo("83094.8");
        assertThat(snap.bids().get(0).size()).isEqualByComparingTo("0.00013");
        BookDelta update = LighterStreams.bookDelta(frames.get(2), false, "t");
        assertThat(update.first()).isEqualTo(23_190_868_199L);
        assertThat(update.last()).isEqualTo(23_190_868_251L);
        assertThat(update.asks()).anyMatch(l -> l.price().compareTo(new java.math.BigDecimal("83096.7")) == 0
                && l.size().signum() == 0);
    }

    @Test
    void recordingTrimmedBetweenSnapshotAndUpdateIsAGapAndAChainedUpdateApplies() throws Exception {
        JsonNode frames = liveFrames();
        LocalOrderBook book = new LocalOrderBook(Venue.LIGHTER, "BTC", BookSequence.LIGHTER_NONCE);
        book.apply(LighterStreams.bookDelta(frames.get(1), true, "t"), T);
        // The capture keeps only the 7th update: its begin_nonce is not the snapshot's nonce.
        assertThat(book.apply(LighterStreams.bookDelta(frames.get(2), false, "t"), T)).isEqualTo(LocalOrderBook.Outcome.GAP);

        // The same snapshot as if the six updates in between had been applied: the update now chains.
        ObjectNode chained = frames.get(1).deepCopy();
        ((ObjectNode) chained.get("order_book")).put("nonce", 23_190_868_199L);
        book.apply(LighterStreams.bookDelta(chained, true, "t"), T);
        assertThat(book.apply(LighterStreams.bookDelta(frames.get(2), false, "t"), T))
                .isEqualTo(LocalOrderBook.Outcome.APPLIED);
        OrderBook b = book.toOrderBook(50, T).orElseThrow();
        assertThat(b.bestAsk()).isEqualByComparingTo("83091.3");
        assertThat(b.asks()).noneMatch(l -> l.price().compareTo(new java.math.BigDecimal("83096.7")) == 0);
        assertThat(b.bestBid()).isLessThan(b.bestAsk());
    }

    @Test
    void anUpdateWithoutBeginNonceIsRefusedNamingTheField() throws Exception {
        ObjectNode frame = liveFrames().get(2).deepCopy();
        ((ObjectNode) frame.get("order_book")).remove("begin_nonce");
        VenueException e = Assertions.catchThrowableOfType(() -> LighterStreams.bookDelta(frame, false, "order_book:1"),
                VenueException.class);
        assertThat(e.getMessage()).contains("order_book:1").contains("'begin_nonce'");
    }
}
