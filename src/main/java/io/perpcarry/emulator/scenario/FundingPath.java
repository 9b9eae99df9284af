package io.perpcarry.emulator.scenario;

import java.math.BigDecimal;
import java.util.List;

/**
 * A venue's funding estimate over time, in the venue's native unit (Lighter: fraction per 8 h;
 * EdgeX: fraction per {@code fundingRateIntervalMin}). Fields a kind does not use are null / empty.
 *
 * @param rate       the starting (CONSTANT: the only) rate
 * @param steps      STEPS: later changes, in time order
 * @param mean       MEAN_REVERTING: long-run level
 * @param reversion  MEAN_REVERTING: share of the gap to the mean closed per funding tick, in (0, 1]
 * @param volatility MEAN_REVERTING: standard deviation of the per-tick random change
 * @param seed       MEAN_REVERTING: seed of this path's draws (mixed with the scenario seed)
 * @param min        MEAN_REVERTING: lowest value (the venue's clamp)
 * @param max        MEAN_REVERTING: highest value
 */
public record FundingPath(
        FundingPathKind kind,
        BigDecimal rate,
        List<FundingStep> steps,
        BigDecimal mean,
        BigDecimal reversion,
        BigDecimal volatility,
        Long seed,
        BigDecimal min,
        BigDecimal max) {

    public FundingPath {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public static FundingPath constant(BigDecimal rate) {
        return new FundingPath(FundingPathKind.CONSTANT, rate, List.of(), null, null, null, null, null, null);
    }
}
