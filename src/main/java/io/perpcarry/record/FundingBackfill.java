package io.perpcarry.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.venue.VenueConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code record --backfill DAYS}: the settled funding history both venues publish (Lighter {@code /api/v1/fundings},
 * EdgeX {@code getFundingRatePage}), written as {@code spec} and {@code settled} lines into the day files, so that a
 * backtest can run on real history at once. Requests go through the connectors' shared rate limiter, one market at a
 * time, with a pause between markets.
 */
public final class FundingBackfill {
    private final List<VenueConnector> venues;
    private final Clock clock;
    private final Duration pause;

    public FundingBackfill(List<VenueConnector> venues, Clock clock, Duration pause) {
        this.venues = List.copyOf(venues);
        this.clock = clock;
        this.pause = pause;
    }

    /** @return settled rates written per "venue symbol" */
    public Map<String, Integer> run(List<String> symbols, int days, Path dir, Consumer<String> progress)
            throws IOException, InterruptedException {
        if (days < 1 || days > 365) {
            throw new IllegalArgumentException("--backfill DAYS must be 1..365, got " + days);
        }
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(days));
        Map<String, List<ObjectNode>> byFile = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        List<MarketSpec> specs = new ArrayList<>();
        for (VenueConnector v : venues) {
            Map<String, MarketSpec> markets = v.markets();
            for (String s : symbols) {
                MarketSpec spec = markets.get(s);
                if (spec == null) {
                    progress.accept(v.venue().displayName() + " " + s + ": not listed, skipped");
                    continue;
                }
                List<FundingQuote> rows = v.settledFundingBetween(s, from, to);
                for (FundingQuote q : rows) {
                    String file = RecordingFormat.fileName(q.observedAt());
                    List<ObjectNode> lines = byFile.computeIfAbsent(file, f -> new ArrayList<>());
                    lines.add(RecordingFormat.settled(q));
                }
                specs.add(spec);
                counts.put(v.venue().displayName() + " " + s, rows.size());
                progress.accept(v.venue().displayName() + " " + s + ": " + rows.size() + " settled rates");
                Thread.sleep(pause.toMillis());
            }
        }
        Files.createDirectories(dir);
        for (Map.Entry<String, List<ObjectNode>> e : byFile.entrySet()) {
            // The specs in every day file, so that any one day can be replayed alone.
            List<ObjectNode> lines = new ArrayList<>();
            specs.forEach(spec -> lines.add(RecordingFormat.spec(dayStart(e.getKey()), spec)));
            lines.addAll(e.getValue());
            Files.write(dir.resolve(e.getKey()), RecordingFormat.gzip(lines), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return counts;
    }

    private static Instant dayStart(String file) {
        String date = file.substring(RecordingFormat.PREFIX.length(), file.length() - RecordingFormat.SUFFIX.length());
        return java.time.LocalDate.parse(date).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }
}
