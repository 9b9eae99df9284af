package io.perpcarry.app.trading;

import io.perpcarry.config.BotConfig;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.HedgeLeg;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.Opportunity;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Venue;
import io.perpcarry.engine.EngineBeans;
import io.perpcarry.engine.EngineDecision;
import io.perpcarry.engine.HedgePlan;
import io.perpcarry.engine.HedgePlanner;
import io.perpcarry.engine.LegOutcome;
import io.perpcarry.engine.LegReconciler;
import io.perpcarry.engine.PlanRejectedException;
import io.perpcarry.state.BotState;
import io.perpcarry.strategy.LimitPrice;
import io.perpcarry.strategy.OrderPricer;
import io.perpcarry.strategy.PositionSizer;
import io.perpcarry.strategy.PricingRules;
import io.perpcarry.strategy.SizingResult;
import io.perpcarry.strategy.SizingRules;
import io.perpcarry.venue.VenueException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Opens one hedge by hand through the bot's own machinery: the engine's state machine (OPENING → HOLDING), the
 * planner (leverage on both venues first, fresh prices, client order ids), the journaling gateway, and the leg
 * reconciler (read back, level a partial, unwind a lone leg reduce-only, HALT if that fails).
 */
public final class PairOpener {
    /** The real plan may size up to this much over the confirmed notional; it is then cut to the confirmed size. */
    private static final BigDecimal PLAN_HEADROOM = new BigDecimal("1.02");

    private final TradingDesk desk;
    private final Clock clock = Clock.systemUTC();

    public PairOpener(TradingDesk desk) {
        this.desk = desk;
    }

    /** Reads books and accounts and sizes the pair; nothing is sent. */
    public OpenPreview preview(OpenRequest req) {
        EngineBeans b = desk.beans();
        BotState state = b.engine.state();
        if (state != BotState.IDLE && state != BotState.WAITING) {
            throw new UsageException("the bot's record is " + state + b.engine.position().map(p -> " (" + p.describe()
                    + ")").orElse("") + ": close it (perpcarry close) or resume it before opening by hand");
        }
        String sym = SymbolResolver.resolve(desk.session(), req.symbol());
        MarketWatch.start(desk.session(), List.of(sym));
        Map<Venue, MarketSpec> specs = new EnumMap<>(Venue.class);
        Map<Venue, OrderBook> books = new EnumMap<>(Venue.class);
        Map<Venue, BigDecimal> available = new EnumMap<>(Venue.class);
        for (Venue v : Venue.values()) {
            specs.put(v, b.venues.spec(v, sym));
            books.put(v, b.venues.read(v, () -> b.venues.get(v).orderBook(sym, 50)));
            available.put(v, b.venues.account(v).availableBalance());
        }
        String direction;
        Venue longVenue = req.longVenue();
        if (longVenue != null) {
            direction = "long " + longVenue.displayName() + " as asked (--long)";
        } else {
            FundingQuote l = desk.session().lighter().fundingQuotes().get(sym);
            FundingQuote e = desk.session().edgex().fundingQuotes().get(sym);
            if (l == null || e == null) {
                throw new UsageException("no funding quote for " + sym + " on " + (l == null ? "Lighter" : "EdgeX")
                        + "; give --long lighter|edgex");
            }
            longVenue = l.hourlyRate().compareTo(e.hourlyRate()) > 0 ? Venue.EDGEX : Venue.LIGHTER;
            direction = "short the higher funding: Lighter " + apr(l) + " vs EdgeX " + apr(e) + " APR";
        }
        BigDecimal reference = books.get(Venue.LIGHTER).mid().min(books.get(Venue.EDGEX).mid());
        BigDecimal cap = capFor(req, specs, reference);
        SizingResult sizing = sizer(cap).size(specs.get(Venue.LIGHTER), specs.get(Venue.EDGEX), reference,
                available.get(Venue.LIGHTER), available.get(Venue.EDGEX));
        if (sizing instanceof SizingResult.BelowMinimum below) {
            throw new UsageException(below.message());
        }
        SizingResult.Sized sized = (SizingResult.Sized) sizing;
        if (req.sizeBase() != null && sized.baseSize().compareTo(req.sizeBase()) != 0) {
            throw new UsageException("cannot open " + req.sizeBase().toPlainString() + " " + sym + ": "
                    + sized.capSource() + " allows only " + sized.baseSize().toPlainString());
        }
        OrderPricer pricer = pricer(req);
        Map<Venue, LimitPrice> prices = new EnumMap<>(Venue.class);
        prices.put(longVenue, pricer.price(specs.get(longVenue), books.get(longVenue), OrderSide.BUY));
        prices.put(longVenue.other(), pricer.price(specs.get(longVenue.other()), books.get(longVenue.other()),
                OrderSide.SELL));
        return new OpenPreview(sym, longVenue, longVenue.other(), sized.baseSize(), sized.notionalUsd(), prices, books,
                specs, config().leverage(), direction);
    }

    /** Sends the confirmed pair and makes it a hedge or nothing. */
    public OpenReport execute(OpenRequest req, OpenPreview preview, PrintWriter log) {
        EngineBeans b = desk.beans();
        Opportunity o = new Opportunity(preview.symbol(), preview.longVenue(), preview.shortVenue(), null, null, null,
                null, null, null, "opened by hand");
        EngineDecision decision = b.engine.beginManualOpen(o, "operator");
        BigDecimal cap = preview.size().multiply(preview.mid(Venue.LIGHTER).max(preview.mid(Venue.EDGEX)))
                .multiply(PLAN_HEADROOM);
        HedgePlanner planner = new HedgePlanner(b.venues, sizer(cap), pricer(req), config().leverage(), clock);
        HedgePlan plan;
        try {
            plan = planner.plan(decision);
        } catch (PlanRejectedException | VenueException e) {
            b.engine.onOpenAborted("plan failed: " + e.getMessage());
            return OpenReport.notSent(preview, "nothing sent (leverage or planning failed): " + e.getMessage());
        }
        if (plan.longLeg().size().compareTo(preview.size()) < 0) {
            b.engine.onOpenAborted("size moved since confirmation");
            return OpenReport.notSent(preview, "nothing sent: prices or capital moved; only "
                    + plan.longLeg().size().toPlainString() + " " + plan.symbol() + " fits now (confirmed "
                    + preview.size().toPlainString() + "); run again");
        }
        plan = resized(plan, preview.size());
        log.println("sending both legs of " + plan.hedgeId() + " ...");
        log.flush();
        List<TimedLeg> legs = sendBoth(b, plan);
        LegReconciler.OpenResult result = b.legReconciler.reconcile(plan, legs.stream().map(TimedLeg::outcome).toList());
        return OpenReport.after(preview, plan, legs, result, Inventory.read(b.venues));
    }

    private List<TimedLeg> sendBoth(EngineBeans b, HedgePlan plan) {
        List<CompletableFuture<TimedLeg>> futures = new ArrayList<>();
        b.legSender.prepare(plan); // signed before the fork: only the sends race
        for (Venue v : Venue.values()) {
            HedgePlan p = plan;
            futures.add(CompletableFuture.supplyAsync(() -> {
                long sent = System.nanoTime();
                LegOutcome out = b.legSender.send(p, v);
                return new TimedLeg(p.leg(v), out, sent, System.nanoTime());
            }));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private static HedgePlan resized(HedgePlan p, BigDecimal size) {
        return new HedgePlan(p.hedgeId(), p.cycleId(), p.symbol(), withSize(p.longLeg(), size),
                withSize(p.shortLeg(), size), p.sizeStep(), p.notionalUsd(), p.plannedAt());
    }

    private static HedgeLeg withSize(HedgeLeg l, BigDecimal size) {
        return new HedgeLeg(l.venue(), l.symbol(), l.side(), size, l.limitPrice(), l.clientOrderId(), l.reduceOnly());
    }

    private BigDecimal capFor(OpenRequest req, Map<Venue, MarketSpec> specs, BigDecimal reference) {
        if (req.sizeQuote() != null) {
            return req.sizeQuote();
        }
        for (MarketSpec s : specs.values()) {
            if (req.sizeBase().remainder(s.sizeStep()).signum() != 0) {
                throw new UsageException("--size-base " + req.sizeBase().toPlainString() + " is not a multiple of "
                        + s.label() + "'s size step " + s.sizeStep().toPlainString());
            }
        }
        return req.sizeBase().multiply(reference); // sizes back to exactly sizeBase (sizer floors cap / price)
    }

    private PositionSizer sizer(BigDecimal cap) {
        SizingRules r = config().sizingRules();
        return new PositionSizer(new SizingRules(cap, r.leverage(), r.marginBuffer()));
    }

    private OrderPricer pricer(OpenRequest req) {
        PricingRules r = config().pricingRules();
        return new OrderPricer(new PricingRules(req.crossTicks() == null ? r.crossTicks() : req.crossTicks(),
                r.maxPriceDeviationPct()));
    }

    private BotConfig config() {
        return desk.session().config();
    }

    private static String apr(FundingQuote q) {
        return q.aprPercent().round(new MathContext(3)).stripTrailingZeros().toPlainString() + " %";
    }
}
