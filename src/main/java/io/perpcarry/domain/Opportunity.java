package io.perpcarry.domain;

import java.math.BigDecimal;
import java.util.Optional;

import static io.perpcarry.domain.Checks.required;
import static io.perpcarry.domain.Checks.text;

/**
 * One ranked row: the hedge we would put on for a symbol, its economics, and why it is excluded if it is.
 * Numbers are null when they cannot be computed (symbol missing on a venue, book too thin).
 *
 * @param longVenue          venue where we buy (the lower funding rate); null if not listed on both
 * @param shortVenue         venue where we sell (the higher funding rate); null if not listed on both
 * @param grossSpreadAprPct  (short hourly rate − long hourly rate) × 24 × 365 × 100; >= 0
 * @param costs              round-trip costs for the intended notional
 * @param netAprPct          (funding over hold − costs) / notional, annualised over the hold, percent
 * @param breakEvenHours     hours of spread income needed to pay the costs; 0 when costs <= 0,
 *                           null when unknown or when the spread is zero (never breaks even)
 * @param volume24hUsd       the two venues' 24 h volumes added together (the original bot's measure)
 * @param midGapPct          (short-venue mid − long-venue mid) / average mid × 100; positive = we sell dearer
 * @param excludedReason     human reason(s) the row is not tradable; null when eligible
 */
public record Opportunity(
        String symbol,
        Venue longVenue,
        Venue shortVenue,
        BigDecimal grossSpreadAprPct,
        CostBreakdown costs,
        BigDecimal netAprPct,
        BigDecimal breakEvenHours,
        BigDecimal volume24hUsd,
        BigDecimal midGapPct,
        String excludedReason) {

    public Opportunity {
        text(symbol, "symbol");
        if ((longVenue == null) != (shortVenue == null)) {
            throw new IllegalArgumentException(symbol + ": long and short venue must both be set or both be null");
        }
        if (longVenue != null && longVenue == shortVenue) {
            throw new IllegalArgumentException(symbol + ": long and short legs must be on different venues");
        }
        if (excludedReason != null && excludedReason.isBlank()) {
            throw new IllegalArgumentException(symbol + ": an exclusion needs a reason");
        }
        if (excludedReason == null) {
            required(longVenue, "longVenue of an eligible opportunity");
            required(grossSpreadAprPct, "grossSpreadAprPct of an eligible opportunity");
            required(costs, "costs of an eligible opportunity");
            required(netAprPct, "netAprPct of an eligible opportunity");
        }
    }

    /** A symbol we cannot trade at all, e.g. "no EdgeX market". */
    public static Opportunity unavailable(String symbol, String reason) {
        return new Opportunity(symbol, null, null, null, null, null, null, null, null, required(reason, "reason"));
    }

    public boolean eligible() {
        return excludedReason == null;
    }

    public Optional<String> exclusion() {
        return Optional.ofNullable(excludedReason);
    }

    /** Same symbol and the same legs on the same venues. */
    public boolean sameHedgeAs(String otherSymbol, Venue otherLongVenue) {
        return symbol.equals(otherSymbol) && longVenue == otherLongVenue;
    }
}
