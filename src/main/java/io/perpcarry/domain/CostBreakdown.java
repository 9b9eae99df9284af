package io.perpcarry.domain;

import java.math.BigDecimal;
import java.math.MathContext;

import static io.perpcarry.domain.Checks.nonNegative;
import static io.perpcarry.domain.Checks.positive;
import static io.perpcarry.domain.Checks.required;

/**
 * Round-trip cost of one hedged position, in USD, for the intended notional.
 *
 * @param feesUsd     taker fees of the 4 fills (open + close on both venues)
 * @param slippageUsd book walk versus each venue's own mid, open and close (includes the half spreads)
 * @param basisUsd    entry mid gap between the venues when adverse (bought on the dearer venue); the ranker
 *                    never credits a favourable gap, so it books 0 there
 */
public record CostBreakdown(BigDecimal notionalUsd, BigDecimal feesUsd, BigDecimal slippageUsd, BigDecimal basisUsd) {

    public CostBreakdown {
        positive(notionalUsd, "notionalUsd");
        nonNegative(feesUsd, "feesUsd");
        nonNegative(slippageUsd, "slippageUsd");
        required(basisUsd, "basisUsd");
    }

    /** Fees + slippage + basis; can be negative when the basis gain exceeds everything else. */
    public BigDecimal totalUsd() {
        return feesUsd.add(slippageUsd).add(basisUsd);
    }

    /** Total cost as a fraction of notional. */
    public BigDecimal totalFraction() {
        return totalUsd().divide(notionalUsd, MathContext.DECIMAL64);
    }
}
