package io.perpcarry.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.VenueConnector;
import io.perpcarry.venue.VenueException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the record routes write (routes/record.yaml): every configured symbol on both venues, read through the same
 * connectors as the daemon, public reads only. {@link #quotes} is one pass of funding quotes, books and volumes (with
 * the market specs once per day file); {@link #settled} the settled funding rates not recorded yet. A venue that
 * cannot be read leaves a {@code gap} line, so a backtest knows the hole is a hole.
 */
public final class MarketRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(MarketRecorder.class);
    /** Levels kept per side: enough to walk a book for the configured notional on liquid markets. */
    public static final int DEPTH = 10;
    private static final java.time.Duration LOOK_BACK = java.time.Duration.ofHours(12);

    private final List<VenueConnector> venues;
    private final List<String> symbols;
    private final Clock clock;
    private final Map<Venue, LocalDate> specsWritten = new EnumMap<>(Venue.class);
    private final Map<String, Instant> lastSettled = new HashMap<>();
    private long quietUntilNanos = System.nanoTime();

    public MarketRecorder(List<VenueConnector> venues, List<String> symbols, Clock clock) {
        this.venues = List.copyOf(venues);
        this.symbols = List.copyOf(symbols);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records nothing: bound when the daemon runs with {@code record_market_data: false}. */
    public static MarketRecorder idle(Clock clock) {
        return new MarketRecorder(List.of(), List.of(), clock);
    }

    /** Records nothing for this long (wall time): in the daemon, reconciling and trading come first. */
    public MarketRecorder quietFor(java.time.Duration d) {
        this.quietUntilNanos = System.nanoTime() + d.toNanos();
        return this;
    }

    private boolean quiet() {
        return System.nanoTime() - quietUntilNanos < 0;
    }

    public synchronized RecordBatch quotes() {
        Instant t = clock.instant();
        if (quiet()) {
            return batch(t, List.of());
        }
        LocalDate day = t.atZone(ZoneOffset.UTC).toLocalDate();
        List<ObjectNode> lines = new ArrayList<>();
        for (VenueConnector v : venues) {
            try {
                Map<String, MarketSpec> markets = v.markets();
                List<String> listed = symbols.stream().filter(markets::containsKey).toList();
                if (!day.equals(specsWritten.get(v.venue()))) {
                    listed.forEach(s -> lines.add(RecordingFormat.spec(t, markets.get(s))));
                    specsWritten.put(v.venue(), day);
                }
                Map<String, MarketSnapshot> snaps = v.snapshots(listed);
                for (String s : listed) {
                    MarketSnapshot snap = snaps.get(s);
                    if (snap != null) {
                        lines.add(RecordingFormat.quote(t, snap, DEPTH));
                    }
                }
            } catch (VenueException e) {
                LOG.warn("recorder: {} not read: {}", v.venue().displayName(), e.getMessage());
                lines.add(RecordingFormat.gap(t, v.venue(), e.getMessage()));
            }
        }
        return batch(t, lines);
    }

    /** Settled rates newer than the last recorded per market: 1 request per symbol and venue. */
    public synchronized RecordBatch settled() {
        Instant t = clock.instant();
        if (quiet()) {
            return batch(t, List.of());
        }
        List<ObjectNode> lines = new ArrayList<>();
        for (VenueConnector v : venues) {
            for (String s : symbols) {
                try {
                    if (!v.markets().containsKey(s)) {
                        continue;
                    }
                    // On the recorder's clock (the engine's: an emulator's may run ahead of the wall clock); the
                    // look-back covers passes missed while a venue was down. 1 request per market on each venue.
                    List<FundingQuote> rows = v.settledFundingBetween(s, t.minus(LOOK_BACK), t.plusSeconds(1));
                    String key = v.venue().wireName() + "/" + s;
                    for (FundingQuote q : rows) {
                        Instant last = lastSettled.get(key);
                        if (last == null || q.observedAt().isAfter(last)) {
                            lines.add(RecordingFormat.settled(q));
                            lastSettled.put(key, q.observedAt());
                        }
                    }
                } catch (VenueException e) {
                    LOG.warn("recorder: settled funding of {} {} not read: {}", v.venue().displayName(), s, e.getMessage());
                    lines.add(RecordingFormat.gap(t, v.venue(), "settled funding of " + s + ": " + e.getMessage()));
                }
            }
        }
        return batch(t, lines);
    }

    private static RecordBatch batch(Instant t, List<ObjectNode> lines) {
        return new RecordBatch(RecordingFormat.fileName(t), lines.isEmpty() ? new byte[0] : RecordingFormat.gzip(lines),
                lines.size());
    }
}
