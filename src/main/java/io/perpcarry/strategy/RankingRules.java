package io.perpcarry.strategy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Ranking parameters (mapped from config later).
 *
 * @param notionalUsd       intended notional per leg; slippage is measured for this size
 * @param plannedHold       how long we expect to hold; costs are amortised over it
 * @param minVolume24hUsd   each venue's 24 h volume must reach this
 * @param maxBookSpreadPct  each venue's bid/ask spread, percent of mid, must not exceed this
 * @param minNetAprPct      net APR (percent) needed to be eligible
 */
public record RankingRules(BigDecimal notionalUsd, Duration plannedHold, BigDecimal minVolume24hUsd,
                           BigDecimal maxBookSpreadPct, BigDecimal minNetAprPct) {
    public RankingRules {
        Objects.requireNonNull(notionalUsd, "notionalUsd is required");
        Objects.requireNonNull(plannedHold, "plannedHold is required");
        Objects.requireNonNull(minVolume24hUsd, "minVolume24hUsd is required");
        Objects.requireNonNull(maxBookSpreadPct, "maxBookSpreadPct is required");
        Objects.requireNonNull(minNetAprPct, "minNetAprPct is required");
        if (notionalUsd.signum() <= 0) {
            throw new IllegalArgumentException("notionalUsd must be > 0, got " + notionalUsd.toPlainString());
        }
        if (plannedHold.isNegative() || plannedHold.isZero()) {
            throw new IllegalArgumentException("plannedHold must be positive, got " + plannedHold);
        }
        if (minVolume24hUsd.signum() < 0 || maxBookSpreadPct.signum() < 0) {
            throw new IllegalArgumentException("minVolume24hUsd and maxBookSpreadPct must be >= 0");
        }
    }
}
