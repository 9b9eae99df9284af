package io.perpcarry.strategy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Taker limit-price parameters (mapped from config later).
 *
 * @param crossTicks             ticks beyond the touch, to survive a book moving during the round trip
 * @param maxPriceDeviationPct   hard cap on distance from mid, percent, in (0, 100): protects against a
 *                               stale or spoofed touch
 */
public record PricingRules(int crossTicks, BigDecimal maxPriceDeviationPct) {
    public PricingRules {
        if (crossTicks < 0) {
            throw new IllegalArgumentException("crossTicks must be >= 0, got " + crossTicks);
        }
        Objects.requireNonNull(maxPriceDeviationPct, "maxPriceDeviationPct is required");
        if (maxPriceDeviationPct.signum() <= 0 || maxPriceDeviationPct.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new IllegalArgumentException("maxPriceDeviationPct must be in (0, 100), got "
                    + maxPriceDeviationPct.toPlainString());
        }
    }
}
