package io.perpcarry.strategy;

import io.perpcarry.domain.Venue;

import java.math.BigDecimal;

/** Outcome of {@link PositionSizer}: a size for both legs, or the venue minimum that blocks the trade. */
public sealed interface SizingResult {

    /**
     * One base size used on both legs.
     *
     * @param baseSize       multiple of {@code commonStep}, hence on both venues' steps
     * @param commonStep     least common multiple of the two size steps
     * @param notionalUsd    baseSize × reference price
     * @param capNotionalUsd the binding cap: min(target notional, weaker venue's usable buying power)
     * @param capSource      what set the cap, e.g. "target notional" or "EdgeX available capital"
     */
    record Sized(BigDecimal baseSize, BigDecimal commonStep, BigDecimal notionalUsd, BigDecimal capNotionalUsd,
                 String capSource) implements SizingResult {
    }

    /**
     * The largest size the cap allows is below a venue minimum. {@code message} is for the operator.
     *
     * @param constraint   "min base size", "min quote notional" or "one size step"
     * @param minimum      the venue's minimum, in {@code unit}
     * @param unit         "USD" or the base symbol
     * @param proposedSize the floored size that failed (may be 0)
     */
    record BelowMinimum(Venue venue, String constraint, BigDecimal minimum, String unit, BigDecimal proposedSize,
                        String message) implements SizingResult {
    }
}
