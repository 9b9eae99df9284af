package io.perpcarry.strategy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Ranking parameters, from bot.json.
 *
 * @param notionalUsd           intended notional per leg; slippage and venue minimums are checked for this size
 * @param plannedHold           how long we expect to hold; costs are amortised over it
 * @param minCombinedVolumeUsd  the two venues' 24 h volumes added together must reach this ({@code min_volume_usd},
 *                              the original bot's meaning: combined, USD, 250 M by default)
 * @param maxMidGapPct          the two venues' mids may differ by at most this percent of their average
 *                              ({@code max_spread_pct}, the original's cross-venue filter, 0.15 by default)
 * @param maxBookSpreadPct      each venue's own bid/ask spread, percent of mid, must not exceed this
 *                              ({@code max_book_spread_pct})
 * @param minNetAprPct          net APR (percent) needed to be eligible
 */
public record RankingRules(BigDecimal notionalUsd, Duration plannedHold, BigDecimal minCombinedVolumeUsd,
                           BigDecimal maxMidGapPct, BigDecimal maxBookSpreadPct, BigDecimal minNetAprPct) {
    public RankingRules {
        Objects.requireNonNull(notionalUsd, "notionalUsd is required");
        Objects.requireNonNull(plannedHold, "plannedHold is required");
        Objects.requireNonNull(minCombinedVolumeUsd, "minCombinedVolumeUsd is required");
        Objects.requireNonNull(maxMidGapPct, "maxMidGapPct is required");
        Objects.requireNonNull(maxBookSpreadPct, "maxBookSpreadPct is required");
        Objects.requireNonNull(minNetAprPct, "minNetAprPct is required");
        if (notionalUsd.signum() <= 0) {
            throw new IllegalArgumentException("notionalUsd must be > 0, got " + notionalUsd.toPlainString());
        }
        if (plannedHold.isNegative() || plannedHold.isZero()) {
            throw new IllegalArgumentException("plannedHold must be positive, got " + plannedHold);
        }
        if (minCombinedVolumeUsd.signum() < 0 || maxMidGapPct.signum() < 0 || maxBookSpreadPct.signum() < 0) {
            throw new IllegalArgumentException("minCombinedVolumeUsd, maxMidGapPct and maxBookSpreadPct must be >= 0");
        }
    }
}
