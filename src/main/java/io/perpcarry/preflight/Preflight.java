package io.perpcarry.preflight;

import io.perpcarry.domain.BookLevel;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.OpenOrder;
import io.perpcarry.venue.VenueConnector;
import io.perpcarry.venue.VenueException;
import io.perpcarry.venue.http.RateLimiter;
import io.perpcarry.venue.http.RateLimits;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Read-only checks of every field, unit and shape the bot depends on, against the configured venues. It sends no
 * transaction: only the public and private reads the daemon itself makes, plus the venues' clocks. The same run
 * serves {@code bin/perpcarry preflight} and the live daemon's start (which refuses to trade on a FAIL).
 */
public final class Preflight {
    /** Lighter's root timestamp has whole seconds; orders and HMAC requests carry the client's time. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(3);
    /** A funding quote beyond 5 % per settlement is a unit mistake (percent read as a fraction), not a market. */
    static final BigDecimal MAX_RATE_PER_INTERVAL = new BigDecimal("0.05");
    /** Levels read from the REST book to check that prices and sizes sit on the market's grid. */
    static final int GRID_DEPTH = 10;

    /** Starts the venues' streams for the symbols each lists (the daemon's are already up). */
    public interface StreamStarter {
        void start(Collection<String> symbols);
    }

    private final Map<Venue, VenueConnector> venues;
    private final StreamStarter streams;
    private final Clock clock;
    private final Duration streamWait;
    private final Duration scanEvery;

    /** {@code scanEvery}: the daemon's scan interval (bot.json scan_interval_seconds), for the request-budget check. */
    public Preflight(Map<Venue, VenueConnector> venues, StreamStarter streams, Clock clock, Duration streamWait,
                     Duration scanEvery) {
        this.venues = new EnumMap<>(venues);
        this.streams = streams;
        this.clock = clock;
        this.streamWait = streamWait;
        this.scanEvery = scanEvery;
    }

    public PreflightReport run(List<String> symbols) throws InterruptedException {
        List<PreflightCheck> out = new ArrayList<>();
        Map<Venue, Map<String, MarketSpec>> markets = new EnumMap<>(Venue.class);
        for (VenueConnector v : venues.values()) {
            String p = prefix(v.venue());
            Map<String, MarketSpec> m = read(out, p + "markets", "perp markets listed", v::markets);
            if (m != null) {
                markets.put(v.venue(), m);
                out.add(m.isEmpty() ? PreflightCheck.fail(p + "markets", "none listed", "at least one perp market")
                        : PreflightCheck.pass(p + "markets", m.size() + " perp markets", "at least one perp market"));
            }
        }
        List<String> common = commonSymbols(symbols, markets, out);
        for (VenueConnector v : venues.values()) {
            Map<String, MarketSpec> m = markets.get(v.venue());
            if (m != null) {
                marketChecks(v, m, common, out);
            }
        }
        for (VenueConnector v : venues.values()) {
            accountChecks(v, out);
            clockCheck(v, out);
        }
        streamChecks(common, out);
        if (!common.isEmpty()) {
            for (VenueConnector v : venues.values()) {
                headroomCheck(v, common, out); // a scan reads the streams' books: after they are up
            }
        }
        return new PreflightReport(out);
    }

    private List<String> commonSymbols(List<String> symbols, Map<Venue, Map<String, MarketSpec>> markets,
                                       List<PreflightCheck> out) {
        List<String> common = new ArrayList<>();
        for (String s : symbols) {
            List<String> where = new ArrayList<>();
            markets.forEach((venue, m) -> {
                MarketSpec spec = m.get(s);
                if (spec != null) {
                    where.add(venue.displayName() + " " + spec.venueMarketId());
                }
            });
            boolean both = where.size() == venues.size();
            if (both) {
                common.add(s);
            }
            out.add(PreflightCheck.pass("market." + s, where.isEmpty() ? "listed on neither venue (not traded)"
                    : String.join(" / ", where) + (both ? "" : " only (not traded)"), "found by symbol"));
        }
        out.add(common.isEmpty()
                ? PreflightCheck.fail("markets.common", "none of " + symbols.size() + " configured symbols on both venues",
                "at least one symbol listed on both")
                : PreflightCheck.pass("markets.common", common.size() + " of " + symbols.size() + " on both: "
                + String.join(", ", common), "at least one symbol listed on both"));
        return common;
    }

    private void marketChecks(VenueConnector v, Map<String, MarketSpec> m, List<String> symbols, List<PreflightCheck> out) {
        String p = prefix(v.venue());
        Map<String, FundingQuote> quotes = read(out, p + "funding", "funding quotes", v::fundingQuotes);
        for (String s : symbols) {
            MarketSpec spec = m.get(s);
            out.add(MarketRules.openable(p + "open." + s, spec));
            out.add(MarketRules.fees(p + "fees." + s, spec));
            OrderBook book = read(out, p + "book." + s, "order book", () -> v.orderBook(s, GRID_DEPTH));
            if (book != null) {
                out.add(MarketRules.grid(p + "grid." + s, spec, book));
            }
            if (quotes != null) {
                out.add(MarketRules.funding(p + "funding." + s, spec, quotes.get(s)));
            }
        }
    }

    /** What one scan of the symbols costs on the venue's shared limiter, against its budget (caches warm by now). */
    private void headroomCheck(VenueConnector v, List<String> symbols, List<PreflightCheck> out) {
        String name = prefix(v.venue()) + "rate";
        RateLimiter limiter = RateLimits.of(v.venue());
        long requests = limiter.requests();
        long units = limiter.unitsSpent();
        if (read(out, name, "one scan (snapshots)", () -> v.snapshots(symbols)) != null) {
            out.add(RateHeadroom.check(name, limiter.budget(), limiter.requests() - requests,
                    limiter.unitsSpent() - units, scanEvery));
        }
    }

    private void accountChecks(VenueConnector v, List<PreflightCheck> out) {
        String p = prefix(v.venue());
        AccountState a = read(out, p + "account", "account (signed read)", v::account);
        if (a != null) {
            out.add(PreflightCheck.pass(p + "account", "equity " + plain(a.equity()) + ", available "
                    + plain(a.availableBalance()), "readable with the configured credentials"));
            List<String> open = a.positions().stream().filter(pos -> !pos.isFlat()).map(Position::label).toList();
            out.add(PreflightCheck.pass(p + "positions", open.isEmpty() ? "flat" : String.join(", ", open), "readable"));
        }
        List<OpenOrder> orders = read(out, p + "orders", "open orders (signed read)", v::openOrders);
        if (orders != null) {
            out.add(PreflightCheck.pass(p + "orders", orders.size() + " open", "readable"));
        }
    }

    private void clockCheck(VenueConnector v, List<PreflightCheck> out) {
        String name = prefix(v.venue()) + "clock";
        Duration skew = read(out, name, "server time", () -> io.perpcarry.venue.ClockSkew.of(v, clock));
        if (skew == null) {
            return;
        }
        boolean ok = skew.abs().compareTo(MAX_CLOCK_SKEW) <= 0;
        out.add(new PreflightCheck(name, ok, "venue clock " + (skew.isNegative() ? "" : "+") + skew.toMillis()
                + " ms from ours", "within " + MAX_CLOCK_SKEW.toSeconds() + " s"));
    }

    private void streamChecks(List<String> symbols, List<PreflightCheck> out) throws InterruptedException {
        if (symbols.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        try {
            streams.start(symbols);
        } catch (VenueException e) {
            venues.keySet().forEach(v -> out.add(PreflightCheck.fail(prefix(v) + "stream", e.getMessage(),
                    "subscribes and delivers a book")));
            return;
        }
        long deadline = start + streamWait.toNanos();
        for (VenueConnector v : venues.values()) {
            List<String> stale = stale(v, symbols);
            while (!stale.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                stale = stale(v, symbols);
            }
            long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
            out.add(stale.isEmpty()
                    ? PreflightCheck.pass(prefix(v.venue()) + "stream", "first books for " + symbols.size()
                    + " symbols within " + ms + " ms", "subscribes and delivers fresh books")
                    : PreflightCheck.fail(prefix(v.venue()) + "stream", "no fresh book after " + streamWait.toSeconds()
                    + " s for " + String.join(", ", stale), "subscribes and delivers fresh books"));
        }
    }

    private static List<String> stale(VenueConnector v, List<String> symbols) {
        return symbols.stream().filter(s -> !v.marketDataFresh(s)).toList();
    }

    /** The read's value, or null after adding a FAIL that names the venue's error. */
    private static <T> T read(List<PreflightCheck> out, String name, String what, Supplier<T> read) {
        try {
            return read.get();
        } catch (VenueException e) {
            out.add(PreflightCheck.fail(name, e.kind() + ": " + e.getMessage(), what + " readable"));
            return null;
        }
    }

    static String prefix(Venue v) {
        return v.name().toLowerCase(java.util.Locale.ROOT) + ".";
    }

    static String plain(BigDecimal d) {
        return d == null ? "?" : d.stripTrailingZeros().toPlainString();
    }

    static boolean onGrid(BigDecimal value, BigDecimal step) {
        return value.remainder(step).signum() == 0;
    }

    static boolean allOnGrid(List<BookLevel> levels, java.util.function.Function<BookLevel, BigDecimal> f, BigDecimal step) {
        return levels.stream().map(f).allMatch(x -> onGrid(x, step));
    }
}
