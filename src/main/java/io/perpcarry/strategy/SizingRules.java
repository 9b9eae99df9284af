package io.perpcarry.strategy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Position sizing parameters (mapped from config later).
 *
 * @param notionalPerPositionUsd target notional of each leg
 * @param leverage               leverage set on both venues
 * @param marginBuffer           fraction of buying power left unused (0.1 = keep 10 % free), in [0, 1)
 */
public record SizingRules(BigDecimal notionalPerPositionUsd, BigDecimal leverage, BigDecimal marginBuffer) {
    public SizingRules {
        Objects.requireNonNull(notionalPerPositionUsd, "notionalPerPositionUsd is required");
        Objects.requireNonNull(leverage, "leverage is required");
        Objects.requireNonNull(marginBuffer, "marginBuffer is required");
        if (notionalPerPositionUsd.signum() <= 0) {
            throw new IllegalArgumentException("notionalPerPositionUsd must be > 0, got "
                    + notionalPerPositionUsd.toPlainString());
        }
        if (leverage.signum() <= 0) {
            throw new IllegalArgumentException("leverage must be > 0, got " + leverage.toPlainString());
        }
        if (marginBuffer.signum() < 0 || marginBuffer.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("marginBuffer must be in [0, 1), got " + marginBuffer.toPlainString());
        }
    }
}
