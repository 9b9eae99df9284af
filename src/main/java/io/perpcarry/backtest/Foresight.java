package io.perpcarry.backtest;

import io.perpcarry.config.BotConfig;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The perfect-foresight rotation: knowing every future settlement, which hedge (or none) to hold each hour so that
 * funding minus entry and exit costs is largest — the upper bound no strategy can beat on the same data. Same notional
 * as the simulated bot (capped by capital like {@code PositionSizer}), same costs per fill: the venue's taker fee plus
 * the slippage walking the recorded book at that hour (or the cost model's). Price moves and basis are not foreseen:
 * they are luck, not carry. Dynamic programming over hourly steps; one hedge at a time; flat at both ends.
 */
public final class Foresight {
    private static final MathContext MC = MathContext.DECIMAL64;

    private Foresight() {
    }

    public static BigDecimal bestNet(BotConfig config, MarketHistory history, Simulator sim, Map<Venue, BigDecimal> capital,
                                     CostModel cost) {
        BigDecimal power = capital.values().stream().min(BigDecimal::compareTo).orElseThrow()
                .multiply(BigDecimal.valueOf(config.leverage()))
                .multiply(BigDecimal.ONE.subtract(config.marginBufferPct().movePointLeft(2)));
        BigDecimal n = config.notionalPerPosition().min(power);
        List<String> symbols = history.symbols().stream().filter(config.symbolsToMonitor()::contains).toList();
        // states: 0 = flat; 1 + 2i = symbol i long Lighter; 2 + 2i = symbol i long EdgeX
        int states = 1 + 2 * symbols.size();
        BigDecimal[] value = new BigDecimal[states];
        value[0] = BigDecimal.ZERO;
        Instant start = history.first().truncatedTo(ChronoUnit.HOURS);
        Instant end = history.last();
        BigDecimal[] exit = new BigDecimal[states];
        for (Instant h = start; !h.isAfter(end); h = h.plus(Duration.ofHours(1))) {
            Map<Venue, Map<String, MarketSnapshot>> view = sim.view(history.hasBooks() ? floorPass(history, h) : h);
            BigDecimal[] enter = new BigDecimal[states];
            for (int x = 1; x < states; x++) {
                String s = symbols.get((x - 1) / 2);
                Venue longVenue = (x - 1) % 2 == 0 ? Venue.LIGHTER : Venue.EDGEX;
                enter[x] = legCost(view, longVenue, s, OrderSide.BUY, n, cost, history)
                        .flatMap(a -> legCost(view, longVenue.other(), s, OrderSide.SELL, n, cost, history).map(a::add))
                        .orElse(null);
                exit[x] = legCost(view, longVenue, s, OrderSide.SELL, n, cost, history)
                        .flatMap(a -> legCost(view, longVenue.other(), s, OrderSide.BUY, n, cost, history).map(a::add))
                        .orElse(null);
            }
            // switch at h: best flat value, then any hedge entered from flat
            BigDecimal flat = value[0];
            for (int y = 1; y < states; y++) {
                if (value[y] != null && exit[y] != null) {
                    flat = flat.max(value[y].subtract(exit[y]));
                }
            }
            BigDecimal[] next = new BigDecimal[states];
            next[0] = flat;
            for (int x = 1; x < states; x++) {
                BigDecimal best = value[x];
                if (enter[x] != null) {
                    BigDecimal fromFlat = flat.subtract(enter[x]);
                    best = best == null ? fromFlat : best.max(fromFlat);
                }
                next[x] = best;
            }
            // then hold for the hour (h, h + 1h]: what each hedge's settlements pay
            Instant hourEnd = h.plus(Duration.ofHours(1));
            for (int x = 1; x < states; x++) {
                if (next[x] == null) {
                    continue;
                }
                String s = symbols.get((x - 1) / 2);
                Venue longVenue = (x - 1) % 2 == 0 ? Venue.LIGHTER : Venue.EDGEX;
                BigDecimal income = BigDecimal.ZERO;
                for (FundingQuote q : history.settlements(longVenue.other(), s, h, hourEnd).values()) {
                    income = income.add(n.multiply(q.rate()));
                }
                for (FundingQuote q : history.settlements(longVenue, s, h, hourEnd).values()) {
                    income = income.subtract(n.multiply(q.rate()));
                }
                next[x] = next[x].add(income);
            }
            value = next;
        }
        BigDecimal result = value[0];
        for (int y = 1; y < states; y++) {
            if (value[y] != null && exit[y] != null) {
                result = result.max(value[y].subtract(exit[y]));
            }
        }
        return result;
    }

    /** Fee + slippage versus mid of one taker fill of notional n; empty when the market or its book is missing. */
    private static Optional<BigDecimal> legCost(Map<Venue, Map<String, MarketSnapshot>> view, Venue v, String symbol,
                                                OrderSide side, BigDecimal n, CostModel cost, MarketHistory history) {
        MarketSnapshot snap = view.getOrDefault(v, Map.of()).get(symbol);
        if (snap == null) {
            return Optional.empty();
        }
        MarketSpec spec = snap.spec();
        Optional<BigDecimal> slip = history.hasBooks() ? snap.book().slippageVsMid(side, n) : Optional.of(cost.slippageFraction());
        return slip.map(f -> n.multiply(f.add(spec.takerFeeRate()), MC));
    }

    private static Instant floorPass(MarketHistory history, Instant h) {
        Map.Entry<Instant, ?> e = history.passes.floorEntry(h);
        return e == null ? history.passes.firstKey() : e.getKey();
    }
}
