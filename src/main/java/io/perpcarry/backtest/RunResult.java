package io.perpcarry.backtest;

import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one simulated run earned, USD. {@code trading} is the legs' realized price PnL = {@code basis} − {@code slippage}
 * (basis: the mid-to-mid PnL of the two legs; slippage: fills versus each venue's own mid). net = funding + trading − fees.
 */
public record RunResult(int cycles, int stopLosses, int rejectedOpens, Duration inMarket, Duration period,
                        Map<Venue, BigDecimal> funding, BigDecimal fees, BigDecimal slippage, BigDecimal basis,
                        BigDecimal trading, BigDecimal net, BigDecimal capital, BigDecimal maxDrawdown,
                        List<CurvePoint> curve, List<Decision> decisions) {

    public BigDecimal fundingTotal() {
        return funding.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
