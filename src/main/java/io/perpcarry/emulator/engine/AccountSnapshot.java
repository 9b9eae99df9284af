package io.perpcarry.emulator.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One account on one venue, cross margin.
 *
 * @param collateral          cash: deposits + realised PnL − fees ± funding (USDC)
 * @param equity              collateral + unrealised PnL
 * @param initialMargin       Σ |position value| / leverage
 * @param orderMargin         initial margin reserved by resting orders that add exposure
 * @param maintenanceMargin   Σ |position value| × maintenance fraction
 * @param availableBalance    equity − initialMargin − orderMargin, floored at 0
 * @param marginRatio         maintenanceMargin / equity (≥ 1 ⇒ liquidation); 0 when flat
 */
public record AccountSnapshot(long accountId, BigDecimal collateral, BigDecimal equity, BigDecimal unrealizedPnl,
                              BigDecimal initialMargin, BigDecimal orderMargin, BigDecimal maintenanceMargin,
                              BigDecimal availableBalance, BigDecimal marginRatio, List<Position> positions,
                              int openOrderCount, Instant time) {
    public AccountSnapshot {
        positions = List.copyOf(positions);
    }
}
