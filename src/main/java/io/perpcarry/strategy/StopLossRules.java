package io.perpcarry.strategy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Stop-loss parameters (mapped from config later).
 *
 * @param leverage        leverage the legs were opened with; sets the default threshold
 * @param overridePercent configured loss threshold in percent of leg notional; null = derive from leverage
 */
public record StopLossRules(BigDecimal leverage, BigDecimal overridePercent) {
    public StopLossRules {
        Objects.requireNonNull(leverage, "leverage is required");
        if (leverage.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("leverage must be >= 1, got " + leverage.toPlainString());
        }
        if (overridePercent != null
                && (overridePercent.signum() <= 0 || overridePercent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException("stop-loss percent must be in (0, 100], got "
                    + overridePercent.toPlainString());
        }
    }

    public static StopLossRules fromLeverage(BigDecimal leverage) {
        return new StopLossRules(leverage, null);
    }
}
