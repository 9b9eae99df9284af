package io.perpcarry.backtest;

import io.perpcarry.config.BotConfig;
import io.perpcarry.domain.BookLevel;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.Opportunity;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import io.perpcarry.strategy.HeldHedge;
import io.perpcarry.strategy.OpportunityRanker;
import io.perpcarry.strategy.OrderPricer;
import io.perpcarry.strategy.PositionSizer;
import io.perpcarry.strategy.Ranking;
import io.perpcarry.strategy.RotationDecision;
import io.perpcarry.strategy.RotationPolicy;
import io.perpcarry.strategy.SizingResult;
import io.perpcarry.strategy.StopLoss;
import io.perpcarry.strategy.StopLossCheck;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Replays a {@link MarketHistory} on a simulated clock through the daemon's own strategy beans: {@link OpportunityRanker}
 * ranks each scan, {@link RotationPolicy} decides at the end of each hold, {@link PositionSizer} sizes on the simulated
 * capital of each venue, {@link OrderPricer} prices each taker leg, and {@link StopLoss} watches the legs. The state
 * machine is the daemon's ({@code RotationEngine}): IDLE → open the best → HOLDING until the hold ends → the policy's
 * decision → WAITING {@code wait_between_cycles_minutes} → IDLE. Funding is paid at each venue's own settlements, with
 * its sign; nothing reads the future.
 */
public final class Simulator {
    private static final BigDecimal HUGE = new BigDecimal("1000000000000");

    private final BotConfig config;
    private final MarketHistory history;
    private final Map<Venue, BigDecimal> capital;
    private final CostModel cost;
    private final OpportunityRanker ranker;
    private final RotationPolicy policy;
    private final PositionSizer sizer;
    private final OrderPricer pricer;
    private final StopLoss stopLoss;

    // run state
    private final Map<Venue, BigDecimal> equity = new EnumMap<>(Venue.class);
    private final Map<Venue, BigDecimal> funding = new EnumMap<>(Venue.class);
    private final Map<String, BigDecimal> lastMid = new TreeMap<>();
    private final List<Decision> decisions = new ArrayList<>();
    private final List<CurvePoint> curve = new ArrayList<>();
    private BigDecimal fees = BigDecimal.ZERO;
    private BigDecimal slippage = BigDecimal.ZERO;
    private BigDecimal trading = BigDecimal.ZERO;
    private Held held;
    private Instant waitUntil;
    private int cycles;
    private int stops;
    private int rejected;
    private Duration inMarket = Duration.ZERO;

    private record Leg(Venue venue, BigDecimal signedSize, BigDecimal entry) { }

    private record Held(String symbol, Leg longLeg, Leg shortLeg, Instant openedAt, Instant target) { }

    public Simulator(BotConfig config, MarketHistory history, Map<Venue, BigDecimal> capital, CostModel cost) {
        this.config = config;
        this.history = history;
        this.capital = new EnumMap<>(capital);
        this.cost = cost;
        this.ranker = new OpportunityRanker(config.rankingRules());
        this.policy = new RotationPolicy(config.rotationMode());
        this.sizer = new PositionSizer(config.sizingRules());
        this.pricer = new OrderPricer(config.pricingRules());
        this.stopLoss = new StopLoss(config.stopLossRules());
    }

    public RunResult run() {
        for (Venue v : Venue.values()) {
            equity.put(v, capital.get(v));
            funding.put(v, BigDecimal.ZERO);
        }
        List<Instant> steps = steps();
        Instant previous = steps.get(0).minusNanos(1);
        for (Instant t : steps) {
            Map<Venue, Map<String, MarketSnapshot>> view = view(t);
            view.forEach((v, bySymbol) -> bySymbol.forEach((s, snap) -> lastMid.put(key(v, s), snap.book().mid())));
            payFunding(previous, t);
            step(t, view);
            curve.add(point(t));
            previous = t;
        }
        Instant end = steps.get(steps.size() - 1);
        if (held != null) {
            close(end, view(end), "END", "end of data: closed at the last prices");
            curve.set(curve.size() - 1, point(end));
        }
        BigDecimal basis = trading.add(slippage);
        BigDecimal net = fundingTotal().add(trading).subtract(fees);
        BigDecimal totalCapital = capital.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new RunResult(cycles, stops, rejected, inMarket, Duration.between(steps.get(0), end),
                new EnumMap<>(funding), fees, slippage, basis, trading, net, totalCapital, drawdown(),
                List.copyOf(curve), List.copyOf(decisions));
    }

    /** Scan times: every recorded pass at least scan_interval_seconds apart; without books, every hour. */
    List<Instant> steps() {
        List<Instant> out = new ArrayList<>();
        if (history.hasBooks()) {
            Duration scan = Duration.ofSeconds(config.scanIntervalSeconds());
            for (Instant t : history.passes.keySet()) {
                if (out.isEmpty() || !t.isBefore(out.get(out.size() - 1).plus(scan))) {
                    out.add(t);
                }
            }
        } else {
            Instant first = history.first().truncatedTo(ChronoUnit.HOURS);
            for (Instant t = first; !t.isAfter(history.last()); t = t.plus(Duration.ofHours(1))) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("nothing to replay in " + history.source());
        }
        return out;
    }

    private void step(Instant t, Map<Venue, Map<String, MarketSnapshot>> view) {
        if (held != null && t.isBefore(held.target())) {
            checkStopLoss(t, view);
            return;
        }
        if (held == null && waitUntil != null && t.isBefore(waitUntil)) {
            return;
        }
        Ranking ranking = ranker.rank(monitored(view));
        if (held != null) {
            RotationDecision d = policy.decide(new HeldHedge(held.symbol(), held.longLeg().venue()), ranking);
            if (d.action() == RotationDecision.Action.EXTEND_HOLD) {
                held = new Held(held.symbol(), held.longLeg(), held.shortLeg(), held.openedAt(), t.plus(config.holdDuration()));
                decisions.add(new Decision(t, "EXTEND", held.symbol(), held.longLeg().venue(), held.longLeg().signedSize(), d.reason()));
                return;
            }
            // CLOSE and CLOSE_AND_REOPEN alike: the daemon closes, waits between cycles, then opens the best of a fresh scan.
            close(t, view, "CLOSE", d.reason());
            return;
        }
        Optional<Opportunity> best = ranking.best();
        if (best.isPresent()) {
            open(t, view, best.get());
        }
    }

    private void open(Instant t, Map<Venue, Map<String, MarketSnapshot>> view, Opportunity o) {
        String symbol = o.symbol();
        MarketSnapshot l = view.get(Venue.LIGHTER).get(symbol);
        MarketSnapshot e = view.get(Venue.EDGEX).get(symbol);
        BigDecimal reference = l.book().mid().min(e.book().mid());
        SizingResult sizing = sizer.size(l.spec(), e.spec(), reference, equity.get(Venue.LIGHTER), equity.get(Venue.EDGEX));
        if (sizing instanceof SizingResult.BelowMinimum b) {
            reject(t, o, b.message());
            return;
        }
        BigDecimal size = ((SizingResult.Sized) sizing).baseSize();
        MarketSnapshot longSnap = view.get(o.longVenue()).get(symbol);
        MarketSnapshot shortSnap = view.get(o.shortVenue()).get(symbol);
        Optional<BigDecimal> buy = fill(longSnap, OrderSide.BUY, size, true);
        Optional<BigDecimal> sell = fill(shortSnap, OrderSide.SELL, size, true);
        if (buy.isEmpty() || sell.isEmpty()) {
            reject(t, o, "book too thin to fill " + size.toPlainString() + " " + symbol + " within the limit price");
            return;
        }
        charge(longSnap, size, buy.get());
        charge(shortSnap, size, sell.get());
        cycles++;
        held = new Held(symbol, new Leg(o.longVenue(), size, buy.get()), new Leg(o.shortVenue(), size.negate(), sell.get()),
                t, t.plus(config.holdDuration()));
        decisions.add(new Decision(t, "OPEN", symbol, o.longVenue(), size, "net APR "
                + o.netAprPct().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString() + "%"));
    }

    private void reject(Instant t, Opportunity o, String why) {
        rejected++;
        decisions.add(new Decision(t, "REJECTED", o.symbol(), o.longVenue(), null, why));
        waitUntil = t.plus(waitBetweenCycles());
    }

    private void close(Instant t, Map<Venue, Map<String, MarketSnapshot>> view, String action, String reason) {
        for (Leg leg : List.of(held.longLeg(), held.shortLeg())) {
            MarketSnapshot snap = snapshotOrLast(t, view, leg.venue(), held.symbol());
            OrderSide side = leg.signedSize().signum() > 0 ? OrderSide.SELL : OrderSide.BUY;
            BigDecimal size = leg.signedSize().abs();
            BigDecimal price = closeFill(snap, side, size);
            charge(snap, size, price);
            BigDecimal pnl = price.subtract(leg.entry()).multiply(leg.signedSize());
            trading = trading.add(pnl);
            equity.merge(leg.venue(), pnl, BigDecimal::add);
        }
        inMarket = inMarket.plus(Duration.between(held.openedAt(), t));
        decisions.add(new Decision(t, action, held.symbol(), held.longLeg().venue(), held.longLeg().signedSize(), reason));
        held = null;
        waitUntil = t.plus(waitBetweenCycles());
    }

    private void checkStopLoss(Instant t, Map<Venue, Map<String, MarketSnapshot>> view) {
        if (!config.enableStopLoss() || !history.hasBooks()) {
            return;
        }
        for (Leg leg : List.of(held.longLeg(), held.shortLeg())) {
            BigDecimal mid = lastMid.get(key(leg.venue(), held.symbol()));
            BigDecimal pnl = mid.subtract(leg.entry()).multiply(leg.signedSize());
            StopLossCheck c = stopLoss.evaluate(new Position(leg.venue(), held.symbol(), leg.signedSize(), leg.entry(), pnl,
                    null, null));
            if (c.triggered()) {
                stops++;
                close(t, view, "STOP_LOSS", c.reason());
                return;
            }
        }
    }

    /** Settlements in (after, upTo] of the held legs' markets: −signed size × mark × rate, each venue its own. */
    private void payFunding(Instant after, Instant upTo) {
        if (held == null) {
            return;
        }
        for (Leg leg : List.of(held.longLeg(), held.shortLeg())) {
            Instant from = after.isBefore(held.openedAt()) ? held.openedAt() : after;
            for (FundingQuote q : history.settlements(leg.venue(), held.symbol(), from, upTo).values()) {
                BigDecimal mark = lastMid.get(key(leg.venue(), held.symbol()));
                BigDecimal amount = leg.signedSize().multiply(mark).multiply(q.rate()).negate();
                funding.merge(leg.venue(), amount, BigDecimal::add);
                equity.merge(leg.venue(), amount, BigDecimal::add);
            }
        }
    }

    /** The daemon retries a close with fresh prices until flat: here the limit, then the whole recorded book, then its last level. */
    BigDecimal closeFill(MarketSnapshot snap, OrderSide side, BigDecimal size) {
        return fill(snap, side, size, true).or(() -> fill(snap, side, size, false)).orElseGet(() -> lastLevel(snap.book(), side));
    }

    /** The size the sizer gives for an open of {@code symbol} in {@code view} on this capital; empty when it refuses. */
    Optional<BigDecimal> size(Map<Venue, Map<String, MarketSnapshot>> view, String symbol, BigDecimal lighterCapital,
                              BigDecimal edgexCapital) {
        MarketSnapshot l = view.get(Venue.LIGHTER).get(symbol);
        MarketSnapshot e = view.get(Venue.EDGEX).get(symbol);
        BigDecimal reference = l.book().mid().min(e.book().mid());
        return sizer.size(l.spec(), e.spec(), reference, lighterCapital, edgexCapital) instanceof SizingResult.Sized s
                ? Optional.of(s.baseSize()) : Optional.empty();
    }

    /** A taker fill: within the priced limit (books), or at mid ± the cost model's slippage (funding history). */
    Optional<BigDecimal> fill(MarketSnapshot snap, OrderSide side, BigDecimal size, boolean limited) {
        if (!history.hasBooks()) {
            BigDecimal mid = snap.book().mid();
            BigDecimal s = mid.multiply(cost.slippageFraction());
            return Optional.of(side == OrderSide.BUY ? mid.add(s) : mid.subtract(s));
        }
        BigDecimal limit = limited ? pricer.price(snap.spec(), snap.book(), side).price() : null;
        BigDecimal left = size;
        BigDecimal paid = BigDecimal.ZERO;
        for (BookLevel level : snap.book().liquidityFor(side)) {
            if (limit != null && (side == OrderSide.BUY ? level.price().compareTo(limit) > 0 : level.price().compareTo(limit) < 0)) {
                break;
            }
            BigDecimal take = left.min(level.size());
            paid = paid.add(take.multiply(level.price()));
            left = left.subtract(take);
            if (left.signum() == 0) {
                return Optional.of(paid.divide(size, java.math.MathContext.DECIMAL64));
            }
        }
        return Optional.empty();
    }

    private void charge(MarketSnapshot snap, BigDecimal size, BigDecimal price) {
        BigDecimal fee = price.multiply(size).multiply(snap.spec().takerFeeRate());
        fees = fees.add(fee);
        equity.merge(snap.venue(), fee.negate(), BigDecimal::add);
        slippage = slippage.add(price.subtract(snap.book().mid()).abs().multiply(size));
    }

    private static BigDecimal lastLevel(OrderBook book, OrderSide side) {
        List<BookLevel> levels = book.liquidityFor(side);
        return levels.get(levels.size() - 1).price();
    }

    MarketSnapshot snapshotOrLast(Instant t, Map<Venue, Map<String, MarketSnapshot>> view, Venue v, String symbol) {
        MarketSnapshot s = view.getOrDefault(v, Map.of()).get(symbol);
        if (s != null) {
            return s;
        }
        // The venue was not read at this pass (gap): the last recorded snapshot of that market.
        for (Map<Venue, Map<String, MarketSnapshot>> pass : history.passes.headMap(t, true).descendingMap().values()) {
            MarketSnapshot p = pass.getOrDefault(v, Map.of()).get(symbol);
            if (p != null) {
                return p;
            }
        }
        throw new IllegalStateException("no snapshot of " + v + " " + symbol + " to close on");
    }

    /** The market as the bot saw it at {@code t}: the recorded pass, or a synthetic one from funding history. */
    Map<Venue, Map<String, MarketSnapshot>> view(Instant t) {
        if (history.hasBooks()) {
            Map<Venue, Map<String, MarketSnapshot>> pass = history.passes.get(t);
            return pass == null ? Map.of() : pass;
        }
        Map<Venue, Map<String, MarketSnapshot>> out = new EnumMap<>(Venue.class);
        BigDecimal half = cost.slippageFraction();
        for (Venue v : Venue.values()) {
            Map<String, MarketSnapshot> bySymbol = new TreeMap<>();
            for (String s : history.symbols()) {
                FundingQuote last = history.lastSettled(v, s, t);
                MarketSpec spec = history.spec(v, s);
                if (last == null || spec == null) {
                    continue;
                }
                FundingQuote quote = new FundingQuote(v, s, last.rate(), last.interval(), t);
                // Unit price; half-spread = the cost model's slippage; unlimited depth.
                BigDecimal bid = BigDecimal.ONE.subtract(half.signum() == 0 ? new BigDecimal("0.00000001") : half);
                BigDecimal ask = BigDecimal.ONE.add(half.signum() == 0 ? new BigDecimal("0.00000001") : half);
                OrderBook book = new OrderBook(v, s, List.of(new BookLevel(bid, HUGE)), List.of(new BookLevel(ask, HUGE)), t);
                bySymbol.put(s, new MarketSnapshot(spec, quote, book, config.minVolumeUsd()));
            }
            out.put(v, bySymbol);
        }
        return out;
    }

    private List<MarketSnapshot> monitored(Map<Venue, Map<String, MarketSnapshot>> view) {
        List<MarketSnapshot> out = new ArrayList<>();
        view.forEach((v, bySymbol) -> bySymbol.forEach((s, snap) -> {
            if (config.symbolsToMonitor().contains(s)) {
                out.add(snap);
            }
        }));
        return out;
    }

    private CurvePoint point(Instant t) {
        BigDecimal open = BigDecimal.ZERO;
        if (held != null) {
            for (Leg leg : List.of(held.longLeg(), held.shortLeg())) {
                open = open.add(lastMid.get(key(leg.venue(), held.symbol())).subtract(leg.entry()).multiply(leg.signedSize()));
            }
        }
        BigDecimal tr = trading.add(open);
        return new CurvePoint(t, fundingTotal(), fees.negate(), tr, fundingTotal().add(tr).subtract(fees));
    }

    private BigDecimal drawdown() {
        BigDecimal peak = BigDecimal.ZERO;
        BigDecimal worst = BigDecimal.ZERO;
        for (CurvePoint p : curve) {
            peak = peak.max(p.net());
            worst = worst.max(peak.subtract(p.net()));
        }
        return worst;
    }

    private BigDecimal fundingTotal() {
        return funding.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private Duration waitBetweenCycles() {
        return Duration.ofSeconds(config.waitBetweenCyclesMinutes().multiply(BigDecimal.valueOf(60)).longValue());
    }

    private static String key(Venue v, String symbol) {
        return v.wireName() + "/" + symbol;
    }
}
