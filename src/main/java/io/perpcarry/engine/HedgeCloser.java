package io.perpcarry.engine;

import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.Venue;
import io.perpcarry.state.CycleResult;
import io.perpcarry.state.HeldLeg;
import io.perpcarry.state.HeldPosition;
import io.perpcarry.state.Journal;
import io.perpcarry.state.VenuePnl;
import io.perpcarry.venue.FundingPayment;
import io.perpcarry.venue.OpenOrder;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the hedge off: both legs reduce-only in parallel, read back until flat (fresh prices each retry), leftover
 * orders in the symbol cancelled, realized result per venue recorded. Not flat after the retries → HALTED.
 */
public final class HedgeCloser implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HedgeCloser.class);

    private final Venues venues;
    private final ReduceOnlyExecutor reducer;
    private final RotationEngine engine;
    private final Clock clock;
    private final Journal journal;
    private final CycleBook book;
    private final ExecutorService legs = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "perpcarry-close-leg");
        t.setDaemon(true);
        return t;
    });

    public HedgeCloser(Venues venues, ReduceOnlyExecutor reducer, RotationEngine engine, Journal journal, Clock clock) {
        this.venues = venues;
        this.book = new CycleBook(venues, journal);
        this.journal = journal;
        this.reducer = reducer;
        this.engine = engine;
        this.clock = clock;
    }

    public CloseOutcome closeFor(EngineDecision decision) {
        return close(CloseRequest.from(decision));
    }

    /** One close at a time: a second trigger (risk event, JMX, scan) waits and then finds nothing to close. */
    public synchronized CloseOutcome close(CloseRequest request) {
        if (engine.emergencyUnderway()) {
            return new CloseOutcome(false, "emergency close under way; it takes everything off");
        }
        if (!engine.beginClose(request.reason())) {
            return new CloseOutcome(false, "nothing to close in state " + engine.state());
        }
        HeldPosition p = engine.position().orElse(null);
        if (p == null) {
            engine.halt("CLOSING without a known position; check both venues");
            return new CloseOutcome(false, "no position on record");
        }
        Optional<CloseOutcome> unreadable = bothLegsReadable(p, request);
        if (unreadable.isPresent()) {
            return unreadable.get();
        }
        CompletableFuture<ReduceOnlyExecutor.Reduction> longF = CompletableFuture.supplyAsync(() ->
                reducer.reduceTo(p.longLeg().venue(), p.symbol(), BigDecimal.ZERO, p.cycleId(), LegRole.CLOSE), legs);
        CompletableFuture<ReduceOnlyExecutor.Reduction> shortF = CompletableFuture.supplyAsync(() ->
                reducer.reduceTo(p.shortLeg().venue(), p.symbol(), BigDecimal.ZERO, p.cycleId(), LegRole.CLOSE), legs);
        ReduceOnlyExecutor.Reduction lr = longF.join();
        ReduceOnlyExecutor.Reduction sr = shortF.join();
        cancelLeftovers(p.symbol());
        if (!lr.done() || !sr.done()) {
            engine.halt("close of " + p.describe() + " failed (" + request.reason() + "): " + lr.describe() + "; "
                    + sr.describe());
            return new CloseOutcome(false, "not flat");
        }
        CycleResult result = result(p, request, Map.of(lr.venue(), lr, sr.venue(), sr));
        engine.onClosed(result);
        return new CloseOutcome(true, "closed " + p.describe() + ", net " + result.netPnl().toPlainString() + " USD");
    }

    /**
     * Both legs must be readable before either is touched: closing the readable one alone would leave the other
     * naked. A venue that cannot be read for a passing reason (timeout, 5xx, budget) puts the hedge back to HOLDING
     * for the next pass; a lasting refusal (bad key, clock outside the venue's window) HALTs with the hedge intact.
     */
    private Optional<CloseOutcome> bothLegsReadable(HeldPosition p, CloseRequest request) {
        for (Venue v : List.of(p.longLeg().venue(), p.shortLeg().venue())) {
            Optional<String> clockOff = VenueClocks.off(venues, v);
            if (clockOff.isPresent()) {
                String why = clockOff.get() + "; neither leg touched, the hedge stays whole";
                engine.halt("close of " + p.describe() + " not started (" + request.reason() + "): " + why);
                return Optional.of(new CloseOutcome(false, why));
            }
            try {
                venues.signedSize(v, p.symbol());
            } catch (VenueException e) {
                String why = v.displayName() + " position unreadable before the close (" + e.getMessage()
                        + "); neither leg touched, the hedge stays whole";
                if (e.isTransient()) {
                    engine.closeDeferred(request.reason() + ": " + why);
                } else {
                    engine.halt("close of " + p.describe() + " not started (" + request.reason() + "): " + why);
                }
                return Optional.of(new CloseOutcome(false, why));
            }
        }
        return Optional.empty();
    }

    private void cancelLeftovers(String symbol) {
        for (Venue v : Venue.values()) {
            try {
                for (OpenOrder o : venues.openOrders(v)) {
                    if (o.symbol().equals(symbol)) {
                        venues.get(v).cancelOrder(symbol, o.orderId());
                    }
                }
            } catch (VenueException e) {
                LOG.warn("cancelling leftover {} orders on {}: {}", symbol, v, e.getMessage());
            }
        }
    }

    private CycleResult result(HeldPosition p, CloseRequest req, Map<Venue, ReduceOnlyExecutor.Reduction> exits) {
        Map<Venue, VenuePnl> pnl = new EnumMap<>(Venue.class);
        BigDecimal volume = BigDecimal.ZERO;
        for (Venue v : Venue.values()) {
            HeldLeg leg = p.leg(v);
            try {
                // what the venue booked: fill prices and fees, not our limit prices
                CycleBook.Booked b = book.book(v, p.symbol(), p.cycleId());
                pnl.put(v, new VenuePnl(b.trading(), b.fees(), funding(v, p)));
                volume = volume.add(b.volume());
                continue;
            } catch (VenueException e) {
                journal.append("pnl_estimated", Map.of("venue", v.wireName(), "cycle_id", p.cycleId(), "reason",
                        "fills unreadable, booked from entry and limit prices: " + e.getMessage()));
            }
            ReduceOnlyExecutor.Reduction exit = exits.get(v);
            BigDecimal exitPrice = exit.traded().signum() == 0 ? leg.entryPrice() : exit.averagePrice();
            BigDecimal trading = exitPrice.subtract(leg.entryPrice()).multiply(leg.size())
                    .multiply(BigDecimal.valueOf(leg.side().sign()));
            BigDecimal notional = leg.entryNotional().add(exit.tradedNotional());
            pnl.put(v, new VenuePnl(trading, notional.multiply(takerFee(v, p.symbol())), funding(v, p)));
            volume = volume.add(notional);
        }
        return new CycleResult(p.cycleId(), p.symbol(), p.longLeg().venue(), p.openedAt(), clock.instant(),
                req.reason(), req.stopLoss(), pnl, volume);
    }

    private BigDecimal takerFee(Venue v, String symbol) {
        try {
            MarketSpec s = venues.spec(v, symbol);
            return s.takerFeeRate();
        } catch (VenueException e) {
            LOG.warn("fee rate of {} {} unknown, fees not recorded: {}", v, symbol, e.getMessage());
            return BigDecimal.ZERO;
        }
    }

    private BigDecimal funding(Venue v, HeldPosition p) {
        try {
            java.util.List<FundingPayment> paid = venues.read(v, () -> venues.get(v).fundingPayments(p.openedAt()))
                    .stream().filter(f -> f.symbol().equals(p.symbol())).toList();
            for (FundingPayment f : paid) {
                journal.append("funding", Map.of("venue", v.wireName(), "symbol", f.symbol(), "cycle_id", p.cycleId(),
                        "settled_at", f.settledAt(), "rate", f.rate(), "amount", f.amount()));
            }
            return paid.stream().map(FundingPayment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        } catch (VenueException e) {
            LOG.warn("funding of {} {} unreadable, recorded as 0: {}", v, p.symbol(), e.getMessage());
            return BigDecimal.ZERO;
        }
    }

    @Override
    public void close() {
        legs.shutdownNow();
    }

    public record CloseOutcome(boolean flat, String message) {
    }

}
