package io.perpcarry.emulator.engine;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One settled funding period of a market (the market-level history).
 *
 * @param rate             native unit, as the estimate was at settlement
 * @param ratePerSettlement the fraction of notional actually exchanged (Lighter rate / 8, EdgeX rate)
 * @param markPrice        the venue's mark used for the payments
 * @param backfilled       true for history generated before the scenario start
 */
public record FundingSettlement(String symbol, Instant time, BigDecimal rate, BigDecimal ratePerSettlement,
                                BigDecimal markPrice, boolean backfilled) {
    /** Who paid in this period: positive rate ⇒ longs pay shorts. */
    public Side payingSide() {
        return ratePerSettlement.signum() >= 0 ? Side.BUY : Side.SELL;
    }
}
