package io.perpcarry.engine;

import io.perpcarry.domain.HedgeLeg;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.Venue;
import io.perpcarry.strategy.LimitPrice;
import io.perpcarry.strategy.OrderPricer;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.OrderType;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An opening IOC that filled nothing or part because the price moved between the book read and the send: its
 * unfilled part is sent again, up to {@code retries} times, each IOC at a fresh price from the book (the pricer's
 * cross ticks and deviation cap) under a fresh client order id (an id is never resent; the gateway journals every
 * attempt). Only when both legs were accepted and have ended: after a refusal at send (margin, closed market) no
 * hedge forms and the filled leg is unwound anyway; a leg still unresolved may yet fill, so nothing is added.
 */
public final class OpenRetry {
    private static final Logger LOG = LoggerFactory.getLogger(OpenRetry.class);
    private static final int BOOK_DEPTH = 50;

    private final Venues venues;
    private final OrderGateway gateway;
    private final OrderPricer pricer;
    private final LegSettler settler;
    private final int retries;

    public OpenRetry(Venues venues, OrderGateway gateway, OrderPricer pricer, LegSettler settler, int retries) {
        this.venues = venues;
        this.gateway = gateway;
        this.pricer = pricer;
        this.settler = settler;
        this.retries = retries;
    }

    /** The retry orders sent, settled (the caller reads positions back afterwards, as for the first legs). */
    public List<LegSettler.Settled> topUp(HedgePlan plan, List<LegOutcome> sent, List<LegSettler.Settled> settled) {
        List<LegSettler.Settled> extra = new ArrayList<>();
        if (sent.stream().anyMatch(LegOutcome::rejected) || settled.stream().anyMatch(s -> !s.resolved())) {
            return extra; // no hedge can form now (a leg refused) or one may still fill: adding size only costs
        }
        for (Venue v : Venue.values()) {
            boolean refused = sent.stream().anyMatch(o -> o.venue() == v && o.rejected());
            List<LegSettler.Settled> mine = settled.stream().filter(s -> s.venue() == v).toList();
            if (refused || mine.isEmpty() || mine.stream().anyMatch(s -> !s.resolved())) {
                continue;
            }
            BigDecimal filled = mine.stream().map(LegSettler.Settled::filled).reduce(BigDecimal.ZERO, BigDecimal::add);
            for (int attempt = 1; attempt <= retries; attempt++) {
                Optional<LegSettler.Settled> s = retry(plan, v, filled, attempt);
                if (s.isEmpty()) {
                    break;
                }
                extra.add(s.get());
                if (!s.get().resolved() || s.get().outcome().isEmpty()) {
                    break; // unresolved (may still fill) or refused: no further attempt
                }
                filled = filled.add(s.get().filled());
            }
        }
        return extra;
    }

    private Optional<LegSettler.Settled> retry(HedgePlan plan, Venue v, BigDecimal filled, int attempt) {
        HedgeLeg leg = plan.leg(v);
        MarketSpec spec;
        OrderBook book;
        try {
            spec = venues.spec(v, plan.symbol());
            book = venues.read(v, () -> venues.get(v).orderBook(plan.symbol(), BOOK_DEPTH));
        } catch (VenueException e) {
            LOG.warn("{} {} not retried: {}", v.displayName(), plan.symbol(), e.getMessage());
            return Optional.empty();
        }
        BigDecimal remainder = leg.size().subtract(filled).divide(spec.sizeStep(), 0, RoundingMode.FLOOR)
                .multiply(spec.sizeStep());
        if (remainder.signum() <= 0 || remainder.compareTo(spec.minBaseSize()) < 0) {
            return Optional.empty();
        }
        LimitPrice price = pricer.price(spec, book, leg.side());
        long id = gateway.freshId(plan.cycleId(), plan.role(v), v);
        LOG.info("{} {} {} leg filled {} of {}: retry {} of {} for {} at {}", plan.hedgeId(), v.displayName(), leg.side(),
                filled.toPlainString(), leg.size().toPlainString(), attempt, retries, remainder.toPlainString(), price.price());
        LegOutcome out = gateway.send(v, new OrderRequest(plan.symbol(), leg.side(), remainder, price.price(),
                OrderType.LIMIT_IOC, false, id), plan.role(v), plan.cycleId());
        if (out.rejected()) {
            return Optional.of(new LegSettler.Settled(v, id, true, Optional.empty(), "refused at send: " + out.message()));
        }
        return Optional.of(settler.settle(v, plan.symbol(), id));
    }
}
