package io.perpcarry.app;

import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.Venue;
import io.perpcarry.strategy.PositionSizer;
import io.perpcarry.strategy.SizingResult;
import io.perpcarry.strategy.SizingRules;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.VenueConnector;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * How big a hedge the rules allow now: capital available per venue, and per symbol the largest delta-neutral size
 * {@link PositionSizer} gives (both steps, minimums, leverage, margin buffer), naming the constraint that binds.
 */
@Command(name = "capacity", description = "Available capital per venue and the largest hedge the rules allow per symbol.")
public final class CapacityCommand extends VenueCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SYMBOL", description = "One symbol (default: every configured symbol both venues list)")
    String symbol;

    public CapacityCommand() {
        this(VenueSession::open);
    }

    CapacityCommand(SessionOpener opener) {
        super(opener);
    }

    /** One symbol's answer: the size, or why none. */
    record Row(String symbol, BigDecimal referencePrice, SizingResult result) {
    }

    @Override
    int run(VenueSession session, PrintWriter out) throws InterruptedException {
        Map<String, MarketSpec> lighter = session.lighter().markets();
        Map<String, MarketSpec> edgex = session.edgex().markets();
        List<String> symbols;
        if (symbol != null) {
            String s = symbol.trim().toUpperCase(Locale.ROOT);
            CommandSupport.requireListedSomewhere(List.of(s), CommandSupport.listedAnywhere(session));
            if (!lighter.containsKey(s) || !edgex.containsKey(s)) {
                throw CommandFailure.usage(s + " is listed on " + (lighter.containsKey(s) ? "Lighter" : "EdgeX")
                        + " only; a hedge needs both venues");
            }
            symbols = List.of(s);
        } else {
            symbols = session.config().symbolsToMonitor().stream()
                    .filter(s -> lighter.containsKey(s) && edgex.containsKey(s)).toList();
        }
        Map<Venue, AccountState> accounts = new EnumMap<>(Venue.class);
        for (VenueConnector v : session.venues()) {
            accounts.put(v.venue(), v.account()); // a failure here fails the command: capital unknown
        }
        // Prices from the streams when they are fresh (no request), else one book read per venue and symbol.
        session.startStreams(symbols);
        CommandSupport.awaitFreshBooks(session, symbols, Duration.ofSeconds(5));
        SizingRules rules = session.config().sizingRules();
        PositionSizer sizer = new PositionSizer(rules);
        List<Row> rows = new ArrayList<>();
        for (String s : symbols) {
            BigDecimal price = session.lighter().orderBook(s, 1).mid().min(session.edgex().orderBook(s, 1).mid());
            rows.add(new Row(s, price, sizer.size(lighter.get(s), edgex.get(s), price,
                    accounts.get(Venue.LIGHTER).availableBalance(), accounts.get(Venue.EDGEX).availableBalance())));
        }
        CapacityView view = new CapacityView(rules, accounts, rows);
        out.print(json ? CommandSupport.json(view.toJson()) + "\n" : view.render());
        return 0;
    }

    /** Rendering, separate for unit tests. */
    record CapacityView(SizingRules rules, Map<Venue, AccountState> accounts, List<Row> rows) {
        BigDecimal buyingPower(Venue v) {
            return accounts.get(v).availableBalance().max(BigDecimal.ZERO).multiply(rules.leverage())
                    .multiply(BigDecimal.ONE.subtract(rules.marginBuffer())).setScale(2, RoundingMode.DOWN);
        }

        String render() {
            StringBuilder b = new StringBuilder();
            b.append(String.format("leverage %sx, margin buffer %s%%, target %s USD a leg%n", plain(rules.leverage()),
                    plain(rules.marginBuffer().movePointRight(2)), plain(rules.notionalPerPositionUsd())));
            for (Venue v : Venue.values()) {
                AccountState a = accounts.get(v);
                b.append(String.format("%-8s available %s USD (equity %s) -> usable notional %s USD%n", v.displayName(),
                        usd(a.availableBalance()), usd(a.equity()), buyingPower(v).toPlainString()));
            }
            b.append(String.format("%n%-7s %14s %14s %12s %12s  %s%n", "SYMBOL", "PRICE", "MAX SIZE", "NOTIONAL$", "STEP", "BINDING"));
            for (Row r : rows) {
                if (r.result() instanceof SizingResult.Sized s) {
                    b.append(String.format("%-7s %14s %14s %12s %12s  %s%n", r.symbol(), plain(r.referencePrice()),
                            plain(s.baseSize()), usd(s.notionalUsd()), plain(s.commonStep()), s.capSource()));
                } else if (r.result() instanceof SizingResult.BelowMinimum m) {
                    b.append(String.format("%-7s %14s %14s %12s %12s  %s%n", r.symbol(), plain(r.referencePrice()), "none",
                            "-", "-", m.venue().displayName() + " " + m.constraint() + ": " + m.message()));
                }
            }
            return b.toString();
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("leverage", rules.leverage());
            m.put("margin_buffer_pct", rules.marginBuffer().movePointRight(2));
            m.put("target_notional_usd", rules.notionalPerPositionUsd());
            List<Map<String, Object>> venues = new ArrayList<>();
            for (Venue v : Venue.values()) {
                Map<String, Object> vm = new LinkedHashMap<>();
                vm.put("venue", v.wireName());
                vm.put("available", accounts.get(v).availableBalance());
                vm.put("equity", accounts.get(v).equity());
                vm.put("usable_notional_usd", buyingPower(v));
                venues.add(vm);
            }
            m.put("venues", venues);
            List<Map<String, Object>> symbols = new ArrayList<>();
            for (Row r : rows) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("symbol", r.symbol());
                sm.put("reference_price", r.referencePrice());
                if (r.result() instanceof SizingResult.Sized s) {
                    sm.put("ok", true);
                    sm.put("size", s.baseSize());
                    sm.put("notional_usd", s.notionalUsd());
                    sm.put("common_step", s.commonStep());
                    sm.put("binding_constraint", s.capSource());
                } else if (r.result() instanceof SizingResult.BelowMinimum b) {
                    sm.put("ok", false);
                    sm.put("size", null);
                    sm.put("binding_constraint", b.venue().displayName() + " " + b.constraint());
                    sm.put("message", b.message());
                }
                symbols.add(sm);
            }
            m.put("symbols", symbols);
            return m;
        }

        private static String usd(BigDecimal v) {
            return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        }

        private static String plain(BigDecimal v) {
            return v.stripTrailingZeros().toPlainString();
        }
    }
}
