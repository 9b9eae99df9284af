package io.perpcarry.emulator.engine;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One execution of an account's order against the synthetic book (whose counterparty is the emulator's
 * market maker, account 0).
 *
 * @param fee          charged (positive) or rebated (negative), in USDC
 * @param realizedPnl  PnL realised by the part of the fill that reduced the position (before fees)
 * @param liquidation  true when the engine closed the position at maintenance margin
 */
public record Fill(
        long tradeId,
        long orderId,
        String clientOrderId,
        long accountId,
        String symbol,
        Side side,
        BigDecimal price,
        BigDecimal size,
        BigDecimal fee,
        Liquidity liquidity,
        BigDecimal realizedPnl,
        boolean liquidation,
        Instant time) {

    public BigDecimal quote() {
        return price.multiply(size);
    }
}
