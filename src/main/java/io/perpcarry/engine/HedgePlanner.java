package io.perpcarry.engine;

import io.perpcarry.domain.HedgeLeg;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.Opportunity;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Venue;
import io.perpcarry.strategy.LimitPrice;
import io.perpcarry.strategy.OrderPricer;
import io.perpcarry.strategy.PositionSizer;
import io.perpcarry.strategy.SizingResult;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns an OPEN decision into two legs from fresh books: one size on the common step (the sizer), taker prices
 * with cross ticks and a deviation cap (the pricer), client order ids from cycle/leg/attempt. Refuses when either
 * venue's data is stale or the symbol is already positioned there (the read-back would be wrong).
 */
public final class HedgePlanner {
    private static final int BOOK_DEPTH = 50;

    private final Venues venues;
    private final PositionSizer sizer;
    private final OrderPricer pricer;
    private final int leverage;
    private final Clock clock;

    public HedgePlanner(Venues venues, PositionSizer sizer, OrderPricer pricer, int leverage, Clock clock) {
        this.venues = venues;
        this.sizer = sizer;
        this.pricer = pricer;
        this.leverage = leverage;
        this.clock = clock;
    }

    /** Optional: told when a refused candidate falls through to the next one (journaled). */
    private RotationEngine engine;

    public HedgePlanner withEngine(RotationEngine e) {
        this.engine = e;
        return this;
    }

    /** Positions found before an open: attributed, unwound when ours, HALT otherwise (never waited on). */
    private StrayLegs strays;

    public HedgePlanner withStrays(StrayLegs s) {
        this.strays = s;
        return this;
    }

    /**
     * Plans the decision's opportunity; when that one is refused at plan time, the next eligible ones of the same
     * scan in rank order (strategy: fall-through). Accounts that are not flat refuse the whole open.
     */
    public HedgePlan plan(EngineDecision decision) {
        if (decision.action() != EngineDecision.Action.OPEN || decision.opportunity().isEmpty()) {
            throw new IllegalArgumentException("not an OPEN decision: " + decision);
        }
        java.util.List<String> refusals = new java.util.ArrayList<>();
        EngineDecision d = decision;
        for (int i = 0; ; i++) {
            try {
                return planOne(d);
            } catch (AccountsNotFlatException e) {
                throw e;
            } catch (PlanRejectedException e) {
                refusals.add(e.getMessage());
                if (i >= decision.fallbacks().size()) {
                    throw new PlanRejectedException(String.join("; ", refusals), e);
                }
                String next = decision.fallbacks().get(i).symbol();
                if (engine != null) {
                    engine.onFallThrough(decision.cycleId(), d.opportunity().get().symbol(), e.getMessage(), next);
                }
                d = decision.fallback(i);
            }
        }
    }

    private HedgePlan planOne(EngineDecision decision) {
        Opportunity o = decision.opportunity().get();
        String symbol = o.symbol();
        Map<Venue, MarketSpec> specs = new EnumMap<>(Venue.class);
        Map<Venue, OrderBook> books = new EnumMap<>(Venue.class);
        Map<Venue, AccountState> accounts = new EnumMap<>(Venue.class);
        Map<Venue, java.util.List<io.perpcarry.domain.Position>> held = new EnumMap<>(Venue.class);
        try {
            for (Venue v : Venue.values()) {
                if (!venues.get(v).marketDataFresh(symbol)) {
                    throw new PlanRejectedException(v.displayName() + " " + symbol + " market data is stale");
                }
                specs.put(v, venues.spec(v, symbol));
                books.put(v, venues.read(v, () -> venues.get(v).orderBook(symbol, BOOK_DEPTH)));
                accounts.put(v, venues.account(v));
                java.util.List<io.perpcarry.domain.Position> positioned = accounts.get(v).positions().stream()
                        .filter(p -> !p.isFlat()).toList();
                if (!positioned.isEmpty()) {
                    held.put(v, positioned);
                }
            }
        } catch (VenueException e) {
            throw new PlanRejectedException("cannot plan " + symbol + ": " + e.getMessage(), e);
        }
        if (!held.isEmpty()) {
            // nothing of ours is on while opening: a late fill of ours is unwound, anything else HALTs
            throw strays != null ? strays.refuse(symbol, held) : new AccountsNotFlatException("not opening " + symbol
                    + ": the accounts hold " + held + "; flatten it (or adopt it) first");
        }
        BigDecimal reference = books.get(Venue.LIGHTER).mid().min(books.get(Venue.EDGEX).mid());
        SizingResult sizing = sizer.size(specs.get(Venue.LIGHTER), specs.get(Venue.EDGEX), reference,
                accounts.get(Venue.LIGHTER).availableBalance(), accounts.get(Venue.EDGEX).availableBalance());
        if (sizing instanceof SizingResult.BelowMinimum b) {
            throw new PlanRejectedException(b.message());
        }
        SizingResult.Sized sized = (SizingResult.Sized) sizing;
        long cycle = decision.cycleId();
        Venue longVenue = o.longVenue();
        Venue shortVenue = o.shortVenue();
        HedgeLeg longLeg = leg(specs.get(longVenue), books.get(longVenue), OrderSide.BUY, sized.baseSize(),
                ClientOrderIds.of(cycle, LegRole.OPEN_LONG, longVenue, 0));
        HedgeLeg shortLeg = leg(specs.get(shortVenue), books.get(shortVenue), OrderSide.SELL, sized.baseSize(),
                ClientOrderIds.of(cycle, LegRole.OPEN_SHORT, shortVenue, 0));
        for (Venue v : Venue.values()) {
            venues.get(v).setLeverage(symbol, leverage); // idempotent on both venues
        }
        ChaosHook.at("planning");
        return new HedgePlan(HedgePlan.hedgeIdFor(cycle), cycle, symbol, longLeg, shortLeg, sized.commonStep(),
                sized.notionalUsd(), clock.instant());
    }

    /** The venues hold positions the bot does not own: no candidate is tried. */
    public static final class AccountsNotFlatException extends PlanRejectedException {
        public AccountsNotFlatException(String message) {
            super(message);
        }
    }

    private HedgeLeg leg(MarketSpec spec, OrderBook book, OrderSide side, BigDecimal size, long clientOrderId) {
        LimitPrice p = pricer.price(spec, book, side);
        return new HedgeLeg(spec.venue(), spec.symbol(), side, size, p.price(), Long.toString(clientOrderId), false);
    }
}
