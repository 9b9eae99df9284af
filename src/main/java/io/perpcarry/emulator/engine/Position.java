package io.perpcarry.emulator.engine;

import java.math.BigDecimal;

/**
 * An account's position in one market (flat positions that were ever opened are still listed, size 0).
 *
 * @param size               signed base size: + long, − short
 * @param avgEntryPrice      0 when flat
 * @param positionValue      signed size × mark
 * @param unrealizedPnl      size × (mark − avg entry)
 * @param realizedPnl        cumulative from closing fills (before fees and funding)
 * @param fundingNet         cumulative funding cash flow: negative = net paid
 * @param feesPaid           cumulative trading fees (negative if rebates dominate)
 * @param leverage           the account's leverage setting for the market
 * @param initialMargin      |positionValue| / leverage
 * @param maintenanceMargin  |positionValue| × maintenance fraction
 * @param liquidationPrice   mark at which the account (cross) hits maintenance with other positions fixed; null if none
 */
public record Position(String symbol, BigDecimal size, BigDecimal avgEntryPrice, BigDecimal markPrice,
                       BigDecimal positionValue, BigDecimal unrealizedPnl, BigDecimal realizedPnl,
                       BigDecimal fundingNet, BigDecimal feesPaid, int leverage, boolean crossMargin,
                       BigDecimal initialMargin, BigDecimal maintenanceMargin, BigDecimal liquidationPrice) {
    public Side side() {
        return size.signum() >= 0 ? Side.BUY : Side.SELL;
    }
}
