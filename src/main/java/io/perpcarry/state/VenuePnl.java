package io.perpcarry.state;

import java.math.BigDecimal;

/** Realized result on one venue, USD: trading PnL (price), fees paid (positive = cost), funding (positive = received). */
public record VenuePnl(BigDecimal trading, BigDecimal fees, BigDecimal funding) {
    public static final VenuePnl ZERO = new VenuePnl(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public VenuePnl plus(VenuePnl o) {
        return new VenuePnl(trading.add(o.trading), fees.add(o.fees), funding.add(o.funding));
    }

    public BigDecimal net() {
        return trading.subtract(fees).add(funding);
    }
}
