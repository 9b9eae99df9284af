package io.perpcarry.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.Venue;
import io.perpcarry.record.RecordingFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A recordings directory read back: market specs, the recorded passes (quotes, books, volumes) by time, and the settled
 * funding rates by market. Lines are de-duplicated (a backfill and a recorder may both write a settlement); a line of
 * an unknown version is refused rather than guessed at.
 */
public final class MarketHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** venue → symbol → the latest spec recorded. */
    final Map<Venue, Map<String, MarketSpec>> specs = new EnumMap<>(Venue.class);
    /** pass time → venue → symbol → snapshot. */
    final NavigableMap<Instant, Map<Venue, Map<String, MarketSnapshot>>> passes = new TreeMap<>();
    /** venue → symbol → settlement time → rate per settlement. */
    final Map<Venue, Map<String, NavigableMap<Instant, FundingQuote>>> settled = new EnumMap<>(Venue.class);
    private final String source;

    private MarketHistory(String source) {
        this.source = source;
    }

    /** Every {@code market-*.jsonl.gz} in {@code dir}, in name (= day) order. */
    public static MarketHistory read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no recordings directory " + dir
                    + " (record first: bin/perpcarry record, or record --backfill DAYS)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().startsWith(RecordingFormat.PREFIX)
                    && p.getFileName().toString().endsWith(RecordingFormat.SUFFIX)).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no " + RecordingFormat.PREFIX + "*" + RecordingFormat.SUFFIX + " files in " + dir);
        }
        MarketHistory h = new MarketHistory(dir.toString());
        List<JsonNode> quotes = new ArrayList<>();
        for (Path f : files) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)),
                    StandardCharsets.UTF_8))) {
                String line;
                int n = 0;
                while ((line = r.readLine()) != null) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    String where = f.getFileName() + " line " + n;
                    JsonNode o = JSON.readTree(line);
                    if (o.path("v").asInt() != RecordingFormat.VERSION) {
                        throw new IllegalArgumentException(where + ": recording format version " + o.path("v").asText()
                                + " is not " + RecordingFormat.VERSION);
                    }
                    try {
                        switch (o.path("kind").asText()) {
                            case "spec" -> {
                                MarketSpec s = RecordingFormat.readSpec(o);
                                h.specs.computeIfAbsent(s.venue(), v -> new TreeMap<>()).put(s.symbol(), s);
                            }
                            case "settled" -> {
                                FundingQuote q = RecordingFormat.readSettled(o);
                                h.settled.computeIfAbsent(q.venue(), v -> new TreeMap<>())
                                        .computeIfAbsent(q.symbol(), s -> new TreeMap<>()).put(q.observedAt(), q);
                            }
                            case "quote" -> quotes.add(o);
                            case "gap" -> { } // the venue is simply absent from that pass
                            default -> throw new IllegalArgumentException("unknown kind '" + o.path("kind").asText() + "'");
                        }
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        // Quotes after every spec is known: a day file's specs come before its quotes, but be lenient on order.
        for (JsonNode o : quotes) {
            Venue v = RecordingFormat.venue(o);
            MarketSpec spec = h.specs.getOrDefault(v, Map.of()).get(o.get("symbol").asText());
            if (spec == null) {
                throw new IllegalArgumentException("quote of " + v + " " + o.get("symbol").asText() + " at "
                        + o.get("t").asText() + " without a spec line");
            }
            MarketSnapshot s = RecordingFormat.readQuote(o, spec);
            h.passes.computeIfAbsent(s.book().observedAt(), t -> new EnumMap<>(Venue.class))
                    .computeIfAbsent(v, x -> new TreeMap<>()).put(s.symbol(), s);
        }
        return h;
    }

    /** True when books were recorded: fills walk them. False: funding history only, the cost model applies. */
    public boolean hasBooks() {
        return !passes.isEmpty();
    }

    public String source() {
        return source;
    }

    public MarketSpec spec(Venue v, String symbol) {
        return specs.getOrDefault(v, Map.of()).get(symbol);
    }

    /** Settlements of one market in (after, upTo]. */
    public NavigableMap<Instant, FundingQuote> settlements(Venue v, String symbol, Instant after, Instant upTo) {
        NavigableMap<Instant, FundingQuote> m = settled.getOrDefault(v, Map.of()).get(symbol);
        return m == null ? new TreeMap<>() : m.subMap(after, false, upTo, true);
    }

    /** The last settlement of one market at or before {@code t}. */
    public FundingQuote lastSettled(Venue v, String symbol, Instant t) {
        NavigableMap<Instant, FundingQuote> m = settled.getOrDefault(v, Map.of()).get(symbol);
        if (m == null) {
            return null;
        }
        Map.Entry<Instant, FundingQuote> e = m.floorEntry(t);
        return e == null ? null : e.getValue();
    }

    /** Earliest and latest time with data. */
    public Instant first() {
        Instant t = passes.isEmpty() ? null : passes.firstKey();
        for (Map<String, NavigableMap<Instant, FundingQuote>> bySymbol : settled.values()) {
            for (NavigableMap<Instant, FundingQuote> m : bySymbol.values()) {
                if (!m.isEmpty() && (t == null || m.firstKey().isBefore(t)) && passes.isEmpty()) {
                    t = m.firstKey();
                }
            }
        }
        if (t == null) {
            throw new IllegalArgumentException("the recordings in " + source + " hold neither quotes nor settled funding");
        }
        return t;
    }

    public Instant last() {
        Instant t = passes.isEmpty() ? null : passes.lastKey();
        for (Map<String, NavigableMap<Instant, FundingQuote>> bySymbol : settled.values()) {
            for (NavigableMap<Instant, FundingQuote> m : bySymbol.values()) {
                if (!m.isEmpty() && (t == null || m.lastKey().isAfter(t)) && passes.isEmpty()) {
                    t = m.lastKey();
                }
            }
        }
        if (t == null) {
            throw new IllegalArgumentException("the recordings in " + source + " hold neither quotes nor settled funding");
        }
        return t;
    }

    /** Symbols with a spec on both venues, sorted. */
    public List<String> symbols() {
        return specs.getOrDefault(Venue.LIGHTER, Map.of()).keySet().stream()
                .filter(s -> specs.getOrDefault(Venue.EDGEX, Map.of()).containsKey(s)).sorted().toList();
    }
}
