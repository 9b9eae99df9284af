package io.perpcarry.backtest;

import io.perpcarry.config.BotConfig;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The perfect-foresight rotation: the best net PnL any sequence of the simulator's own actions could reach on the same
 * data, knowing the future — the upper bound of every run with that config. Same decision times (the simulator's
 * steps), same fills (the simulator's: book walk within the {@code OrderPricer} limit to open, its close fallback, or
 * the cost model), same fees, same funding (signed size × the venue's last mid × rate, settlements in (previous step,
 * step]), and basis counted as the simulator counts it. Relaxed, so that it can only gain: no hold length, no wait
 * between cycles, no threshold or ranking, any hedge of a monitored symbol in either direction. Sizes: the strategy's
 * size depends on its equity, which depends on its path, so at each open the bound may take the size the sizer gives
 * on the starting capital, on unlimited capital (the notional cap), or the one the run itself opened with then.
 * Dynamic programming over the steps; state = flat or (symbol, long venue, size).
 */
public final class Foresight {
    private static final BigDecimal UNLIMITED = new BigDecimal("1000000000000");

    private Foresight() {
    }

    private record Hold(String symbol, Venue longVenue, BigDecimal size) { }

    public static BigDecimal bestNet(BotConfig config, MarketHistory history, Simulator sim, Map<Venue, BigDecimal> capital,
                                     RunResult run) {
        Map<Instant, List<Decision>> opened = new HashMap<>();
        for (Decision d : run.decisions()) {
            if (d.action().equals("OPEN")) {
                opened.computeIfAbsent(d.at(), k -> new java.util.ArrayList<>()).add(d);
            }
        }
        List<String> symbols = history.symbols().stream().filter(config.symbolsToMonitor()::contains).toList();
        Map<String, BigDecimal> mark = new HashMap<>();
        Map<Hold, BigDecimal> holds = new java.util.LinkedHashMap<>(); // insertion order: the same bytes every run
        BigDecimal flat = BigDecimal.ZERO;
        List<Instant> steps = sim.steps();
        Instant previous = steps.get(0).minusNanos(1);
        Map<Venue, Map<String, MarketSnapshot>> view = Map.of();
        for (Instant t : steps) {
            view = sim.view(t);
            view.forEach((v, bySymbol) -> bySymbol.forEach((s, snap) -> mark.put(v + "/" + s, snap.book().mid())));
            for (Map.Entry<Hold, BigDecimal> e : holds.entrySet()) {
                e.setValue(e.getValue().add(funding(history, mark, e.getKey(), previous, t)));
            }
            for (Map.Entry<Hold, BigDecimal> e : holds.entrySet()) {
                flat = flat.max(e.getValue().add(closeCash(sim, t, view, e.getKey())));
            }
            for (String s : symbols) {
                if (!view.getOrDefault(Venue.LIGHTER, Map.of()).containsKey(s)
                        || !view.getOrDefault(Venue.EDGEX, Map.of()).containsKey(s)) {
                    continue;
                }
                for (BigDecimal size : sizes(sim, view, s, capital, opened.getOrDefault(t, List.of()))) {
                    for (Venue longVenue : Venue.values()) {
                        Optional<BigDecimal> entry = openCash(sim, view, s, longVenue, size);
                        if (entry.isPresent()) {
                            holds.merge(new Hold(s, longVenue, size), flat.add(entry.get()), BigDecimal::max);
                        }
                    }
                }
            }
            previous = t;
        }
        // flat at the end: the simulator closes what it holds at the last step's prices
        Instant end = steps.get(steps.size() - 1);
        BigDecimal best = flat;
        for (Map.Entry<Hold, BigDecimal> e : holds.entrySet()) {
            best = best.max(e.getValue().add(closeCash(sim, end, view, e.getKey())));
        }
        return best;
    }

    private static TreeSet<BigDecimal> sizes(Simulator sim, Map<Venue, Map<String, MarketSnapshot>> view, String symbol,
                                             Map<Venue, BigDecimal> capital, List<Decision> openedNow) {
        TreeSet<BigDecimal> out = new TreeSet<>();
        sim.size(view, symbol, capital.get(Venue.LIGHTER), capital.get(Venue.EDGEX)).ifPresent(q -> out.add(q.stripTrailingZeros()));
        sim.size(view, symbol, UNLIMITED, UNLIMITED).ifPresent(q -> out.add(q.stripTrailingZeros()));
        openedNow.stream().filter(d -> d.symbol().equals(symbol)).forEach(d -> out.add(d.size().stripTrailingZeros()));
        return out;
    }

    /** Cash of opening: the long leg bought, the short leg sold, within the limit price, fees paid; empty if a book is too thin. */
    private static Optional<BigDecimal> openCash(Simulator sim, Map<Venue, Map<String, MarketSnapshot>> view, String symbol,
                                                 Venue longVenue, BigDecimal size) {
        MarketSnapshot longSnap = view.get(longVenue).get(symbol);
        MarketSnapshot shortSnap = view.get(longVenue.other()).get(symbol);
        Optional<BigDecimal> buy = sim.fill(longSnap, OrderSide.BUY, size, true);
        Optional<BigDecimal> sell = sim.fill(shortSnap, OrderSide.SELL, size, true);
        if (buy.isEmpty() || sell.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(sell.get().multiply(size).subtract(buy.get().multiply(size))
                .subtract(fee(longSnap, size, buy.get())).subtract(fee(shortSnap, size, sell.get())));
    }

    /** Cash of closing both legs at {@code t} as the simulator closes. */
    private static BigDecimal closeCash(Simulator sim, Instant t, Map<Venue, Map<String, MarketSnapshot>> view, Hold h) {
        MarketSnapshot longSnap = sim.snapshotOrLast(t, view, h.longVenue(), h.symbol());
        MarketSnapshot shortSnap = sim.snapshotOrLast(t, view, h.longVenue().other(), h.symbol());
        BigDecimal sell = sim.closeFill(longSnap, OrderSide.SELL, h.size());
        BigDecimal buy = sim.closeFill(shortSnap, OrderSide.BUY, h.size());
        return sell.multiply(h.size()).subtract(buy.multiply(h.size()))
                .subtract(fee(longSnap, h.size(), sell)).subtract(fee(shortSnap, h.size(), buy));
    }

    private static BigDecimal fee(MarketSnapshot snap, BigDecimal size, BigDecimal price) {
        return price.multiply(size).multiply(snap.spec().takerFeeRate());
    }

    /** Settlements in (after, upTo] of both legs: −signed size × mark × rate, as the simulator pays them. */
    private static BigDecimal funding(MarketHistory history, Map<String, BigDecimal> mark, Hold h, Instant after, Instant upTo) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Venue v : Venue.values()) {
            BigDecimal signed = v == h.longVenue() ? h.size() : h.size().negate();
            for (FundingQuote q : history.settlements(v, h.symbol(), after, upTo).values()) {
                sum = sum.add(signed.multiply(mark.get(v + "/" + h.symbol())).multiply(q.rate()).negate());
            }
        }
        return sum;
    }
}
