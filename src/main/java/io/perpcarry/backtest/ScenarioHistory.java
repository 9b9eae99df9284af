package io.perpcarry.backtest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.domain.BookLevel;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.Venue;
import io.perpcarry.emulator.MutableClock;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.emulator.engine.Exchange;
import io.perpcarry.emulator.engine.FundingEstimate;
import io.perpcarry.emulator.engine.FundingSettlement;
import io.perpcarry.emulator.engine.MarketEngine;
import io.perpcarry.emulator.engine.OrderBookSnapshot;
import io.perpcarry.emulator.engine.VenueMarket;
import io.perpcarry.emulator.scenario.Scenario;
import io.perpcarry.emulator.scenario.ScenarioLoader;
import io.perpcarry.record.MarketRecorder;
import io.perpcarry.record.RecordingFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An emulator scenario (docs/emulator-scenario.md) as a third backtest source: the emulators' market engine runs the
 * scenario in process on a simulated clock from {@link #START}, and what the recorder would have written is written in
 * the recording format: specs once per day, every {@code every} the funding quotes, books (top
 * {@value MarketRecorder#DEPTH} levels) and volumes, and every settlement (with the scenario's history before the
 * start), the price walk in one-minute steps ({@link #coarse}). Same scenario and span, same bytes. Values are the engine's own, in the units the emulators serve them
 * (Lighter quotes per 8 h and settles hourly; EdgeX per interval), not read back through the connectors.
 */
public final class ScenarioHistory {
    /** Scenario time 0: fixed, so that the same scenario gives the same report. */
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private ScenarioHistory() {
    }

    /** Runs {@code scenarioFile} for {@code span}, writes the recordings into {@code dir} (empty or new). */
    public static MarketHistory record(Path scenarioFile, Duration span, Duration every, Path dir) throws IOException {
        if (span.isNegative() || span.isZero() || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("scenario span and sampling interval must be positive");
        }
        Scenario scenario = coarse(ScenarioLoader.load(scenarioFile));
        MutableClock clock = new MutableClock(START);
        MarketEngine engine = new MarketEngine(scenario, clock);
        Map<String, List<ObjectNode>> files = new LinkedHashMap<>();
        LocalDate specsDay = null;
        for (Instant t = START; !t.isAfter(START.plus(span)); t = t.plus(every)) {
            clock.set(t);
            engine.syncTo(t);
            LocalDate day = t.atZone(ZoneOffset.UTC).toLocalDate();
            List<ObjectNode> lines = files.computeIfAbsent(RecordingFormat.fileName(t), f -> new ArrayList<>());
            for (VenueId id : VenueId.values()) {
                Exchange ex = engine.venue(id);
                for (VenueMarket m : ex.markets()) {
                    MarketSpec spec = spec(m);
                    if (!day.equals(specsDay)) {
                        lines.add(RecordingFormat.spec(t, spec));
                    }
                    lines.add(RecordingFormat.quote(t, snapshot(ex, m, spec, t), MarketRecorder.DEPTH));
                }
            }
            specsDay = day;
        }
        for (VenueId id : VenueId.values()) {
            Exchange ex = engine.venue(id);
            for (VenueMarket m : ex.markets()) {
                List<FundingSettlement> settled = new ArrayList<>(ex.fundingHistory(m.symbol(), null,
                        START.plus(span).plusSeconds(1), Integer.MAX_VALUE));
                settled.sort(Comparator.comparing(FundingSettlement::time));
                for (FundingSettlement s : settled) {
                    FundingQuote q = new FundingQuote(venue(id), m.symbol(), s.ratePerSettlement(),
                            Duration.ofMinutes(m.settlementMinutes()), s.time());
                    files.computeIfAbsent(RecordingFormat.fileName(s.time()), f -> new ArrayList<>())
                            .add(RecordingFormat.settled(q));
                }
            }
        }
        Files.createDirectories(dir);
        for (Map.Entry<String, List<ObjectNode>> f : files.entrySet()) {
            Files.write(dir.resolve(f.getKey()), RecordingFormat.gzip(f.getValue()), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        }
        return MarketHistory.read(dir);
    }

    /**
     * One-minute steps when the funding tick allows (the emulator's 1 s steps would take minutes per simulated day):
     * the price walk is drawn per minute with the same volatility, funding ticks and settlements are unchanged.
     */
    public static Scenario coarse(Scenario s) {
        Duration minute = Duration.ofMinutes(1);
        if (s.step().compareTo(minute) >= 0 || s.fundingTick().toMillis() % minute.toMillis() != 0) {
            return s;
        }
        return new Scenario(s.seed(), s.timeScale(), minute, s.fundingTick(), s.fundingHistory(), s.markets(),
                s.lighterAccounts(), s.edgexAccounts(), s.faults());
    }

    private static Venue venue(VenueId id) {
        return id == VenueId.LIGHTER ? Venue.LIGHTER : Venue.EDGEX;
    }

    private static MarketSpec spec(VenueMarket m) {
        return new MarketSpec(venue(m.venue()), m.symbol(), m.venueMarketId(), m.tickSize(), m.stepSize(), m.minSize(),
                m.minNotional(), m.takerFee(), m.makerFee(), Duration.ofMinutes(m.settlementMinutes()));
    }

    private static MarketSnapshot snapshot(Exchange ex, VenueMarket m, MarketSpec spec, Instant t) {
        FundingEstimate f = ex.funding(m.symbol());
        OrderBookSnapshot b = ex.book(m.symbol(), MarketRecorder.DEPTH);
        OrderBook book = new OrderBook(spec.venue(), m.symbol(), levels(b.bids()), levels(b.asks()), t);
        FundingQuote quote = new FundingQuote(spec.venue(), m.symbol(), f.rate(), Duration.ofMinutes(f.ratePeriodMinutes()), t);
        return new MarketSnapshot(spec, quote, book, ex.stats(m.symbol()).volume24hQuote());
    }

    private static List<BookLevel> levels(List<io.perpcarry.emulator.engine.BookLevel> in) {
        return in.stream().map(l -> new BookLevel(l.price(), l.size())).toList();
    }
}
