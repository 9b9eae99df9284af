package io.perpcarry.strategy;

import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.OrderSide;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Limit prices for taker legs: buy at best ask + n ticks, sell at best bid − n ticks, never further than
 * {@code maxPriceDeviationPct} from mid.
 *
 * <p>Rounding: a buy rounds up and a sell down onto the tick, which keeps the order marketable. When that
 * conflicts with the deviation cap, <b>the cap wins</b>: the price is the last tick inside the cap (buy rounds
 * the cap down, sell rounds it up). Such a price may no longer reach the touch; it is flagged
 * {@code marketable = false} so the executor sends it IOC and gets a partial or no fill — a thin or spoofed
 * book must never make us pay more than the cap.
 */
public final class OrderPricer {

    private final PricingRules rules;

    public OrderPricer(PricingRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public LimitPrice price(MarketSpec spec, OrderBook book, OrderSide side) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(side, "side");
        if (spec.venue() != book.venue() || !spec.symbol().equals(book.symbol())) {
            throw new IllegalArgumentException("book " + book.venue() + " " + book.symbol() + " does not match "
                    + spec.label());
        }
        BigDecimal tick = spec.priceTick();
        BigDecimal mid = book.mid();
        // Exact (no MathContext): the cap must be the true cap, or flooring could land a hair past it.
        BigDecimal deviation = mid.multiply(rules.maxPriceDeviationPct()).movePointLeft(2);
        BigDecimal cross = tick.multiply(BigDecimal.valueOf(rules.crossTicks()));

        if (side == OrderSide.BUY) {
            BigDecimal touch = book.bestAsk();
            BigDecimal wanted = StepMath.ceilTo(touch.add(cross), tick);
            BigDecimal cap = mid.add(deviation);
            if (wanted.compareTo(cap) <= 0) {
                return new LimitPrice(side, wanted, false, true);
            }
            BigDecimal clamped = StepMath.floorTo(cap, tick);
            return new LimitPrice(side, clamped, true, clamped.compareTo(touch) >= 0);
        }
        BigDecimal touch = book.bestBid();
        BigDecimal wanted = StepMath.floorTo(touch.subtract(cross), tick);
        BigDecimal floor = mid.subtract(deviation);
        if (wanted.compareTo(floor) >= 0 && wanted.signum() > 0) {
            return new LimitPrice(side, wanted, false, true);
        }
        BigDecimal clamped = StepMath.ceilTo(floor, tick);
        return new LimitPrice(side, clamped, true, clamped.compareTo(touch) <= 0);
    }
}
