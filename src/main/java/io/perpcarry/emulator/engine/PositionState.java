package io.perpcarry.emulator.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Mutable position of one account in one market: signed size, average entry, and cumulative cash flows. */
final class PositionState {
    BigDecimal size = BigDecimal.ZERO;
    BigDecimal avgEntry = BigDecimal.ZERO;
    BigDecimal realizedPnl = Decimals.usd(BigDecimal.ZERO);
    BigDecimal fundingNet = Decimals.usd(BigDecimal.ZERO);
    BigDecimal feesPaid = Decimals.usd(BigDecimal.ZERO);

    /**
     * Applies a fill and returns the PnL it realised (reducing part only). Opening adds to a size-weighted
     * average entry; a fill that flips the position opens the remainder at the fill price.
     */
    BigDecimal apply(Side side, BigDecimal qty, BigDecimal price) {
        BigDecimal delta = side == Side.BUY ? qty : qty.negate();
        BigDecimal realized = BigDecimal.ZERO;
        if (size.signum() == 0 || size.signum() == delta.signum()) {
            BigDecimal absOld = size.abs();
            avgEntry = absOld.multiply(avgEntry).add(qty.multiply(price))
                    .divide(absOld.add(qty), Decimals.ENTRY, RoundingMode.HALF_EVEN);
            size = size.add(delta);
        } else {
            BigDecimal closing = qty.min(size.abs());
            realized = closing.multiply(price.subtract(avgEntry)).multiply(BigDecimal.valueOf(size.signum()));
            BigDecimal oldAbs = size.abs();
            size = size.add(delta);
            if (size.signum() == 0) {
                avgEntry = BigDecimal.ZERO;
            } else if (qty.compareTo(oldAbs) > 0) {
                avgEntry = price.setScale(Decimals.ENTRY, RoundingMode.HALF_EVEN);
            }
        }
        realized = Decimals.usd(realized);
        realizedPnl = realizedPnl.add(realized);
        return realized;
    }

    BigDecimal value(BigDecimal mark) {
        return size.multiply(mark);
    }

    BigDecimal unrealized(BigDecimal mark) {
        return size.signum() == 0 ? BigDecimal.ZERO : size.multiply(mark.subtract(avgEntry));
    }
}
