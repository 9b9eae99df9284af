package io.perpcarry.domain;

import java.math.BigDecimal;
import java.math.MathContext;

import static io.perpcarry.domain.Checks.positive;

/** Best bid and best ask. A crossed or locked top is rejected: it means a stale or broken feed. */
public record BookTop(BigDecimal bestBid, BigDecimal bestAsk) {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public BookTop {
        positive(bestBid, "bestBid");
        positive(bestAsk, "bestAsk");
        if (bestBid.compareTo(bestAsk) >= 0) {
            throw new IllegalArgumentException("crossed book: bid " + bestBid.toPlainString()
                    + " >= ask " + bestAsk.toPlainString());
        }
    }

    /** (bid + ask) / 2, exact. */
    public BigDecimal mid() {
        return bestBid.add(bestAsk).divide(TWO);
    }

    /** Bid/ask spread in percent of mid, DECIMAL64. */
    public BigDecimal spreadPct() {
        return bestAsk.subtract(bestBid).multiply(HUNDRED).divide(mid(), MathContext.DECIMAL64);
    }
}
