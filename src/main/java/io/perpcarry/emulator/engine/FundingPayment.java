package io.perpcarry.emulator.engine;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One funding payment of one account's position.
 *
 * @param positionSize      signed size at settlement (+ long, − short)
 * @param rate              native rate (Lighter per 8 h, EdgeX per interval)
 * @param ratePerSettlement fraction charged for this settlement
 * @param amount            signed cash flow to the account, USDC: negative = paid, positive = received
 */
public record FundingPayment(long fundingId, long accountId, String symbol, Instant time, BigDecimal rate,
                             BigDecimal ratePerSettlement, BigDecimal positionSize, BigDecimal markPrice,
                             BigDecimal amount, FundingDirection direction) {
}
