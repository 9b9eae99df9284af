package io.perpcarry.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.domain.BookLevel;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.Venue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The recordings' line format, version 1 (docs/recordings.md): one JSON object per line, gzip, one file per UTC day
 * ({@code market-YYYY-MM-DD.jsonl.gz}); each write appends one gzip member, which any gzip reader concatenates. Numbers
 * are strings with their exact digits; times ISO-8601 UTC; every line carries {@code v} and {@code kind}.
 */
public final class RecordingFormat {
    public static final int VERSION = 1;
    public static final String PREFIX = "market-";
    public static final String SUFFIX = ".jsonl.gz";
    static final ObjectMapper JSON = new ObjectMapper();

    private RecordingFormat() {
    }

    /** The day file a line recorded at {@code t} goes to. */
    public static String fileName(Instant t) {
        return PREFIX + t.atZone(ZoneOffset.UTC).toLocalDate() + SUFFIX;
    }

    public static ObjectNode spec(Instant t, MarketSpec s) {
        ObjectNode o = head("spec", t, s.venue(), s.symbol());
        o.put("market_id", s.venueMarketId());
        o.put("price_tick", plain(s.priceTick()));
        o.put("size_step", plain(s.sizeStep()));
        o.put("min_base", plain(s.minBaseSize()));
        o.put("min_quote", plain(s.minQuoteNotional()));
        o.put("taker_fee", plain(s.takerFeeRate()));
        o.put("maker_fee", plain(s.makerFeeRate()));
        o.put("funding_interval_s", s.fundingInterval().getSeconds());
        return o;
    }

    /** The current funding quote (venue's quoting unit), the top {@code depth} levels of each side, 24 h volume. */
    public static ObjectNode quote(Instant t, MarketSnapshot s, int depth) {
        ObjectNode o = head("quote", t, s.venue(), s.symbol());
        o.put("rate", plain(s.funding().rate()));
        o.put("interval_s", s.funding().interval().getSeconds());
        o.put("volume_24h", plain(s.volume24hUsd()));
        o.set("bids", levels(s.book().bids(), depth));
        o.set("asks", levels(s.book().asks(), depth));
        return o;
    }

    /** A settled funding rate: the signed fraction each settlement exchanged, stamped with the settlement time. */
    public static ObjectNode settled(FundingQuote q) {
        ObjectNode o = head("settled", q.observedAt(), q.venue(), q.symbol());
        o.put("rate", plain(q.rate()));
        o.put("interval_s", q.interval().getSeconds());
        return o;
    }

    /** A venue that could not be read at {@code t}: a hole in the data, not a market without quotes. */
    public static ObjectNode gap(Instant t, Venue venue, String reason) {
        ObjectNode o = JSON.createObjectNode();
        o.put("v", VERSION);
        o.put("kind", "gap");
        o.put("t", t.toString());
        o.put("venue", venue.wireName());
        o.put("reason", reason);
        return o;
    }

    /** One gzip member holding the lines, each followed by a newline. */
    public static byte[] gzip(List<ObjectNode> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (ObjectNode line : lines) {
                gz.write(JSON.writeValueAsString(line).getBytes(StandardCharsets.UTF_8));
                gz.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress a recording batch", e);
        }
        return bytes.toByteArray();
    }

    // ---- reading ----

    public static MarketSpec readSpec(JsonNode o) {
        return new MarketSpec(venue(o), o.get("symbol").asText(), o.get("market_id").asText(), dec(o, "price_tick"),
                dec(o, "size_step"), dec(o, "min_base"), dec(o, "min_quote"), dec(o, "taker_fee"), dec(o, "maker_fee"),
                Duration.ofSeconds(o.get("funding_interval_s").asLong()));
    }

    public static FundingQuote readSettled(JsonNode o) {
        return new FundingQuote(venue(o), o.get("symbol").asText(), dec(o, "rate"),
                Duration.ofSeconds(o.get("interval_s").asLong()), time(o));
    }

    public static MarketSnapshot readQuote(JsonNode o, MarketSpec spec) {
        Instant t = time(o);
        FundingQuote f = new FundingQuote(spec.venue(), spec.symbol(), dec(o, "rate"),
                Duration.ofSeconds(o.get("interval_s").asLong()), t);
        OrderBook book = new OrderBook(spec.venue(), spec.symbol(), readLevels(o.get("bids")), readLevels(o.get("asks")), t);
        return new MarketSnapshot(spec, f, book, dec(o, "volume_24h"));
    }

    public static Venue venue(JsonNode o) {
        return Venue.fromWire(o.get("venue").asText());
    }

    public static Instant time(JsonNode o) {
        return Instant.parse(o.get("t").asText());
    }

    static BigDecimal dec(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("recording line of kind " + o.path("kind").asText() + " has no " + field);
        }
        return new BigDecimal(n.asText());
    }

    private static List<BookLevel> readLevels(JsonNode arr) {
        List<BookLevel> out = new ArrayList<>();
        for (JsonNode l : arr) {
            out.add(new BookLevel(new BigDecimal(l.get(0).asText()), new BigDecimal(l.get(1).asText())));
        }
        return out;
    }

    private static ObjectNode head(String kind, Instant t, Venue venue, String symbol) {
        ObjectNode o = JSON.createObjectNode();
        o.put("v", VERSION);
        o.put("kind", kind);
        o.put("t", t.toString());
        o.put("venue", venue.wireName());
        o.put("symbol", symbol);
        return o;
    }

    private static ArrayNode levels(List<BookLevel> levels, int depth) {
        ArrayNode arr = JSON.createArrayNode();
        for (BookLevel l : levels.subList(0, Math.min(depth, levels.size()))) {
            arr.add(JSON.createArrayNode().add(plain(l.price())).add(plain(l.size())));
        }
        return arr;
    }

    private static String plain(BigDecimal d) {
        return d.toPlainString();
    }
}
