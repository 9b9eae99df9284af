package io.perpcarry.engine;

import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Venue;
import io.perpcarry.strategy.LimitPrice;
import io.perpcarry.strategy.OrderPricer;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.OrderType;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Map;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes size off one position with reduce-only IOC orders priced from a fresh book each attempt, reading the
 * position back after each order has settled. Reduce-only means a retry can never flip or grow the position.
 */
public final class ReduceOnlyExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(ReduceOnlyExecutor.class);

    private final Venues venues;
    private final OrderGateway gateway;
    private final OrderPricer pricer;
    private final Sleeper sleeper;
    private final Duration settle;
    private final int attempts;
    private final LegSettler settler;

    public ReduceOnlyExecutor(Venues venues, OrderGateway gateway, OrderPricer pricer, Sleeper sleeper, Duration settle,
                              int attempts, LegSettler settler) {
        this.settler = settler;
        this.venues = venues;
        this.gateway = gateway;
        this.pricer = pricer;
        this.sleeper = sleeper;
        this.settle = settle;
        this.attempts = attempts;
    }

    /**
     * Reduces |position| on {@code venue} down to {@code keepAbs} (0 = flat).
     *
     * @return the result with the size left (as last read) and the traded notional at the limit prices sent
     */
    public Reduction reduceTo(Venue venue, String symbol, BigDecimal keepAbs, long cycleId, LegRole role) {
        BigDecimal traded = BigDecimal.ZERO;
        BigDecimal tradedNotional = BigDecimal.ZERO;
        BigDecimal signed = null;
        String last = "";
        for (int i = 0; i <= attempts; i++) {
            try {
                signed = venues.signedSize(venue, symbol);
            } catch (VenueException e) {
                last = "position unreadable: " + e.getMessage();
                signed = null;
                sleeper.sleep(settle);
                continue;
            }
            BigDecimal excess = signed.abs().subtract(keepAbs);
            if (excess.signum() <= 0 || i == attempts) {
                break;
            }
            try {
                MarketSpec spec = venues.spec(venue, symbol);
                BigDecimal qty = excess.divide(spec.sizeStep(), 0, java.math.RoundingMode.CEILING).multiply(spec.sizeStep());
                OrderSide side = signed.signum() > 0 ? OrderSide.SELL : OrderSide.BUY;
                OrderBook book = venues.read(venue, () -> venues.get(venue).orderBook(symbol, 50));
                LimitPrice price = pricer.price(spec, book, side);
                long id = gateway.freshId(cycleId, role, venue);
                LegOutcome out = gateway.send(venue, new OrderRequest(symbol, side, qty, price.price(), OrderType.LIMIT_IOC,
                        true, id), role, cycleId);
                last = out.message();
                ChaosHook.at(role == LegRole.CLOSE ? "close" : role == LegRole.EMERGENCY ? "emergency-close" : "level-unwind");
                if (!out.rejected()) {
                    // from the venue's record of this order, not a sleep: Lighter executes after its ack
                    LegSettler.Settled s = settler.settle(venue, symbol, id);
                    last = last + "; " + s.describe();
                }
                BigDecimal after = venues.signedSize(venue, symbol);
                BigDecimal done = signed.abs().subtract(after.abs()).max(BigDecimal.ZERO);
                traded = traded.add(done);
                tradedNotional = tradedNotional.add(done.multiply(price.price()));
            } catch (VenueException e) {
                last = e.getMessage();
                LOG.warn("{} {} reduce attempt {} failed: {}", venue, symbol, i + 1, e.getMessage());
            }
        }
        boolean done = signed != null && signed.abs().compareTo(keepAbs) <= 0;
        return new Reduction(venue, symbol, done, signed, traded, tradedNotional, last);
    }

    /**
     * @param remainingSigned last size read (null when unreadable: never assume flat)
     * @param tradedNotional  sum of size taken off × the IOC limit price: a conservative (worst-price) exit value
     */
    /**
     * Trims each leg whose size (absolute, by venue) is above {@code targetAbs} down to it, in the given order;
     * the first reduction that fails stops it and is returned (empty: every leg is at or below the target).
     */
    public Optional<Reduction> trimTo(Map<Venue, BigDecimal> legAbs, String symbol, BigDecimal targetAbs, long cycleId,
                                      LegRole role) {
        for (Map.Entry<Venue, BigDecimal> leg : legAbs.entrySet()) {
            if (leg.getValue().compareTo(targetAbs) > 0) {
                Reduction r = reduceTo(leg.getKey(), symbol, targetAbs, cycleId, role);
                if (!r.done()) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    public record Reduction(Venue venue, String symbol, boolean done, BigDecimal remainingSigned, BigDecimal traded,
                            BigDecimal tradedNotional, String lastMessage) {
        public BigDecimal averagePrice() {
            return traded.signum() == 0 ? BigDecimal.ZERO
                    : tradedNotional.divide(traded, java.math.MathContext.DECIMAL64);
        }

        public String describe() {
            return venue.displayName() + " " + symbol + (done ? " reduced" : " NOT reduced") + ", left "
                    + (remainingSigned == null ? "unknown" : remainingSigned.toPlainString()) + " (" + lastMessage + ")";
        }
    }
}
