package io.perpcarry.venue.edgex;

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
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Recorded live depth frames (src/test/resources/captures/edgex/ws_depth.json, copied from
 * the project's recorded-traffic corpus with its provenance: Lqz13Th/perp_dex tests/fixtures/edgex_book.json, recorded
 * 2026-09-28) through the stream's parser into the shared book: "Snapshot" then lower-case "changed", each
 * startVersion equal to the previous endVersion.
 */
class EdgexDepthReplayTest {
    static final Instant T = Instant.parse("2026-09-28T00:00:00Z");

    static JsonNode capture(int entry) throws Exception {
        return VenueJson.MAPPER.readTree(Files.readString(Path.of("src/test/resources/captures/edgex/ws_depth.json")))
                .get(entry);
    }

    static List<BookDelta> deltas(JsonNode frame) {
        return EdgexStreams.depthDeltas(frame.get("content"), "t");
    }

    @Test
    void liveFramesChainAndTheTrimmedFrameShowsAsAGap() throws Exception {
        JsonNode frames = capture(0).get("response");
        LocalOrderBook book = new LocalOrderBook(Venue.EDGEX, "BTC", BookSequence.EDGEX_VERSION);
        BookDelta snap = deltas(frames.get(2)).get(0);
        assertThat(snap.snapshot()).isTrue();
        assertThat(snap.first()).isEqualTo(2_070_263_027L);
        assertThat(snap.last()).isEqualTo(2_070_263_104L);
        assertThat(book.apply(snap, T)).isEqualTo(LocalOrderBook.Outcome.APPLIED);
        assertThat(frames.get(3).get("content").get("dataType").asText()).isEqualTo("changed");
        assertThat(book.apply(deltas(frames.get(3)).get(0), T)).isEqualTo(LocalOrderBook.Outcome.APPLIED);
        assertThat(book.apply(deltas(frames.get(4)).get(0), T)).isEqualTo(LocalOrderBook.Outcome.APPLIED);
        OrderBook b = book.toOrderBook(15, T).orElseThrow();
        assertThat(b.bestBid()).isLessThan(b.bestAsk());
        assertThat(b.asks().get(0).price()).isEqualByComparingTo("82899.7");
        // The recording's 3rd changed frame (…349 → …351) was trimmed: the kept 4th starts at …351.
        assertThat(book.apply(deltas(frames.get(5)).get(0), T)).isEqualTo(LocalOrderBook.Outcome.GAP);
        assertThat(book.toOrderBook(15, T)).isEmpty();
    }

    @Test
    void aChangedFrameWithBothSidesEmptyParses() throws Exception {
        JsonNode mock = capture(1).get("response");
        JsonNode frame = mock.has("content") ? mock : mock.get(0);
        List<BookDelta> d = deltas(frame);
        assertThat(d).isNotEmpty();
    }

    @Test
    void unknownDataTypeOrDisagreeingDepthTypeIsRefused() throws Exception {
        ObjectNode frame = capture(0).get("response").get(3).deepCopy();
        ((ObjectNode) frame.get("content")).put("dataType", "delta");
        assertThat(Assertions.catchThrowableOfType(() -> deltas(frame), VenueException.class).getMessage())
                .contains("dataType");
        ObjectNode other = capture(0).get("response").get(3).deepCopy();
        ((ObjectNode) other.get("content").get("data").get(0)).put("depthType", "SNAPSHOT");
        assertThat(Assertions.catchThrowableOfType(() -> deltas(other), VenueException.class).getMessage())
                .contains("depthType");
        ObjectNode noVersion = capture(0).get("response").get(3).deepCopy();
        ((ObjectNode) noVersion.get("content").get("data").get(0)).remove("startVersion");
        assertThat(Assertions.catchThrowableOfType(() -> deltas(noVersion), VenueException.class).getMessage())
                .contains("'startVersion'");
    }
}
