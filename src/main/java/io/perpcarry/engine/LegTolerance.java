package io.perpcarry.engine;

import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One rule, for the leg reconciler, the startup reconciler and the risk guard, of when two legs are "the same size"
 * and what they are levelled to. Legs differing by less than the finer venue's size step cannot be brought closer:
 * they are matched. Otherwise both legs are trimmed reduce-only to the largest size on the common grid (the
 * coarser step, on which both venues can hold exactly the same size) not above the smaller leg: never topped up,
 * and a difference smaller than one common step is levelled too instead of being left for the imbalance guard.
 *
 * @param fineStep   the finer of the two venues' size steps
 * @param commonStep the coarser one (both venues trade multiples of it)
 */
public record LegTolerance(BigDecimal fineStep, BigDecimal commonStep) {
    public LegTolerance {
        if (fineStep.signum() <= 0 || commonStep.compareTo(fineStep) < 0) {
            throw new IllegalArgumentException("size steps must be positive, common >= fine: " + fineStep + ", " + commonStep);
        }
    }

    public static LegTolerance of(BigDecimal stepA, BigDecimal stepB) {
        return new LegTolerance(stepA.min(stepB), stepA.max(stepB));
    }

    /** From both venues' market specs of {@code symbol}. */
    public static LegTolerance of(Venues venues, String symbol) {
        return of(venues.spec(Venue.LIGHTER, symbol).sizeStep(), venues.spec(Venue.EDGEX, symbol).sizeStep());
    }

    /** True when |a − b| is below the finest size either venue can trade. */
    public boolean matched(BigDecimal a, BigDecimal b) {
        return a.abs().subtract(b.abs()).abs().compareTo(fineStep) < 0;
    }

    /** The size both legs are trimmed to: the smaller leg floored to the common step (zero: both unwound). */
    public BigDecimal levelTarget(BigDecimal a, BigDecimal b) {
        BigDecimal smaller = a.abs().min(b.abs());
        return smaller.divide(commonStep, 0, RoundingMode.FLOOR).multiply(commonStep);
    }
}
