package io.perpcarry.app;

import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.VenueConnector;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * One market's funding on both venues: the current rate in the venue's own unit and as APR, the last settled
 * rates, and which way a carry would face (short the higher rate). 2 REST requests a venue (+ markets).
 */
@Command(name = "funding", description = "Current and last settled funding of one symbol on both venues.")
public final class FundingCommand extends VenueCommand {
    @Parameters(index = "0", paramLabel = "SYMBOL", description = "Base symbol, e.g. BTC")
    String symbol;

    @Option(names = "--settled", paramLabel = "N", defaultValue = "8", description = "Settled rates to show per venue (default: 8)")
    int settled;

    public FundingCommand() {
        this(VenueSession::open);
    }

    FundingCommand(SessionOpener opener) {
        super(opener);
    }

    @Override
    int run(VenueSession session, PrintWriter out) {
        if (settled < 1 || settled > 100) {
            throw CommandFailure.usage("--settled must be 1..100, got " + settled);
        }
        String sym = symbol.trim().toUpperCase(Locale.ROOT);
        CommandSupport.requireListedSomewhere(List.of(sym), CommandSupport.listedAnywhere(session));
        Map<Venue, FundingQuote> current = new LinkedHashMap<>();
        Map<Venue, List<FundingQuote>> history = new LinkedHashMap<>();
        for (VenueConnector v : session.venues()) {
            if (!v.markets().containsKey(sym)) {
                continue;
            }
            FundingQuote q = v.fundingQuotes().get(sym);
            if (q == null) {
                throw new CommandFailure(CommandSupport.EXIT_VENUE, v.venue().displayName() + " lists " + sym
                        + " but quotes no funding rate for it");
            }
            current.put(v.venue(), q);
            history.put(v.venue(), v.settledFunding(sym, settled));
        }
        FundingView view = new FundingView(sym, current, history);
        out.print(json ? CommandSupport.json(view.toJson()) + "\n" : view.render());
        return 0;
    }

    /** The data of one market's funding, and its two renderings. Package-private for unit tests. */
    record FundingView(String symbol, Map<Venue, FundingQuote> current, Map<Venue, List<FundingQuote>> settled) {

        /** "0.000096 per 8h" — Lighter's settled rows are read as percent per hour, the unit /fundings uses. */
        static String nativeUnit(FundingQuote q, boolean settledRow) {
            if (q.venue() == Venue.LIGHTER && settledRow) {
                return plain(q.hourlyRate().movePointRight(2)) + " %/h";
            }
            return plain(q.rate()) + " per " + interval(q);
        }

        private static String interval(FundingQuote q) {
            long min = q.interval().toMinutes();
            return min % 60 == 0 ? (min / 60) + "h" : min + "min";
        }

        /** Short the venue paying the higher hourly rate; empty when only one venue lists the symbol. */
        java.util.Optional<Venue> shortVenue() {
            if (current.size() < 2) {
                return java.util.Optional.empty();
            }
            int cmp = current.get(Venue.LIGHTER).hourlyRate().compareTo(current.get(Venue.EDGEX).hourlyRate());
            return java.util.Optional.of(cmp > 0 ? Venue.LIGHTER : Venue.EDGEX);
        }

        BigDecimal spreadAprPct() {
            return current.get(Venue.LIGHTER).aprPercent().subtract(current.get(Venue.EDGEX).aprPercent()).abs();
        }

        String render() {
            StringBuilder b = new StringBuilder();
            b.append(symbol).append(" funding (positive: longs pay shorts)\n");
            b.append(String.format("%-8s %-28s %10s%n", "VENUE", "CURRENT (venue unit)", "APR%"));
            for (Venue v : Venue.values()) {
                FundingQuote q = current.get(v);
                if (q == null) {
                    b.append(String.format("%-8s %s%n", v.displayName(), "not listed"));
                } else {
                    b.append(String.format("%-8s %-28s %10s%n", v.displayName(), nativeUnit(q, false), fixed(q.aprPercent(), 2)));
                }
            }
            shortVenue().ifPresentOrElse(s -> b.append(String.format(
                    "suggested: short %s (higher rate), long %s; spread %s%% APR before costs%n", s.displayName(),
                    s.other().displayName(), fixed(spreadAprPct(), 2))),
                    () -> b.append("suggested: none (a hedge needs both venues)\n"));
            for (Map.Entry<Venue, List<FundingQuote>> e : settled.entrySet()) {
                b.append("last settled on ").append(e.getKey().displayName()).append(e.getValue().isEmpty() ? ": none\n" : ":\n");
                for (FundingQuote q : e.getValue()) {
                    b.append(String.format("  %-22s %-28s %10s%n", q.observedAt(), nativeUnit(q, true), fixed(q.aprPercent(), 2)));
                }
            }
            return b.toString();
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbol", symbol);
            List<Map<String, Object>> venues = new ArrayList<>();
            for (Map.Entry<Venue, FundingQuote> e : current.entrySet()) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("venue", e.getKey().wireName());
                v.put("current", quote(e.getValue(), false));
                v.put("settled", settled.getOrDefault(e.getKey(), List.of()).stream().map(q -> quote(q, true)).toList());
                venues.add(v);
            }
            m.put("venues", venues);
            m.put("short_venue", shortVenue().map(Venue::wireName).orElse(null));
            m.put("long_venue", shortVenue().map(s -> s.other().wireName()).orElse(null));
            m.put("spread_apr_pct", shortVenue().isPresent() ? spreadAprPct() : null);
            return m;
        }

        private static Map<String, Object> quote(FundingQuote q, boolean settledRow) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(settledRow ? "settled_at" : "observed_at", q.observedAt().toString());
            m.put("rate", q.rate());
            m.put("interval_minutes", q.interval().toMinutes());
            m.put("native", nativeUnit(q, settledRow));
            m.put("hourly_rate", q.hourlyRate());
            m.put("apr_pct", q.aprPercent());
            return m;
        }

        private static String fixed(BigDecimal v, int scale) {
            return v.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
        }

        private static String plain(BigDecimal v) {
            return v.stripTrailingZeros().toPlainString();
        }
    }
}
